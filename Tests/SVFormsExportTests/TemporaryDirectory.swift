import Foundation

/// A directory of its own for one test (Swift Testing runs tests in parallel), removed afterwards.
struct TemporaryDirectory: ~Copyable {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("svforms-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Descriptors this process holds open on files that are or were in the directory: libxlsxwriter's
    /// temporary files are unlinked as soon as they are made, so only /proc still shows them.
    /// Tests in parallel cannot disturb this count, since each uses its own directory.
    func openDescriptors() -> [String] {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
            .filter { $0.hasPrefix(path + "/") }
    }
}
