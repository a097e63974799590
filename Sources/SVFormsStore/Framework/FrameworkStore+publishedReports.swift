import Foundation
import GRDB

extension FrameworkStore {
    /// Publishes (or republishes) a quarter's public report: `content` is its JSON snapshot.
    public func publishReport(quarter: String, content: String, by author: String, at now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO published_report (quarter, content, published_at, published_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (quarter) DO UPDATE SET content = excluded.content, published_at = excluded.published_at,
                        published_by = excluded.published_by
                    """,
                arguments: [quarter, content, Timestamp.string(now), author])
        }
    }

    /// Takes a published report down; false when it was not published.
    public func withdrawReport(quarter: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM published_report WHERE quarter = ?", arguments: [quarter])
            return db.changesCount == 1
        }
    }

    /// A published report's snapshot and when it was published; nil when it is not published.
    public func publishedReport(quarter: String) async throws -> (content: String, publishedAt: Date)? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT content, published_at FROM published_report WHERE quarter = ?", arguments: [quarter])
                .map { ($0["content"], Timestamp.date($0["published_at"]) ?? .distantPast) }
        }
    }

    /// The quarters with a published report and when each was published.
    public func publishedReports() async throws -> [(quarter: String, publishedAt: Date)] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT quarter, published_at FROM published_report ORDER BY quarter DESC")
                .map { ($0["quarter"], Timestamp.date($0["published_at"]) ?? .distantPast) }
        }
    }
}
