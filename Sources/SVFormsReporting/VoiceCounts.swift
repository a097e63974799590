import Foundation
import SVFormsCore

/// Community voices counted by quarter: in all, by area, by area and theme, and by how safe people
/// feel. Counted from released voices only; retention never changes them, since it keeps area,
/// themes and ratings. What a viewer sees passes through `SmallCount`.
public struct VoiceCounts: Sendable {
    public var quarters: [ReportingQuarter]
    /// Voices per quarter, in the order of `quarters`.
    public var totals: [Int]
    /// Keyed by quarter index, then area (then theme, or feeling option).
    var byArea: [Int: [String: Int]]
    var byAreaAndTheme: [Int: [String: [String: Int]]]
    var byFeeling: [Int: [String: Int]]

    public func area(_ area: String, quarter: Int) -> Int { byArea[quarter]?[area] ?? 0 }
    public func theme(_ theme: String, area: String, quarter: Int) -> Int { byAreaAndTheme[quarter]?[area]?[theme] ?? 0 }
    public func feeling(_ option: String, quarter: Int) -> Int { byFeeling[quarter]?[option] ?? 0 }
}

extension ResultsReporter {
    /// The voice counts of every reported quarter (or of `quarters`, when the caller has them).
    public func voiceCounts(of questionnaire: Questionnaire, quarters given: [ReportingQuarter]? = nil) async throws -> VoiceCounts? {
        guard let settings = questionnaire.voices else { return nil }
        let quarters: [ReportingQuarter]
        if let given { quarters = given } else { quarters = try await self.quarters(of: questionnaire) }
        let periods = quarters.map(period)
        var counts = VoiceCounts(
            quarters: quarters, totals: try await database.reporting.responseCounts(formID: questionnaire.id, periods: periods),
            byArea: [:], byAreaAndTheme: [:], byFeeling: [:])
        for row in try await database.reporting.answerCounts(formID: questionnaire.id, questionID: settings.areaQuestionID, periods: periods) {
            counts.byArea[row.period, default: [:]][row.value] = row.count
        }
        for row in try await database.reporting.voiceThemeCounts(formID: questionnaire.id, areaQuestionID: settings.areaQuestionID, periods: periods)
        {
            counts.byAreaAndTheme[row.period, default: [:]][row.area, default: [:]][row.theme] = row.count
        }
        if let feeling = settings.feelingQuestionID {
            for row in try await database.reporting.answerCounts(formID: questionnaire.id, questionID: feeling, periods: periods) {
                counts.byFeeling[row.period, default: [:]][row.value] = row.count
            }
        }
        return counts
    }
}
