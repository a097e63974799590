import Foundation

/// Writes a computed figure with exactly one decimal place, the same everywhere.
///
/// Not a `NumberFormatter`, which follows the locale (a German one writes `52,0` and splits
/// the CSV field), nor `printf`-style `%.1f`, which prints `-0.0` for small negatives and
/// rounds exact binary halves to even (`2.25` becomes `2.2`) while Excel's "0.0" format
/// shows `2.3`. Doing the arithmetic here keeps the CSV and the XLSX display in agreement.
enum OneDecimalPlace {
    /// The value as text such as `52.0` or `-2.5`, or nil when it is NaN or infinite.
    static func text(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        let tenths = (value * 10).rounded(.toNearestOrAwayFromZero)
        guard let whole = Int64(exactly: tenths) else {
            // Beyond ±9.2e17 a Double has no tenths left to show; the C formatter (with the
            // "C" locale rules Foundation uses when no locale is given) prints the digits.
            return String(format: "%.1f", value)
        }
        let magnitude = whole.magnitude
        let sign = whole < 0 ? "-" : ""
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
