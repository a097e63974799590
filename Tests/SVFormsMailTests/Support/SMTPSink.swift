import Foundation

/// A real SMTP server (aiosmtpd, Tests/system/smtp_sink.py) on 127.0.0.1 and a free port,
/// storing what it receives in a folder of its own. Stop it with `stop()` in a `defer`.
final class SMTPSink: @unchecked Sendable {
    /// One message as the server received it.
    struct Received: Decodable {
        let mailFrom: String
        let recipients: [String]
        let data: String

        // aiosmtpd's names, as the sink writes them.
        enum CodingKeys: String, CodingKey {
            case mailFrom = "mail_from"
            case recipients = "rcpt_tos"
            case data
        }

        /// The raw bytes of the message, as they arrived (after SMTP dot-unstuffing).
        var bytes: [UInt8] { Array(Data(base64Encoded: data) ?? Data()) }
    }

    let port: Int
    let directory: URL
    private let process: Process

    /// Starts the server with extra `arguments` (see smtp_sink.py: --reject, --defer, …) and
    /// waits until it listens (its port file appears), at most ten seconds.
    init(_ arguments: [String] = []) async throws {
        directory = try TestEnvironment.temporaryDirectory("sink")
        process = Process()
        process.executableURL = URL(fileURLWithPath: try TestEnvironment.python())
        process.arguments =
            [TestEnvironment.systemScript("smtp_sink.py"), "--dir", directory.path, "--lifetime", "300"]
            + arguments
        try process.run()
        let portFile = directory.appendingPathComponent("port")
        var found: Int?
        for _ in 0..<500 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let value = Int(text) {
                found = value
                break
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        guard let found else {
            process.terminate()
            throw TestSetupError("the SMTP sink did not start (arguments \(arguments))")
        }
        port = found
    }

    /// `smtp://127.0.0.1:<port>`.
    var url: String { "smtp://127.0.0.1:\(port)" }

    /// Every message received so far.
    func received() throws -> [Received] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .map { try JSONDecoder().decode(Received.self, from: Data(contentsOf: $0)) }
    }

    /// Stops the server (SIGTERM, then SIGKILL after three seconds) and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = ContinuousClock.now + .seconds(3)
            while process.isRunning, ContinuousClock.now < deadline {
                usleep(10_000)
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
