/// Counts people could be recognised from. Anything a viewer can see or download shows a count
/// under `threshold` as "fewer than 5", never the number; leads see the numbers.
public enum SmallCount {
    public static let threshold = 5
    public static let suppressedText = "fewer than 5"

    /// The count as text: the number, or "fewer than 5" when `suppress` is on and it is small.
    public static func text(_ count: Int, suppress: Bool) -> String {
        suppress && count < threshold ? suppressedText : String(count)
    }

    /// The count when it may be shown, nil when it is suppressed.
    public static func shown(_ count: Int, suppress: Bool) -> Int? {
        suppress && count < threshold ? nil : count
    }
}
