import Foundation

/// How a page shows a moment: "21 Nov 2026, 23:05" in the partnership's time zone. Never seconds: a
/// reader wants the minute, and downloads keep the exact time.
enum DisplayTime {
    static func string(_ date: Date, _ timeZone: TimeZone) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_GB"), timeZone: timeZone)
        style.timeZone = timeZone
        return date.formatted(style)
    }
}
