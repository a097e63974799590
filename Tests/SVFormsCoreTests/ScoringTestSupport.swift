import Foundation
import SVFormsCore
import Testing

/// The fixture questionnaire and partnership, scored on measure 9.9.9.z
/// (scale "agreement", met: agree, excluded: dont-know), with April quarters on the British clock.
struct ScoringFixture {
    let questionnaire: Questionnaire
    let partnership: Partnership
    let scorer: MeasureScorer
    let calendar: ReportingCalendar

    init() throws {
        let catalog = try FormCatalog.load(directory: Fixtures.everyType)
        questionnaire = try #require(catalog.questionnaire(id: "every-type"))
        partnership = catalog.partnership
        let measure = try #require(questionnaire.measures.first { $0.id == "9.9.9.z" })
        scorer = MeasureScorer(measure: measure, questionnaire: questionnaire, partnership: partnership)
        calendar = ReportingCalendar(partnership)
    }

    /// A quarter of the fixture's April calendar, by label.
    func quarter(_ label: String) -> ReportingQuarter {
        ReportingQuarter(label: label, yearStartMonth: calendar.yearStartMonth)!
    }

    /// Tallies for one quarter, written as (organisation, question, value, count).
    func tallies(_ label: String, _ rows: [(String?, String, String, Int)]) -> [RatingTally] {
        rows.map { RatingTally(quarter: quarter(label), organisationID: $0.0, questionID: $0.1, value: $0.2, count: $0.3) }
    }
}

extension MeasureFigure {
    /// A figure as one line a test can compare with a hand-worked one:
    /// "8/13 61.5 [35.5, 82.3] Δ -7.0", with "-" for what is nil.
    var summary: String {
        let text = { (value: Double?) in value.map { "\($0)" } ?? "-" }
        return "\(numerator)/\(denominator) \(text(percentage)) [\(text(lowerBound)), \(text(upperBound))] Δ \(text(change))"
    }
}

extension [GroupScore] {
    /// Each group's id and figure summary, in order.
    var summaries: [String] { map { "\($0.id): \($0.figure.summary)" } }
}
