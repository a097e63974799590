import Foundation

/// Runs helper programs (Python, openssl) from tests without blocking a cooperative thread.
enum ChildProcess {
    /// Runs `executable` with `arguments` to completion; throws unless it exits with 0.
    /// Output goes through a file, not a pipe, so a large output cannot fill a pipe and hang.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) async throws -> Data {
        let directory = try TestEnvironment.temporaryDirectory("process")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil),
            FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        else {
            throw TestSetupError("cannot create output files in \(directory.path)")
        }
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorURL)
        defer {
            try? output.close()
            try? errors.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard status == 0 else {
            let text = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            throw TestSetupError("\(executable) \(arguments.joined(separator: " ")) exited with \(status): \(text)")
        }
        return try Data(contentsOf: outputURL)
    }
}
