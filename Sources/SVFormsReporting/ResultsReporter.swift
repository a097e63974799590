import Foundation
import SVFormsCore
import SVFormsStore

/// Measure figures and tables for one questionnaire: the one place that fetches what scoring and
/// the downloads need, so the dashboard, the web downloads and `svforms export` always agree.
public struct ResultsReporter: Sendable {
    public let catalog: FormCatalog
    public let database: AppDatabase
    public let now: @Sendable () -> Date

    public init(catalog: FormCatalog, database: AppDatabase, now: @escaping @Sendable () -> Date) {
        self.catalog = catalog
        self.database = database
        self.now = now
    }

    public var calendar: ReportingCalendar { ReportingCalendar(catalog.partnership) }

    /// The quarters to report: from the quarter of the first submission to the current one.
    public func quarters(of questionnaire: Questionnaire) async throws -> [ReportingQuarter] {
        let current = calendar.quarter(containing: now())
        let first = try await database.reporting.firstSubmission(formID: questionnaire.id).map(calendar.quarter(containing:)) ?? current
        return calendar.quarters(from: min(first, current), through: current)
    }

    /// The measure for every reported quarter (or for `quarters`, when the caller has them), from ratings counted in SQLite.
    public func report(_ measure: Measure, of questionnaire: Questionnaire, quarters given: [ReportingQuarter]? = nil) async throws -> MeasureReport {
        let scorer = MeasureScorer(measure: measure, questionnaire: questionnaire, partnership: catalog.partnership)
        let quarters: [ReportingQuarter]
        if let given { quarters = given } else { quarters = try await self.quarters(of: questionnaire) }
        // The quarter before the first is counted too, so the first quarter's change can be shown.
        let counted = (quarters.first.map { [$0.previous] } ?? []) + quarters
        let counts = try await database.reporting.ratingCounts(
            formID: questionnaire.id, questionIDs: scorer.ratedQuestionIDs, organisationQuestionID: scorer.organisationQuestionID,
            periods: counted.map(period))
        let tallies = counts.map {
            RatingTally(quarter: counted[$0.period], organisationID: $0.organisationID, questionID: $0.questionID, value: $0.value, count: $0.count)
        }
        return scorer.score(tallies, quarters: quarters)
    }

    /// Responses submitted, and answers still in progress (by when they last changed), in each reported quarter.
    public func responseCounts(
        of questionnaire: Questionnaire, quarters given: [ReportingQuarter]? = nil
    ) async throws -> [(quarter: ReportingQuarter, submitted: Int, inProgress: Int)] {
        let quarters: [ReportingQuarter]
        if let given { quarters = given } else { quarters = try await self.quarters(of: questionnaire) }
        let submitted = try await database.reporting.responseCounts(formID: questionnaire.id, periods: quarters.map(period))
        let inProgress = try await database.reporting.draftCounts(formID: questionnaire.id, periods: quarters.map(period))
        return quarters.indices.map { (quarter: quarters[$0], submitted: submitted[$0], inProgress: inProgress[$0]) }
    }

    /// Responses through an invited questionnaire's public link still waiting for a lead, per quarter:
    /// they are left out of every figure, and each figure says how many.
    public func leftOutCounts(of questionnaire: Questionnaire, quarters: [ReportingQuarter]) async throws -> [ReportingQuarter: Int] {
        guard questionnaire.audience == .invited else { return [:] }
        let counts = try await database.responses.waitingLinkResponseCounts(formID: questionnaire.id, periods: quarters.map(period))
        return Dictionary(uniqueKeysWithValues: zip(quarters, counts))
    }

    public func period(_ quarter: ReportingQuarter) -> DateInterval {
        let bounds = calendar.interval(of: quarter)
        return DateInterval(start: bounds.start, end: bounds.end)
    }
}
