import Foundation

/// The Wilson score interval for a proportion: where the true rate plausibly lies, given
/// `successes` out of `trials`.
///
/// Chosen over the textbook "p ± z·√(p(1−p)/n)" because that one collapses to a zero-width
/// interval at 0% and 100% and strays outside 0–100% on the small samples partnerships have.
public struct WilsonInterval: Sendable, Equatable {
    /// The z value for a two-sided 95% interval (the 97.5th percentile of the standard normal).
    public static let z95 = 1.959963984540054

    /// Lower bound, as a proportion from 0 to 1 (not rounded).
    public let lower: Double
    /// Upper bound, as a proportion from 0 to 1 (not rounded).
    public let upper: Double

    /// The interval for `successes` out of `trials`; nil when there are no trials, or the
    /// counts are impossible (negative, or more successes than trials).
    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let zSquaredOverN = z * z / n
        let centre = (p + zSquaredOverN / 2) / (1 + zSquaredOverN)
        let halfWidth = z / (1 + zSquaredOverN) * (p * (1 - p) / n + zSquaredOverN / (4 * n)).squareRoot()
        // At 0% and 100% the bound is exactly 0 or 1, but the subtraction leaves noise such as
        // 0.9999999999999999 (1 of 1); say so outright, and clamp noise elsewhere.
        lower = successes == 0 ? 0 : max(0, centre - halfWidth)
        upper = successes == trials ? 1 : min(1, centre + halfWidth)
    }
}
