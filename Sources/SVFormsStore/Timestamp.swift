import Foundation

/// Times are stored as UTC ISO 8601 text with milliseconds ("2025-03-31T22:30:00.000Z"), which sorts as text.
enum Timestamp {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    static func string(_ date: Date) -> String {
        date.formatted(style)
    }

    static func date(_ text: String) -> Date? {
        try? style.parse(text)
    }
}
