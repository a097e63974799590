import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on `svforms.lock` in a data directory, held for as long as this value lives:
/// by `svforms serve` while it runs, and by `svforms restore` while it replaces the database, so
/// neither can start while the other is at work (nor can two servers share one database).
/// The lock is on a file of its own, never on the database: opening and closing another
/// descriptor on the database file would drop SQLite's own POSIX locks for the whole process.
public final class DataDirectoryLock: Sendable {
    public static let fileName = "svforms.lock"
    private let descriptor: Int32

    /// Takes the lock without waiting, creating the directory and lock file if needed;
    /// throws `DataDirectoryLock.Held` when another process has it.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(message: "cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            if reason == EWOULDBLOCK { throw Held(directory: directory) }
            throw Failure(message: "cannot lock \(path): \(String(cString: strerror(reason)))")
        }
        // The holder's process id, for the operator reading the file; the lock itself is what counts.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Another process (a running server, or a restore) holds the data directory.
    public struct Held: Error, CustomStringConvertible {
        public let directory: String
        public var description: String {
            "another svforms process (a running server, or a restore) is using the data directory \(directory)"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
