import Foundation

/// A partnership's reporting calendar: its time zone and the month its reporting year starts.
///
/// A response belongs to the quarter in which it was submitted *as a clock in the
/// partnership's time zone read*: 00:30 on 1 April BST is 23:30 UTC on 31 March, and is Q1.
public struct ReportingCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    /// 1...12; 4 gives UK financial quarters.
    public let yearStartMonth: Int

    /// A calendar in `timeZone` whose reporting year starts in `yearStartMonth` (1–12).
    public init(timeZone: TimeZone, yearStartMonth: Int) {
        precondition((1...12).contains(yearStartMonth), "a reporting year starts in month 1 to 12")
        self.timeZone = timeZone
        self.yearStartMonth = yearStartMonth
    }

    /// The partnership's own calendar, from `partnership.yaml`.
    public init(_ partnership: Partnership) {
        self.init(timeZone: partnership.timeZone, yearStartMonth: partnership.reportingYearStartMonth)
    }

    /// The quarter whose interval holds `date`.
    public func quarter(containing date: Date) -> ReportingQuarter {
        let parts = gregorian.dateComponents([.year, .month], from: date)
        return quarter(year: parts.year!, month: parts.month!)
    }

    /// The quarter holding a month of the partnership's calendar.
    func quarter(year: Int, month: Int) -> ReportingQuarter {
        let monthsIntoYear = (month - yearStartMonth + 12) % 12
        return ReportingQuarter(
            yearStart: month >= yearStartMonth ? year : year - 1,
            number: monthsIntoYear / 3 + 1,
            yearStartMonth: yearStartMonth)
    }

    /// First instant of the quarter, and first instant of the next one, in the partnership's time zone.
    /// A date is in the quarter when `start <= date < end`. The quarter should come from this
    /// calendar (its `yearStartMonth` is the one used).
    public func interval(of quarter: ReportingQuarter) -> (start: Date, end: Date) {
        (firstInstant(of: quarter), firstInstant(of: quarter.next))
    }

    /// Every quarter from `first` to `last` inclusive, oldest first; empty when `last` is before `first`.
    public func quarters(from first: ReportingQuarter, through last: ReportingQuarter) -> [ReportingQuarter] {
        var quarters: [ReportingQuarter] = []
        var quarter = first
        while quarter <= last {
            quarters.append(quarter)
            quarter = quarter.next
        }
        return quarters
    }

    /// Midnight at the start of the quarter's first day, on the local clock.
    /// Where a time zone skips midnight (a DST change at 00:00), Foundation gives the first
    /// instant that does exist, which is still the start of that day.
    private func firstInstant(of quarter: ReportingQuarter) -> Date {
        let (year, month) = quarter.firstMonth
        let components = DateComponents(year: year, month: month, day: 1, hour: 0, minute: 0, second: 0)
        guard let date = gregorian.date(from: components) else {
            preconditionFailure("the Gregorian calendar has a first of \(month)/\(year)")
        }
        return date
    }

    /// A Gregorian calendar on the partnership's clock; built per call because `Calendar`
    /// is cheap and this keeps the type a plain value.
    private var gregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
