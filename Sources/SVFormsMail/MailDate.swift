import Foundation

/// The RFC 5322 `Date:` format, always in UTC: `Tue, 04 Nov 2025 09:05:00 +0000`.
///
/// Written by hand rather than with `DateFormatter` so it never depends on the process's
/// locale or time zone, and so English day and month names are certain.
enum MailDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// `date` formatted for the Date header.
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        // The calendar always fills the components asked for; the defaults are never used.
        let weekday = days[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        return "\(weekday), \(twoDigits(parts.day)) \(month) \(parts.year ?? 1970) "
            + "\(twoDigits(parts.hour)):\(twoDigits(parts.minute)):\(twoDigits(parts.second)) +0000"
    }

    /// `20251104T090500Z`: the same instant in a form that sorts and suits a file name.
    static func compactStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(parts.year ?? 1970)\(twoDigits(parts.month))\(twoDigits(parts.day))T"
            + "\(twoDigits(parts.hour))\(twoDigits(parts.minute))\(twoDigits(parts.second))Z"
    }

    private static func twoDigits(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : "\(value)"
    }
}
