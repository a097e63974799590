import Foundation
import SVFormsCore

/// How the report writes its figures: "62.5%", "1,234", "+7.5 points", "fewer than 5".
public enum ReportFormat {
    public static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "–" }
        return unit == "percent" ? "\(oneDecimal(value))%" : number(value)
    }

    public static func change(_ change: Double?, unit: String, direction: String?) -> String {
        guard let change else { return "–" }
        let sign = change > 0 ? "+" : change < 0 ? "−" : ""
        let size = unit == "percent" ? "\(oneDecimal(abs(change))) points" : number(abs(change))
        return "\(sign)\(size)" + (direction.map { " (\($0))" } ?? "")
    }

    public static func count(_ count: Int?) -> String { count.map { number(Double($0)) } ?? SmallCount.suppressedText }

    public static func percent(_ value: Double?) -> String { value.map { "\(oneDecimal($0))%" } ?? "–" }

    /// Whole numbers with thousands commas; one decimal place otherwise.
    public static func number(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_GB")
        formatter.minimumFractionDigits = value == value.rounded() ? 0 : 1
        formatter.maximumFractionDigits = 1
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    public static func oneDecimal(_ value: Double) -> String { String(format: "%.1f", value) }
}
