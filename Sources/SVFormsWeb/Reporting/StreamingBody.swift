import AsyncAlgorithms
import Foundation
import Hummingbird

/// Response bodies for downloads that are too large to build in memory.
enum StreamingBody {
    /// Runs `produce` in its own task and sends each chunk as it comes. The channel makes the
    /// producer wait until the client has taken the previous chunk, so a slow client cannot make
    /// the server buffer the whole file; a client that goes away stops the producer.
    static func make(
        _ produce: @escaping @Sendable (_ output: @escaping @Sendable ([UInt8]) async throws -> Void) async throws -> Void
    ) -> ResponseBody {
        ResponseBody { writer in
            let channel = AsyncThrowingChannel<ByteBuffer, any Error>()
            let producer = Task {
                do {
                    try await produce { bytes in await channel.send(ByteBuffer(bytes: bytes)) }
                    channel.finish()
                } catch {
                    channel.fail(error)
                }
            }
            do {
                for try await chunk in channel { try await writer.write(chunk) }
            } catch {
                producer.cancel()
                throw error
            }
            try await writer.finish(nil)
        }
    }

    /// Writes a file with `produce`, then streams it. The file is unlinked as soon as it is open,
    /// so nothing is left behind however the download ends.
    static func file(in directory: String, _ produce: (String) async throws -> Void) async throws -> ResponseBody {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("export-\(UUID().uuidString)")
        do {
            try await produce(path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        try FileManager.default.removeItem(atPath: path)
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
