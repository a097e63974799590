import Foundation

/// One figure of a measure for one group in one quarter: numerator, denominator,
/// percentage (1 dp), Wilson 95% interval (1 dp) and change in percentage points.
public struct MeasureFigure: Sendable, Equatable {
    /// Ratings whose value is one of the measure's `met` options.
    public let numerator: Int
    /// Ratings whose value is not an excluded option ("Don't know" is left out).
    public let denominator: Int
    /// 100 × numerator ÷ denominator, to 1 dp (halves away from zero); nil when the denominator is 0.
    public let percentage: Double?
    /// Wilson 95% interval bounds as percentages to 1 dp, from the unrounded proportion.
    public let lowerBound: Double?
    public let upperBound: Double?
    /// This percentage minus the previous quarter's, in percentage points to 1 dp, for the
    /// same group; nil if either quarter has no ratings in the denominator.
    /// Taken from the rounded percentages so it matches the figures a reader sees side by side.
    public let change: Double?

    /// Text that stops a reader over-trusting a small sample.
    public static let smallSampleNote = "Fewer than 10 ratings: treat with caution"
    /// Text shown instead of a percentage when there is nothing to divide by.
    public static let noRatingsNote = "No ratings"
    /// Below this many ratings in the denominator a figure carries `smallSampleNote`.
    public static let smallSampleThreshold = 10

    /// Works out every figure from the two counts; `previous` is the same group's figure
    /// in the quarter before (nil when there is none), used only for `change`.
    public init(numerator: Int, denominator: Int, previous: MeasureFigure? = nil) {
        precondition(numerator >= 0 && numerator <= denominator, "a numerator is between 0 and the denominator")
        self.numerator = numerator
        self.denominator = denominator
        guard denominator > 0, let interval = WilsonInterval(successes: numerator, trials: denominator) else {
            percentage = nil
            lowerBound = nil
            upperBound = nil
            change = nil
            return
        }
        let percentage = OneDecimal.percentage(numerator, of: denominator)
        self.percentage = percentage
        lowerBound = OneDecimal.round(interval.lower * 100)
        upperBound = OneDecimal.round(interval.upper * 100)
        // Subtracting whole tenths keeps 62.5 − 70.0 at exactly −7.5 rather than −7.499….
        change = previous?.percentage.map { Double(OneDecimal.tenths(percentage) - OneDecimal.tenths($0)) / 10 }
    }

    /// "Fewer than 10 ratings: treat with caution" when 0 < denominator < 10; "No ratings" when 0.
    public var note: String? {
        switch denominator {
        case 0: Self.noRatingsNote
        case 1..<Self.smallSampleThreshold: Self.smallSampleNote
        default: nil
        }
    }
}
