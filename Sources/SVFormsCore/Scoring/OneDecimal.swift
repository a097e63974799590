import Foundation

/// Rounding to one decimal place the way the published figures are rounded.
public enum OneDecimal {
    /// `value` to one decimal place, halves away from zero (12.25 → 12.3, −12.25 → −12.3),
    /// and never −0.0, which would print as "-0.0" in a table or CSV.
    public static func round(_ value: Double) -> Double {
        normalised((value * 10).rounded(.toNearestOrAwayFromZero) / 10)
    }

    /// 100 × `part` ÷ `whole` to one decimal place, from the exact ratio: the tenths are
    /// computed as 1000 × part ÷ whole so a true half (1/16 = 6.25%) is not lost to
    /// binary noise before rounding.
    public static func percentage(_ part: Int, of whole: Int) -> Double {
        precondition(whole > 0, "a percentage needs a whole greater than zero")
        let tenths = (Double(part) * 1000 / Double(whole)).rounded(.toNearestOrAwayFromZero)
        return normalised(tenths / 10)
    }

    /// The number of tenths in a value already rounded to one decimal place.
    static func tenths(_ value: Double) -> Int {
        Int((value * 10).rounded(.toNearestOrAwayFromZero))
    }

    /// Turns −0.0 into 0.0 and leaves every other value alone.
    private static func normalised(_ value: Double) -> Double {
        value == 0 ? 0 : value
    }
}
