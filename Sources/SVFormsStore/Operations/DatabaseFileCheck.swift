import Foundation
import GRDB

/// What `svforms backup` and `svforms restore` check in a database file before trusting it:
/// SQLite's own integrity check, and that its migrations are ones this build knows.
public struct DatabaseFileCheck: Sendable {
    public let integrity: String
    public let appliedMigrations: [String]
    public let responses: Int
    public let bytes: Int

    /// Opens `path` read-only and inspects it; throws `DatabaseFileProblem` when it is not a
    /// sound svforms database this build can run.
    public static func inspect(_ path: String) throws -> DatabaseFileCheck {
        guard FileManager.default.fileExists(atPath: path) else { throw DatabaseFileProblem("\(path) does not exist") }
        var configuration = Configuration()
        configuration.readonly = true
        let check: DatabaseFileCheck
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            check = try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
                guard try db.tableExists("grdb_migrations"), try db.tableExists("response") else {
                    return DatabaseFileCheck(integrity: integrity, appliedMigrations: [], responses: 0, bytes: 0)
                }
                return DatabaseFileCheck(
                    integrity: integrity,
                    appliedMigrations: try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                    responses: try Int.fetchOne(db, sql: "SELECT count(*) FROM response") ?? 0,
                    bytes: 0)
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw DatabaseFileProblem("\(path) is not a readable SQLite database: \(error.message ?? "\(error.resultCode)")")
        }
        guard check.integrity == "ok" else { throw DatabaseFileProblem("\(path) fails SQLite's integrity check: \(check.integrity)") }
        guard !check.appliedMigrations.isEmpty else { throw DatabaseFileProblem("\(path) is not an svforms database") }
        let unknown = Set(check.appliedMigrations).subtracting(AppDatabase.migrator.migrations)
        guard unknown.isEmpty else {
            throw DatabaseFileProblem("\(path) was made by a newer svforms (it has \(unknown.sorted().joined(separator: ", "))); use that version")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return DatabaseFileCheck(
            integrity: check.integrity, appliedMigrations: check.appliedMigrations, responses: check.responses, bytes: size)
    }
}

/// A database file that `svforms backup` or `restore` will not trust, with the reason.
public struct DatabaseFileProblem: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
