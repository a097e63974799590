import Foundation
import GRDB
import SVFormsCore

/// Owns the SQLite database: opening it durably and migrating it. Its reads and writes are in one store
/// per aggregate (`accounts`, `responses`, `rounds`, …), all over one shared writer with group commit.
public final class AppDatabase: Store {
    let shared: SharedWriter
    public let accounts: AccountStore
    public let audit: AuditStore
    public let responses: ResponseStore
    public let rounds: RoundStore
    public let outbox: OutboxStore
    public let voices: VoiceStore
    public let framework: FrameworkStore
    public let reporting: ReportingQueries
    public let attempts: AttemptStore

    private init(shared: SharedWriter) {
        self.shared = shared
        accounts = AccountStore(shared: shared)
        audit = AuditStore(shared: shared)
        responses = ResponseStore(shared: shared)
        rounds = RoundStore(shared: shared)
        outbox = OutboxStore(shared: shared)
        voices = VoiceStore(shared: shared)
        framework = FrameworkStore(shared: shared)
        reporting = ReportingQueries(shared: shared)
        attempts = AttemptStore(shared: shared)
    }

    /// The database file inside a data directory.
    public static let fileName = "svforms.sqlite"
    /// How long a connection waits for a lock before giving up with SQLITE_BUSY.
    static let busyTimeoutMilliseconds = 10_000

    /// Opens (creating if needed) the database at `path` in WAL mode with `synchronous=FULL`,
    /// foreign keys on, and all migrations applied.
    public convenience init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(TimeInterval(Self.busyTimeoutMilliseconds) / 1000)
        // Deleted and redacted text is overwritten, not left readable in free pages of the file.
        configuration.prepareDatabase { try $0.execute(sql: "PRAGMA secure_delete = ON") }
        try self.init(pool: DatabasePool(path: path, configuration: configuration))
    }

    /// Wraps an open pool: makes writes durable and migrates.
    convenience init(pool: DatabasePool) throws {
        self.init(shared: SharedWriter(pool: pool))
        // DatabasePool sets synchronous=NORMAL on its writer after prepareDatabase runs:
        // FULL must be set here, after opening, or an acknowledged commit could be lost on power failure.
        try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try Self.migrator.migrate(writer)
    }

    /// Opens `svforms.sqlite` in `directory`, creating the directory if needed.
    public convenience init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try self.init(path: (directory as NSString).appendingPathComponent(Self.fileName))
    }

    /// Wraps a pool as it is, for tests that need a database the app could not set up (read-only).
    convenience init(unmigrated pool: DatabasePool) {
        self.init(shared: SharedWriter(pool: pool))
    }

    /// The effective durability settings, for the start-up log and tests.
    public func durabilitySettings() throws -> (journalMode: String, synchronous: Int) {
        try writer.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            )
        }
    }

    /// True when the database file is still in place and answers a query. (Open connections keep
    /// answering after the file is deleted, so its presence is checked too — with `stat`, never by
    /// opening it: closing any other descriptor on the file would drop SQLite's POSIX locks for the
    /// whole process and let another process corrupt it.)
    public func isReachable() async -> Bool {
        guard FileManager.default.fileExists(atPath: writer.path) else { return false }
        return (try? await writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }) != nil
    }

    /// `PRAGMA integrity_check`, "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }
}
