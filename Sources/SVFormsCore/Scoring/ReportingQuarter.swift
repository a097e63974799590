import Foundation

/// A reporting quarter: "2025/26 Q3" for a year starting in April; "2025 Q3" when the year starts in January.
///
/// Quarters only make sense within one reporting calendar: two quarters with different
/// `yearStartMonth`s are never equal, and their order is only there to make sorting total.
public struct ReportingQuarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year in which its reporting year starts (2025 for 2025/26).
    public let yearStart: Int
    /// 1...4
    public let number: Int
    /// 1...12; the month of the partnership's calendar in which Q1 starts.
    public let yearStartMonth: Int

    /// A quarter of a calendar whose year starts in `yearStartMonth`.
    /// Out-of-range numbers or months are programming errors, so they stop the program.
    public init(yearStart: Int, number: Int, yearStartMonth: Int) {
        precondition((1...4).contains(number), "a reporting quarter is numbered 1 to 4")
        precondition((1...12).contains(yearStartMonth), "a reporting year starts in month 1 to 12")
        self.yearStart = yearStart
        self.number = number
        self.yearStartMonth = yearStartMonth
    }

    /// Parses what `label` produces for the same `yearStartMonth`, and nothing else:
    /// "2025/26 Q3" (the second year must follow the first), or "2025 Q3" for January starts.
    public init?(label: String, yearStartMonth: Int) {
        guard (1...12).contains(yearStartMonth) else { return nil }
        let parts = label.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, parts[1].first == "Q",
            let number = Int(parts[1].dropFirst()), (1...4).contains(number)
        else { return nil }
        let years = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        // A year that starts in 9999 would end in 10000, past what calendar days go up to.
        guard years[0].count == 4, years[0].allSatisfy(\.isASCIIDigit), let yearStart = Int(years[0]), yearStart < 9999 else { return nil }
        let expectedParts = yearStartMonth == 1 ? 1 : 2
        guard years.count == expectedParts else { return nil }
        if expectedParts == 2 {
            guard years[1] == Self.shortYear(yearStart + 1) else { return nil }
        }
        self.init(yearStart: yearStart, number: number, yearStartMonth: yearStartMonth)
    }

    /// "2025/26 Q3", or "2025 Q3" when the reporting year is the calendar year.
    public var label: String {
        let year = yearStartMonth == 1 ? String(yearStart) : "\(yearStart)/\(Self.shortYear(yearStart + 1))"
        return "\(year) Q\(number)"
    }

    public var description: String { label }

    /// The quarter before this one: Q1's is the previous year's Q4.
    public var previous: ReportingQuarter {
        number == 1
            ? ReportingQuarter(yearStart: yearStart - 1, number: 4, yearStartMonth: yearStartMonth)
            : ReportingQuarter(yearStart: yearStart, number: number - 1, yearStartMonth: yearStartMonth)
    }

    /// The quarter after this one: Q4's is the next year's Q1.
    public var next: ReportingQuarter {
        number == 4
            ? ReportingQuarter(yearStart: yearStart + 1, number: 1, yearStartMonth: yearStartMonth)
            : ReportingQuarter(yearStart: yearStart, number: number + 1, yearStartMonth: yearStartMonth)
    }

    /// The calendar year and month (1–12) of the quarter's first day.
    var firstMonth: (year: Int, month: Int) {
        let monthsFromJanuary = (yearStartMonth - 1) + (number - 1) * 3
        return (yearStart + monthsFromJanuary / 12, monthsFromJanuary % 12 + 1)
    }

    public static func < (lhs: ReportingQuarter, rhs: ReportingQuarter) -> Bool {
        (lhs.yearStart, lhs.number, lhs.yearStartMonth) < (rhs.yearStart, rhs.number, rhs.yearStartMonth)
    }

    /// The last two digits of a year, as in "2025/26"; "1999/00" wraps as people write it.
    private static func shortYear(_ year: Int) -> String {
        let digits = ((year % 100) + 100) % 100
        return digits < 10 ? "0\(digits)" : String(digits)
    }
}

extension Character {
    /// 0 to 9 only, so that "+202" or Arabic-Indic digits are not read as a year.
    fileprivate var isASCIIDigit: Bool { isASCII && ("0"..."9").contains(self) }
}
