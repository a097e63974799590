import Foundation

/// A framework measure's value in each of a run of quarters, oldest first, with the change from
/// the quarter before and whether it is good news.
public struct MeasureTrend: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var quarter: ReportingQuarter
        /// nil when there is no figure (none entered, no ratings, no board meeting).
        public var value: Double?
        /// Why there is no figure, or a caution about it.
        public var note: String?

        public init(quarter: ReportingQuarter, value: Double?, note: String? = nil) {
            self.quarter = quarter
            self.value = value
            self.note = note
        }
    }

    public let measure: FrameworkMeasure
    public let points: [Point]

    public init(measure: FrameworkMeasure, points: [Point]) {
        self.measure = measure
        self.points = points
    }

    /// The last point: the quarter reported.
    public var current: Point? { points.last }
    /// The point before it.
    public var previous: Point? { points.count > 1 ? points[points.count - 2] : nil }

    /// Current minus previous, to one decimal place (exact on tenths); nil when either is missing.
    public var change: Double? {
        guard let now = current?.value, let before = previous?.value else { return nil }
        return Double((now * 10).rounded() - (before * 10).rounded()) / 10
    }

    /// How a reader should take the change: "better", "worse" or "no change".
    public var direction: String? {
        guard let change else { return nil }
        if change == 0 { return "no change" }
        return (change > 0) == (measure.better == .higher) ? "better" : "worse"
    }
}
