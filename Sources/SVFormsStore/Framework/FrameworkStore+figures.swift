import Foundation
import GRDB
import SVFormsCore

extension FrameworkStore {
    /// Saves figures, all or none, as new versions; a figure the same as the current one (value,
    /// source and note) is left alone, so uploading a file twice changes nothing.
    public func saveFigures(_ entries: [FigureSheet.Entry], by author: String, at now: Date) async throws -> FigureSaveOutcome {
        try await write { db in
            var outcome = FigureSaveOutcome(saved: 0, unchanged: 0)
            let stamp = Timestamp.string(now)
            for entry in entries {
                let current = try AppDatabase.figures(
                    db, where: "measure_id = ? AND quarter = ?", arguments: [entry.measureID, entry.quarter.label]
                ).last
                if let current, current.value == entry.value, current.source == entry.source, current.note == entry.note {
                    outcome.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO imported_figure (measure_id, quarter, value_tenths, source, note, entered_at, entered_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [entry.measureID, entry.quarter.label, entry.value.tenths, entry.source, entry.note, stamp, author])
                outcome.saved += 1
            }
            return outcome
        }
    }

    /// The current figure of every measure and quarter (the newest version of each).
    public func currentFigures() async throws -> [StoredFigure] {
        try await writer.read { db in
            try AppDatabase.figures(
                db, where: "id IN (SELECT max(id) FROM imported_figure GROUP BY measure_id, quarter)", arguments: [])
        }
    }

    /// Every version of one figure, oldest first: the last is the current one.
    public func figureHistory(measureID: String, quarter: String) async throws -> [StoredFigure] {
        try await writer.read { db in
            try AppDatabase.figures(db, where: "measure_id = ? AND quarter = ?", arguments: [measureID, quarter])
        }
    }
}

extension AppDatabase {
    fileprivate static func figures(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [StoredFigure] {
        try Row.fetchAll(db, sql: "SELECT * FROM imported_figure WHERE \(condition) ORDER BY id", arguments: arguments).map { row in
            StoredFigure(
                id: row["id"], measureID: row["measure_id"], quarter: row["quarter"], value: FigureValue(tenths: row["value_tenths"]),
                source: row["source"], note: row["note"], enteredAt: Timestamp.date(row["entered_at"]) ?? .distantPast,
                enteredBy: row["entered_by"])
        }
    }
}
