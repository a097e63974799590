import Foundation

extension ReportingCalendar {
    /// The quarter holding a day of the partnership's calendar (a meeting's date, say).
    public func quarter(containing day: CalendarDay) -> ReportingQuarter {
        quarter(year: day.year, month: day.month)
    }

    /// The quarter's first and last days on the partnership's calendar.
    public func days(of quarter: ReportingQuarter) -> ClosedRange<CalendarDay> {
        let (start, end) = interval(of: quarter)
        return CalendarDay.today(in: timeZone, now: start)...CalendarDay.today(in: timeZone, now: end.addingTimeInterval(-1))
    }
}

extension ReportingQuarter {
    /// The quarter in a URL: "2025-26-Q3" (or "2025-Q3" for a year starting in January).
    public var slug: String {
        label.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-")
    }

    /// The earliest reporting year svforms reports on: nothing earlier was ever collected, and it keeps
    /// every quarter well inside the calendar's common era.
    public static let earliestYear = 2000

    /// Parses what `slug` produces (the "q" may be lower-case), and nothing else; years before 2000 are refused.
    public init?(slug: String, yearStartMonth: Int) {
        let parts = slug.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == (yearStartMonth == 1 ? 2 : 3) else { return nil }
        let years = parts.dropLast().joined(separator: "/")
        self.init(label: "\(years) \(parts.last!.uppercased())", yearStartMonth: yearStartMonth)
        if yearStart < Self.earliestYear { return nil }
    }
}
