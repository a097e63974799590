import SVFormsCore
import SVFormsExport

extension ResultsReporter {
    static let measureHeader = [
        "Quarter", "Breakdown", "Group", "Numerator", "Denominator", "Percentage",
        "Lower 95% bound", "Upper 95% bound", "Change (percentage points)", "Note",
        "Responses left out (public link not yet accepted)",
    ]

    /// The measure as table rows: one per quarter × breakdown × group (a few hundred at most). Each
    /// quarter's overall row says how many responses through the public link were left out of it.
    public static func measureRows(_ report: MeasureReport, leftOut: [ReportingQuarter: Int] = [:]) -> [[ExportCell]] {
        report.quarters.flatMap { quarter in
            let groups: [(String, [GroupScore])] = [
                ("Overall", [GroupScore(id: "", label: "All ratings", figure: quarter.overall)]),
                ("Organisation type", quarter.byOrganisationType),
                ("Organisation", quarter.byOrganisation),
                ("Question", quarter.byQuestion),
            ]
            return groups.flatMap { breakdown, scores in
                scores.map { score in
                    let leftOutCell: ExportCell = breakdown == "Overall" ? .integer(leftOut[quarter.quarter] ?? 0) : .empty
                    return [.text(quarter.quarter.label), .text(breakdown), .text(score.label)] + cells(score.figure) + [leftOutCell]
                }
            }
        }
    }

    /// Writes `rows` (from `measureRows`) under the measure header.
    public static func writeMeasure(_ rows: [[ExportCell]], to writer: inout some TableWriter) async throws {
        try await writer.writeHeader(measureHeader)
        for row in rows { try await writer.writeRow(row) }
        try await writer.finish()
    }

    public static func cells(_ figure: MeasureFigure) -> [ExportCell] {
        let decimal = { (value: Double?) in value.map(ExportCell.decimal) ?? .empty }
        return [
            .integer(figure.numerator), .integer(figure.denominator), decimal(figure.percentage), decimal(figure.lowerBound),
            decimal(figure.upperBound), decimal(figure.change), figure.note.map(ExportCell.text) ?? .empty,
        ]
    }
}
