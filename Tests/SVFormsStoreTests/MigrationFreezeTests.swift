import Foundation
import GRDB
import Testing

@testable import SVFormsStore

/// Shipped migrations are frozen: the schema after each one is kept in `Fixtures/schema-by-migration.txt`,
/// and a migration that no longer makes what it made when it shipped fails here. Change the schema
/// by adding a migration; then run this suite with SVFORMS_APPEND_MIGRATIONS=1 to append what the new
/// one makes (existing sections are never rewritten).
@Suite struct MigrationFreezeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/schema-by-migration.txt")

    /// The schema after each migration in turn, as `== id` headings over `type name: sql` lines.
    static func sections() throws -> [(id: String, schema: String)] {
        let queue = try DatabaseQueue()
        let migrator = AppDatabase.migrator
        return try migrator.migrations.map { id in
            try migrator.migrate(queue, upTo: id)
            let schema = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
                    .map { "\($0["type"] as String) \($0["name"] as String): \($0["sql"] as String)" }
                    .joined(separator: "\n")
            }
            return (id, schema)
        }
    }

    static func text(_ sections: [(id: String, schema: String)]) -> String {
        sections.map { "== \($0.id)\n\($0.schema)\n" }.joined(separator: "\n")
    }

    @Test func everyShippedMigrationStillMakesWhatItMadeWhenItShipped() throws {
        let now = try Self.sections()
        let kept = (try? String(contentsOf: Self.fixture, encoding: .utf8)) ?? ""
        let keptSections = kept.components(separatedBy: "\n== ").count - (kept.isEmpty ? 1 : 0)
        let shipped = Self.text(Array(now.prefix(keptSections)))
        #expect(shipped == kept, "a shipped migration changed: add a new migration instead of editing one")
        guard now.count > keptSections else { return }
        if ProcessInfo.processInfo.environment["SVFORMS_APPEND_MIGRATIONS"] == "1", shipped == kept {
            try (kept + (kept.isEmpty ? "" : "\n") + Self.text(Array(now.dropFirst(keptSections))))
                .write(to: Self.fixture, atomically: true, encoding: .utf8)
        } else {
            Issue.record("\(now.count - keptSections) migration(s) not in the fixture: run with SVFORMS_APPEND_MIGRATIONS=1")
        }
    }
}
