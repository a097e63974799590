import Foundation

/// A measure in one reporting quarter: the overall figure and its three breakdowns.
///
/// Every quarter of a report lists the same groups in the same order, so tables and
/// downloads line up from one quarter to the next.
public struct QuarterScore: Sendable, Equatable {
    public let quarter: ReportingQuarter
    public let overall: MeasureFigure
    /// Specified, relevant, other — in that order — then "Not stated" (id "") for ratings
    /// whose response named no organisation of the partnership; only groups with ratings
    /// in some reported quarter.
    public let byOrganisationType: [GroupScore]
    /// Partnership order, then "Not stated" (id ""); only organisations with ratings in some
    /// reported quarter.
    public let byOrganisation: [GroupScore]
    /// Every rating question on the measure's scale, in questionnaire order, even with 0 ratings.
    public let byQuestion: [GroupScore]

    public init(
        quarter: ReportingQuarter, overall: MeasureFigure, byOrganisationType: [GroupScore],
        byOrganisation: [GroupScore], byQuestion: [GroupScore]
    ) {
        self.quarter = quarter
        self.overall = overall
        self.byOrganisationType = byOrganisationType
        self.byOrganisation = byOrganisation
        self.byQuestion = byQuestion
    }
}
