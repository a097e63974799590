import Foundation
import SVFormsCore
import SVFormsExport

extension ResultsReporter {
    /// The signed-in board report as one table (`report.csv`, `report.xlsx`).
    public func boardReportExport(for quarter: ReportingQuarter, suppressCounts: Bool) async throws -> TableExport {
        let rows = try await boardReport(for: quarter, isPublic: false, suppressCounts: suppressCounts).tableRows
        return TableExport(
            fileStem: "board-report-\(quarter.slug)", sheetName: "Report \(quarter.slug)", rowCount: rows.count, kind: "report",
            subject: quarter.label, asOf: calendar.interval(of: quarter).start
        ) { writer in
            try await writer.writeHeader(BoardReport.tableHeader)
            for row in rows { try await writer.writeRow(row) }
            try await writer.finish()
        }
    }
}

extension BoardReport {
    static let tableHeader = [
        "Quarter", "Section", "Item", "Detail", "Value", "Previous quarter", "Change", "Lower 95%", "Upper 95%", "Numerator",
        "Denominator", "Responses", "Note",
    ]

    /// The report as one table, a row per figure, for the CSV and XLSX downloads: the same
    /// content as the page, section by section.
    var tableRows: [[ExportCell]] {
        let quarterCell = ExportCell.text(quarter)
        let number = { (value: Double?) in value.map(ExportCell.decimal) ?? .empty }
        let count = { (value: Int?, suppressed: Bool) in value.map(ExportCell.integer) ?? (suppressed ? .text(SmallCount.suppressedText) : .empty) }
        let text = { (value: String?) in value.map(ExportCell.text) ?? .empty }
        func row(_ section: String, _ item: String, _ detail: String?, _ cells: [ExportCell] = [], note: String? = nil) -> [ExportCell] {
            let padded = cells + Array(repeating: ExportCell.empty, count: 8 - cells.count)
            return [quarterCell, .text(section), .text(item), text(detail)] + padded + [text(note)]
        }
        var rows: [[ExportCell]] = []
        for line in measures {
            rows.append(
                row(
                    "Measures", "\(line.id) \(line.title)", line.unit, [number(line.value), number(line.previous), number(line.change)],
                    note: [line.direction, line.note, "Source: \(line.source)"].compactMap { $0 }.joined(separator: ". ")))
        }
        for survey in surveys {
            for figure in [survey.overall] + survey.byType {
                rows.append(
                    row(
                        "Measure \(survey.measureID) by organisation type", figure.label, "percent",
                        [
                            number(figure.percentage), .empty, number(figure.change), number(figure.lower), number(figure.upper),
                            count(figure.numerator, false), count(figure.denominator, false), count(figure.responses, isPublic),
                        ],
                        note: figure.note))
            }
            if let leftOut = survey.leftOut {
                rows.append(
                    row("Measure \(survey.measureID) by organisation type", "Left out: responses through the public link", nil, note: leftOut))
            }
        }
        if let attendance {
            let section = "Measure \(attendance.measureID) attendance"
            rows += attendance.boardMeetings.map { row(section, "Board meeting", $0) }
            rows += attendance.attended.map { row(section, "Attended the board", $0) }
            rows += attendance.absent.map {
                row(section, "Did not attend the board", $0, note: attendance.subGroupOnly.contains($0) ? "Attended a sub-group only" : nil)
            }
            rows += attendance.otherAttendees.map { row(section, "Also attended (not counted)", $0) }
            rows += attendance.subGroupMeetings.map { row(section, "Sub-group meeting", $0) }
        }
        for rates in responseRates {
            let section = "Response rates: \(rates.formTitle)"
            rows += rates.rows.map {
                row(
                    section, $0.organisation, "percent responded",
                    [number($0.rate), .empty, .empty, .empty, .empty, .integer($0.responded), .integer($0.invited)])
            }
            rows.append(
                row(
                    section, "All authorities", "percent responded",
                    [number(rates.rate), .empty, .empty, .empty, .empty, count(rates.responded, isPublic), count(rates.invited, isPublic)]))
            rows.append(
                row(
                    section, "Authorities with a response", nil,
                    [
                        count(rates.authoritiesResponded, isPublic), .empty, .empty, .empty,
                        .empty, count(rates.authoritiesResponded, isPublic),
                        count(rates.authoritiesInvited, isPublic),
                    ]))
        }
        for voices in self.voices {
            let section = "Community voices: \(voices.formTitle)"
            rows.append(row(section, "All areas", "All themes", [count(voices.total, true)]))
            for area in voices.areas {
                rows.append(row(section, area.area, "All themes", [count(area.total, true)]))
                for (theme, value) in zip(voices.themes, area.themes) { rows.append(row(section, area.area, theme, [count(value, true)])) }
            }
        }
        rows.append(row("Open actions", "Open or in progress", nil, [.integer(actions.outstanding)]))
        rows += actions.rows.map {
            row(
                "Open actions", $0.description, $0.owner,
                note: [$0.status, $0.due.map { "due \($0)" }, $0.isOverdue ? "overdue" : nil, $0.meeting]
                    .compactMap { $0 }.joined(separator: "; "))
        }
        return rows
    }
}
