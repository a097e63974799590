import Foundation
import GRDB

/// Counts of recent attempts (signing in, opening personal links) under keys the web layer chooses,
/// kept in the database so that a restart forgets no limit. Keys are stored as given: the web layer
/// passes hashes, so no email address or client address is written here.
extension AttemptStore {
    /// Checks every key's limit and, when none is reached, counts one attempt under each, in one
    /// transaction: parallel requests cannot all slip through while a password is being checked.
    public func reserveAttempt(under keys: [(key: Data, limit: AttemptLimit)], at now: Date) async throws -> AttemptDecision {
        try await write { db in
            var longest: (key: Data, wait: TimeInterval, window: TimeInterval)?
            for (key, limit) in keys {
                let recent = try String.fetchAll(
                    db, sql: "SELECT at FROM attempt WHERE key = ? AND at > ? ORDER BY at",
                    arguments: [key, Timestamp.string(now.addingTimeInterval(-limit.window))]
                ).compactMap(Timestamp.date)
                guard limit.failures > 0, recent.count >= limit.failures else { continue }
                let wait = recent[recent.count - limit.failures].addingTimeInterval(limit.window).timeIntervalSince(now)
                if wait > longest?.wait ?? 0 { longest = (key, wait, limit.window) }
            }
            if let longest {
                let audited = try String.fetchOne(db, sql: "SELECT at FROM attempt_refusal WHERE key = ?", arguments: [longest.key])
                    .flatMap(Timestamp.date)
                let isFirst = audited.map { now.timeIntervalSince($0) >= longest.window } ?? true
                if isFirst {
                    try db.execute(
                        sql: "INSERT INTO attempt_refusal (key, at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at = excluded.at",
                        arguments: [longest.key, Timestamp.string(now)])
                }
                return .refused(retryAfter: longest.wait, isFirstRefusal: isFirst)
            }
            let insert = try db.cachedStatement(sql: "INSERT INTO attempt (key, at) VALUES (?, ?)")
            var ids: [Int64] = []
            for (key, _) in keys {
                try insert.execute(arguments: [key, Timestamp.string(now)])
                ids.append(db.lastInsertedRowID)
            }
            return .allowed(AttemptReservation(ids: ids))
        }
    }

    /// A successful attempt: the attempts it reserved are withdrawn, and every earlier failure
    /// under `clearing` is forgotten.
    public func withdrawAttempt(_ reservation: AttemptReservation, clearing keys: [Data]) async throws {
        try await write { db in
            for id in reservation.ids { try db.execute(sql: "DELETE FROM attempt WHERE id = ?", arguments: [id]) }
            for key in keys { try db.execute(sql: "DELETE FROM attempt WHERE key = ?", arguments: [key]) }
        }
    }

    /// Forgets attempts and refusals older than `cutoff` (past every window); returns how many attempts.
    @discardableResult
    public func deleteAttempts(before cutoff: Date) async throws -> Int {
        let time = Timestamp.string(cutoff)
        return try await write { db in
            try db.execute(sql: "DELETE FROM attempt_refusal WHERE at < ?", arguments: [time])
            try db.execute(sql: "DELETE FROM attempt WHERE at < ?", arguments: [time])
            return db.changesCount
        }
    }
}
