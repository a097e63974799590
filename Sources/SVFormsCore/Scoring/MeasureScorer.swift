import Foundation

/// The one function that computes a measure (DESIGN.md: the dashboard, the CSV and
/// `svforms export` all use it), from rating tallies the storage layer adds up in SQLite.
///
/// Definitions:
/// - a *rating* is one answer on the measure's scale in a submitted response;
/// - numerator: ratings whose value is in `measure.met` (and not excluded);
/// - denominator: ratings whose value is not an excluded option of the scale.
///
/// Scoring follows the questionnaire as it is now. Tallies whose value is not an option of
/// the current scale, or whose question is no longer a rating question on that scale, are
/// ignored, so the breakdowns always add up to the overall figure. A question added in a
/// later version simply has no tallies in older quarters and shows 0 ratings there.
public struct MeasureScorer: Sendable {
    public let measure: Measure
    /// The questionnaire's organisation question, if it has one (for the organisation breakdown).
    public let organisationQuestionID: String?
    private let ratedQuestions: [Question]
    private let organisations: [Organisation]
    private let optionsByValue: [String: Choice]
    /// The rated questions' ids and the values that meet the measure, worked out once: the responses
    /// download asks `ratedAndMet` of every row.
    private let ratedIDs: [String]
    private let metValues: Set<String>

    public init(measure: Measure, questionnaire: Questionnaire, partnership: Partnership) {
        self.measure = measure
        ratedQuestions = questionnaire.questions.filter { $0.kind.as(RatingQuestion.self)?.scale.name == measure.scale }
        organisationQuestionID = questionnaire.organisationQuestion?.id
        organisations = partnership.organisations
        let options = questionnaire.scales[measure.scale]?.options ?? []
        optionsByValue = Dictionary(options.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
        ratedIDs = ratedQuestions.map(\.id)
        metValues = Set(measure.met)
    }

    /// The rating questions on the measure's scale, in questionnaire order
    /// (the storage layer needs their ids for its SQL).
    public var ratedQuestionIDs: [String] { ratedIDs }

    /// Scores every quarter in `quarters` (oldest first, empty ones included).
    ///
    /// A quarter's change is against `quarter.previous`, read from `tallies`: for the first
    /// quarter to have a change, pass the tallies of the quarter before it too (they are used
    /// for nothing else). Tallies for other quarters are ignored.
    public func score(_ tallies: [RatingTally], quarters: [ReportingQuarter]) -> MeasureReport {
        let counts = totals(of: tallies, for: Set(quarters + quarters.map(\.previous)))
        let hasRatings = { (breakdown: Breakdown, id: String) in
            quarters.contains { counts[GroupKey(quarter: $0, breakdown: breakdown, id: id)] != nil }
        }
        let typeGroups = (OrganisationType.allCases.map { (id: $0.rawValue, label: $0.label) } + [Self.notStated])
            .filter { hasRatings(.organisationType, $0.id) }
        let organisationGroups = (organisations.map { (id: $0.id, label: $0.name) } + [Self.notStated])
            .filter { hasRatings(.organisation, $0.id) }
        let questionGroups = ratedQuestions.map { (id: $0.id, label: $0.label) }

        let scores = quarters.map { quarter in
            let figure = { (breakdown: Breakdown, id: String) in
                let current = counts[GroupKey(quarter: quarter, breakdown: breakdown, id: id)] ?? RatingCounts()
                let previous = counts[GroupKey(quarter: quarter.previous, breakdown: breakdown, id: id)]
                return MeasureFigure(numerator: current.met, denominator: current.counted, previous: previous?.figure)
            }
            let groups = { (breakdown: Breakdown, list: [GroupName]) in
                list.map { GroupScore(id: $0.id, label: $0.label, figure: figure(breakdown, $0.id)) }
            }
            return QuarterScore(
                quarter: quarter, overall: figure(.overall, ""),
                byOrganisationType: groups(.organisationType, typeGroups),
                byOrganisation: groups(.organisation, organisationGroups),
                byQuestion: groups(.question, questionGroups))
        }
        return MeasureReport(measure: measure, quarters: scores)
    }

    /// One response's ratings on the measure's scale that count (not excluded) and those that meet
    /// the measure: the per-response columns of the responses download, by the same rules.
    public func ratedAndMet(_ answers: Answers) -> (rated: Int, met: Int) {
        var result = (rated: 0, met: 0)
        for questionID in ratedIDs {
            for value in answers[questionID] ?? [] {
                guard let option = optionsByValue[value], !option.isExcluded else { continue }
                result.rated += 1
                if metValues.contains(option.value) { result.met += 1 }
            }
        }
        return result
    }

    /// Adds up the tallies of `quarters` into every group they belong to.
    private func totals(of tallies: [RatingTally], for quarters: Set<ReportingQuarter>) -> [GroupKey: RatingCounts] {
        let questionIDs = Set(ratedQuestionIDs)
        let organisationsByID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let met = Set(measure.met)
        var counts: [GroupKey: RatingCounts] = [:]
        for tally in tallies where tally.count > 0 && quarters.contains(tally.quarter) && questionIDs.contains(tally.questionID) {
            guard let option = optionsByValue[tally.value] else { continue }
            // An organisation since removed from the partnership has no type to report under,
            // so it is "Not stated" in both breakdowns rather than silently dropped.
            let organisation = tally.organisationID.flatMap { organisationsByID[$0] }
            let groups: [(Breakdown, String)] = [
                (.overall, ""),
                (.organisationType, organisation?.type.rawValue ?? Self.notStated.id),
                (.organisation, organisation?.id ?? Self.notStated.id),
                (.question, tally.questionID),
            ]
            for (breakdown, id) in groups {
                counts[GroupKey(quarter: tally.quarter, breakdown: breakdown, id: id), default: RatingCounts()]
                    .add(tally.count, isMet: met.contains(option.value) && !option.isExcluded, isCounted: !option.isExcluded)
            }
        }
        return counts
    }

    /// A group of a breakdown before it is scored.
    typealias GroupName = (id: String, label: String)

    /// The group for ratings whose response named no organisation of the partnership.
    static let notStated: GroupName = (id: "", label: "Not stated")
}
