import Foundation
import SVFormsCore
import SVFormsExport

extension ResultsReporter {
    static let voiceCountsHeader = ["Quarter", "Table", "Area", "Group", "Voices"]

    /// Every count of the voice report, one row each: by area, by area and theme, by feeling. With
    /// `suppress` (viewers), a count under 5 is the text "fewer than 5".
    public func voiceCountsExport(of questionnaire: Questionnaire, suppress: Bool) async throws -> TableExport? {
        guard let counts = try await voiceCounts(of: questionnaire) else { return nil }
        let rows = Self.voiceRows(counts, questionnaire, suppress: suppress)
        let snapshot = try await database.reporting.exportSnapshot(formID: questionnaire.id)
        return TableExport(
            fileStem: "\(questionnaire.id)-voice-counts-\(today())", sheetName: "Voice counts", rowCount: rows.count,
            kind: "voice-counts", subject: questionnaire.id, asOf: snapshot.lastSubmittedAt ?? Self.noDataTime
        ) { writer in
            try await writer.writeHeader(Self.voiceCountsHeader)
            for row in rows { try await writer.writeRow(row) }
            try await writer.finish()
        }
    }

    static func voiceRows(_ counts: VoiceCounts, _ questionnaire: Questionnaire, suppress: Bool) -> [[ExportCell]] {
        let cell = { (count: Int) in SmallCount.shown(count, suppress: suppress).map(ExportCell.integer) ?? .text(SmallCount.suppressedText) }
        let feelingTitle = questionnaire.voices?.feelingQuestionID.flatMap { questionnaire.question(id: $0)?.label } ?? ""
        var rows: [[ExportCell]] = []
        for (index, quarter) in counts.quarters.enumerated() {
            let label = ExportCell.text(quarter.label)
            rows.append([label, .text("All voices"), .empty, .empty, cell(counts.totals[index])])
            for area in questionnaire.voiceAreas {
                rows.append([label, .text("By area"), .text(area.label), .text("All voices"), cell(counts.area(area.value, quarter: index))])
                for theme in questionnaire.themes {
                    rows.append([
                        label, .text("By area and theme"), .text(area.label), .text(theme.label),
                        cell(counts.theme(theme.value, area: area.value, quarter: index)),
                    ])
                }
            }
            for option in questionnaire.feelingOptions {
                rows.append([label, .text(feelingTitle), .empty, .text(option.label), cell(counts.feeling(option.value, quarter: index))])
            }
        }
        return rows
    }
}
