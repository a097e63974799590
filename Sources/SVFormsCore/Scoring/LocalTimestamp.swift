import Foundation

/// "2025-03-31T23:30:00+01:00": ISO 8601 local time with its UTC offset written out (never "Z"),
/// so a spreadsheet shows the time the partnership's own clocks showed.
public enum LocalTimestamp {
    public static func string(_ date: Date, in timeZone: TimeZone) -> String {
        LocalClock(ReportingCalendar(timeZone: timeZone, yearStartMonth: 1)).timestamp(date)
    }
}
