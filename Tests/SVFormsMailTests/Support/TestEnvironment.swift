import Foundation

/// Where the tests find the repository's helpers, and fresh temporary folders.
enum TestEnvironment {
    /// The repository root, found from this file's path (Tests/SVFormsMailTests/Support/).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The Python of the repository's test virtual environment, which has aiosmtpd.
    static func python() throws -> String {
        let path = repositoryRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestSetupError("no \(path): run `bash scripts/install-test-tools.sh` first")
        }
        return path
    }

    /// A script in Tests/system (shared with the pytest suite).
    static func systemScript(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/system/\(name)").path
    }

    /// A new, empty folder under the system's temporary directory.
    static func temporaryDirectory(_ label: String = #function) throws -> URL {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("svforms-mail-\(safe.prefix(40))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A test could not set up what it needs (as opposed to a failed expectation).
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
