import AsyncAlgorithms
import Foundation
import Hummingbird
import Logging
import SVFormsCore

/// Response bodies for downloads that are too large to build in memory.
enum StreamingBody {
    /// Runs `produce` as a child task and sends each chunk as it comes. The channel makes the
    /// producer wait until the client has taken the previous chunk, so a slow client cannot make
    /// the server buffer the whole file. If the client goes away, or the producer fails, the body
    /// fails too: the connection is closed without the final chunk, so a truncated file is never
    /// presented as complete. A producer failure is logged with a reference.
    static func make(
        logger: Logger,
        _ produce: @escaping @Sendable (_ output: @escaping @Sendable ([UInt8]) async throws -> Void) async throws -> Void
    ) -> ResponseBody {
        ResponseBody { writer in
            let channel = AsyncThrowingChannel<ByteBuffer, any Error>()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await produce { bytes in
                            await channel.send(ByteBuffer(bytes: bytes))
                            try Task.checkCancellation()
                        }
                        channel.finish()
                    } catch {
                        if !(error is CancellationError) {
                            logger.error("download failed", metadata: ["reference": .string(Reference.generate()), "error": .string("\(error)")])
                        }
                        channel.fail(error)
                        throw error
                    }
                }
                for try await chunk in channel { try await writer.write(chunk) }
                // A cancelled consumer sees the channel end early: that is not a complete file.
                try Task.checkCancellation()
                try await group.waitForAll()
            }
            try await writer.finish(nil)
        }
    }

    /// Writes a file with `produce`, then streams it. The file is unlinked as soon as it is open,
    /// so nothing is left behind however the download ends (the housekeeping sweep removes what
    /// a crash leaves in the directory).
    static func file(in directory: String, _ produce: (String) async throws -> Void) async throws -> ResponseBody {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await produce(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        let file = SendableFileHandle(handle)
        return ResponseBody(contentLength: size) { writer in
            defer { try? file.handle.close() }
            while let chunk = try file.handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
    }
}

/// A file handle read by one task at a time (the body writer), never shared concurrently.
private struct SendableFileHandle: @unchecked Sendable {
    let handle: FileHandle

    init(_ handle: FileHandle) {
        self.handle = handle
    }
}
