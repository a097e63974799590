import Foundation

/// Running totals of ratings for one group in one quarter, while tallies are added up.
/// A group has ratings when it has totals at all, even if every one was "Don't know".
struct RatingCounts {
    /// Answers in the measure's `met` options.
    var met = 0
    /// Answers not in an excluded option: the denominator.
    var counted = 0

    mutating func add(_ count: Int, isMet: Bool, isCounted: Bool) {
        if isMet { met += count }
        if isCounted { counted += count }
    }

    /// The figure these totals give, without a change (used for the quarter compared against).
    var figure: MeasureFigure { MeasureFigure(numerator: met, denominator: counted) }
}

/// Which breakdown a group belongs to, so one dictionary can hold every group's totals.
enum Breakdown: Hashable {
    case overall, organisationType, organisation, question
}

/// A group of one breakdown in one quarter: the key the totals are kept under.
struct GroupKey: Hashable {
    var quarter: ReportingQuarter
    var breakdown: Breakdown
    var id: String
}
