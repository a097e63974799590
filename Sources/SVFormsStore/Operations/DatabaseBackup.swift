import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// `svforms backup` and `svforms restore`: whole-database copies made while the server runs.
public enum DatabaseBackup {
    /// Copies the live database in `dataDirectory` to `destination` with SQLite's `VACUUM INTO`:
    /// one read transaction, so the copy is a consistent snapshot even while submissions are
    /// being written, compacted (no free pages still holding deleted or redacted text), and in
    /// rollback-journal mode so it is one self-contained file. Written beside the destination
    /// under another name, checked, synced to disk and only then renamed into place: a copy
    /// that exists under its name is complete. `destination` may be a folder, which gets a
    /// time-stamped file. Never overwrites a file.
    public static func backUp(dataDirectory: String, to destination: String, now: Date) throws -> (path: String, check: DatabaseFileCheck) {
        let source = (dataDirectory as NSString).appendingPathComponent(AppDatabase.fileName)
        guard FileManager.default.fileExists(atPath: source) else {
            throw DatabaseFileProblem("there is no database at \(source) to back up")
        }
        let target = backupPath(for: destination, now: now)
        guard !FileManager.default.fileExists(atPath: target) else {
            throw DatabaseFileProblem("\(target) already exists; choose a new name or a folder")
        }
        let partial = target + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        // VACUUM INTO accepts an empty file: creating it first gives it owner-only permissions.
        try createPrivateEmptyFile(partial)
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            let live = try DatabaseQueue(path: source, configuration: configuration)
            try live.inDatabase { try $0.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            try live.close()
            let copy = try DatabaseQueue(path: partial)
            try copy.inDatabase { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
            let check = try DatabaseFileCheck.inspect(partial)
            try syncFile(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: target)
            try syncFile(folder(of: target))
            return (target, check)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            if let error = error as? DatabaseError {
                throw DatabaseFileProblem("the copy could not be made: \(error.message ?? "\(error.resultCode)")")
            }
            throw error
        }
    }

    /// Puts a checked backup in place of the database in `dataDirectory`. The caller holds the
    /// directory's `DataDirectoryLock`, so no server is using it. The database it replaces (with
    /// any `-wal` and `-shm` beside it) is moved into a `replaced-…` folder, never deleted.
    public static func restore(_ backup: String, into dataDirectory: String, now: Date) throws -> (check: DatabaseFileCheck, replacedInto: String?) {
        let check = try DatabaseFileCheck.inspect(backup)
        let live = (dataDirectory as NSString).appendingPathComponent(AppDatabase.fileName)
        let incoming = live + ".restoring"
        try? FileManager.default.removeItem(atPath: incoming)
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: backup, toPath: incoming)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: incoming)
        try syncFile(incoming)
        var replacedInto: String?
        if FileManager.default.fileExists(atPath: live) {
            let folder = (dataDirectory as NSString).appendingPathComponent("replaced-\(stamp(now))")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: live + suffix) {
                try FileManager.default.moveItem(
                    atPath: live + suffix, toPath: (folder as NSString).appendingPathComponent(AppDatabase.fileName + suffix))
            }
            replacedInto = folder
        }
        try FileManager.default.moveItem(atPath: incoming, toPath: live)
        try syncFile(folder(of: live))
        return (check, replacedInto)
    }

    static func backupPath(for destination: String, now: Date) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue else {
            return destination
        }
        return (destination as NSString).appendingPathComponent("svforms-\(stamp(now)).sqlite")
    }

    /// `20261122T093000Z`: sorts by time, safe in any file name.
    static func stamp(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)\(month: .twoDigits)\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\(minute: .twoDigits)\(second: .twoDigits)Z",
                timeZone: TimeZone(identifier: "UTC")!, calendar: Calendar(identifier: .gregorian)))
    }

    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func createPrivateEmptyFile(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DatabaseFileProblem("cannot create \(path): \(String(cString: strerror(errno)))") }
        close(descriptor)
    }

    /// fsync a file or folder (a folder's entry for a renamed file lives in the folder).
    private static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DatabaseFileProblem("cannot open \(path) to sync it: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw DatabaseFileProblem("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }
}
