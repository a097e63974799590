import Foundation

/// "2025-03-31T23:30:00+01:00": ISO 8601 local time with its UTC offset written out (never "Z"),
/// so a spreadsheet shows the time the partnership's own clocks showed.
public enum LocalTimestamp {
    public static func string(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!, sign, minutes / 60, minutes % 60)
    }
}
