import Foundation
import SVFormsCore
import SVFormsExport

/// One download, ready to write as CSV or XLSX. The web downloads and `svforms export` both make
/// their files from this, so the same data gives the same bytes either way; its row count is fixed
/// when it is made, so the audit log records exactly what the file holds.
public struct TableExport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, xlsx
    }

    /// The file name without extension, e.g. `role-understanding-responses-2026-11-21`.
    public let fileStem: String
    public let sheetName: String
    public let rowCount: Int
    /// `responses` or `measure`, for the audit log's action (`download.responses.csv`).
    public let kind: String
    /// What the audit log says it was about: the form, and the measure if any.
    public let subject: String
    /// Stamped in .xlsx files: when the newest response in it was submitted, so the same data gives the same bytes.
    public let asOf: Date
    public let write: @Sendable (inout any TableWriter) async throws -> Void

    public init(
        fileStem: String, sheetName: String, rowCount: Int, kind: String, subject: String, asOf: Date,
        write: @escaping @Sendable (inout any TableWriter) async throws -> Void
    ) {
        self.fileStem = fileStem
        self.sheetName = sheetName
        self.rowCount = rowCount
        self.kind = kind
        self.subject = subject
        self.asOf = asOf
        self.write = write
    }

    public func fileName(_ format: Format) -> String { "\(fileStem).\(format.rawValue)" }

    /// Writes CSV, handing chunks to `output` as they are ready.
    public func writeCSV(output: @escaping @Sendable ([UInt8]) async throws -> Void) async throws {
        var writer: any TableWriter = CSVTableWriter(output: output)
        try await write(&writer)
    }

    /// Writes an .xlsx file at `path`.
    public func writeXLSX(path: String, temporaryDirectory: String? = nil) async throws {
        let workbook = try XLSXTableWriter(path: path, sheetName: sheetName, temporaryDirectory: temporaryDirectory, created: asOf)
        var writer: any TableWriter = ThreadPoolTableWriter(workbook)
        try await write(&writer)
    }
}

extension ResultsReporter {
    /// Every submitted response, one row each, up to the newest at this moment.
    public func responsesExport(of questionnaire: Questionnaire, progress: (@Sendable (Int) -> Void)? = nil) async throws -> TableExport {
        let snapshot = try await database.reporting.exportSnapshot(formID: questionnaire.id)
        let reporter = self
        return TableExport(
            fileStem: "\(questionnaire.id)-responses-\(today())", sheetName: "Responses", rowCount: snapshot.count,
            kind: "responses", subject: questionnaire.id, asOf: snapshot.lastSubmittedAt ?? Self.noDataTime
        ) { writer in
            try await reporter.writeResponses(of: questionnaire, upTo: snapshot.lastID, to: &writer, progress: progress)
        }
    }

    /// The measure's figures, one row per quarter × breakdown × group.
    public func measureExport(_ measure: Measure, of questionnaire: Questionnaire) async throws -> TableExport {
        let report = try await report(measure, of: questionnaire)
        let rows = Self.measureRows(report, leftOut: try await leftOutCounts(of: questionnaire, quarters: report.quarters.map(\.quarter)))
        let snapshot = try await database.reporting.exportSnapshot(formID: questionnaire.id)
        return TableExport(
            fileStem: "\(questionnaire.id)-\(measure.id)-\(today())", sheetName: "Measure \(measure.id)", rowCount: rows.count,
            kind: "measure", subject: "\(questionnaire.id) \(measure.id)", asOf: snapshot.lastSubmittedAt ?? Self.noDataTime
        ) { writer in
            try await Self.writeMeasure(rows, to: &writer)
        }
    }

    /// The time stamped in a file with no responses at all (1 January 2000).
    static let noDataTime = Date(timeIntervalSince1970: 946_684_800)

    /// Today in the partnership's time zone, for file names.
    public func today() -> String {
        CalendarDay.today(in: catalog.partnership.timeZone, now: now()).description
    }
}
