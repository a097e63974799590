import Foundation

/// A measure scored over a run of reporting quarters: what the dashboard, the measure CSV
/// and `svforms export measure` all present.
public struct MeasureReport: Sendable, Equatable {
    public let measure: Measure
    /// Oldest first, one per quarter asked for, empty quarters included.
    public let quarters: [QuarterScore]

    public init(measure: Measure, quarters: [QuarterScore]) {
        self.measure = measure
        self.quarters = quarters
    }

    /// The score for `quarter`, if it was reported.
    public func score(for quarter: ReportingQuarter) -> QuarterScore? {
        quarters.first { $0.quarter == quarter }
    }
}
