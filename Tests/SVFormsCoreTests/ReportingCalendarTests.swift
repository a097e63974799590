import Foundation
import SVFormsCore
import Testing

@Suite struct ReportingCalendarTests {
    /// UK financial quarters on the British clock (GMT in winter, BST = UTC+1 in summer).
    let london = ReportingCalendar(timeZone: TimeZone(identifier: "Europe/London")!, yearStartMonth: 4)

    /// An instant written in UTC, so each test states exactly which moment it means.
    private func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    private func quarter(_ label: String, _ calendar: ReportingCalendar? = nil) -> ReportingQuarter {
        let calendar = calendar ?? london
        return ReportingQuarter(label: label, yearStartMonth: calendar.yearStartMonth)!
    }

    @Test func theYearEndIsReadOnTheBritishClockNotUTC() {
        // 23:30 BST on 31 March 2025 is 22:30 UTC: still the old year's Q4.
        #expect(london.quarter(containing: utc("2025-03-31T22:30:00Z")).label == "2024/25 Q4")
        // 00:30 BST on 1 April 2025 is 23:30 UTC on 31 March: already the new year's Q1.
        #expect(london.quarter(containing: utc("2025-03-31T23:30:00Z")).label == "2025/26 Q1")
        // Midnight BST exactly (23:00 UTC) opens Q1; one second before is Q4.
        #expect(london.quarter(containing: utc("2025-03-31T23:00:00Z")).label == "2025/26 Q1")
        #expect(london.quarter(containing: utc("2025-03-31T22:59:59Z")).label == "2024/25 Q4")
    }

    @Test func winterBoundariesAreOnGMT() {
        // 00:30 on 1 January 2026 GMT is 00:30 UTC: Q4. 23:30 on 31 December is Q3.
        #expect(london.quarter(containing: utc("2026-01-01T00:30:00Z")).label == "2025/26 Q4")
        #expect(london.quarter(containing: utc("2025-12-31T23:30:00Z")).label == "2025/26 Q3")
    }

    @Test func intervalsStartAtLocalMidnightEitherSideOfAClockChange() {
        // Q3 runs from 1 October 00:00 BST (= 30 September 23:00 UTC) to 1 January 00:00 GMT;
        // the clocks go back on Sunday 26 October 2025, so it lasts 92 days and 1 hour.
        let q3 = london.interval(of: quarter("2025/26 Q3"))
        #expect(q3.start == utc("2025-09-30T23:00:00Z"))
        #expect(q3.end == utc("2026-01-01T00:00:00Z"))
        #expect(q3.end.timeIntervalSince(q3.start) == (92 * 24 + 1) * 3600)

        // Q4 runs from 1 January GMT to 1 April 00:00 BST (= 31 March 23:00 UTC); the clocks go
        // forward on Sunday 29 March 2026, so 31 + 28 + 31 = 90 days less 1 hour.
        let q4 = london.interval(of: quarter("2025/26 Q4"))
        #expect(q4.start == utc("2026-01-01T00:00:00Z"))
        #expect(q4.end == utc("2026-03-31T23:00:00Z"))
        #expect(q4.end.timeIntervalSince(q4.start) == (90 * 24 - 1) * 3600)

        // Q1 is all BST: 30 + 31 + 30 = 91 whole days.
        let q1 = london.interval(of: quarter("2025/26 Q1"))
        #expect(q1.start == utc("2025-03-31T23:00:00Z"))
        #expect(q1.end.timeIntervalSince(q1.start) == 91 * 24 * 3600)
    }

    @Test func anIntervalHoldsExactlyTheInstantsOfItsQuarter() {
        for label in ["2024/25 Q4", "2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4"] {
            let interval = london.interval(of: quarter(label))
            #expect(london.quarter(containing: interval.start).label == label)
            #expect(london.quarter(containing: interval.end.addingTimeInterval(-1)).label == label)
            #expect(london.quarter(containing: interval.end) == quarter(label).next)
            #expect(london.interval(of: quarter(label).next).start == interval.end)
        }
    }

    @Test func otherYearStartsAndTimeZones() {
        let calendarYear = ReportingCalendar(timeZone: TimeZone(identifier: "UTC")!, yearStartMonth: 1)
        #expect(calendarYear.quarter(containing: utc("2025-08-15T12:00:00Z")).label == "2025 Q3")
        #expect(calendarYear.interval(of: quarter("2025 Q4", calendarYear)).end == utc("2026-01-01T00:00:00Z"))

        // An academic year from September: December to February is Q2, so February 2026 is 2025/26 Q2.
        let academic = ReportingCalendar(timeZone: TimeZone(identifier: "Europe/London")!, yearStartMonth: 9)
        #expect(academic.quarter(containing: utc("2026-02-10T12:00:00Z")).label == "2025/26 Q2")
        #expect(academic.interval(of: quarter("2025/26 Q2", academic)).start == utc("2025-12-01T00:00:00Z"))
    }

    @Test func theCalendarOfAPartnershipComesFromItsProfile() throws {
        let partnership = try FormCatalog.load(directory: Fixtures.everyType).partnership
        #expect(ReportingCalendar(partnership) == london)
    }

    @Test func quartersFromThroughListsEveryQuarterOldestFirst() {
        let run = london.quarters(from: quarter("2024/25 Q3"), through: quarter("2025/26 Q2"))
        #expect(run.map(\.label) == ["2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2"])
        #expect(london.quarters(from: quarter("2025/26 Q1"), through: quarter("2025/26 Q1")).count == 1)
        #expect(london.quarters(from: quarter("2025/26 Q2"), through: quarter("2025/26 Q1")).isEmpty)
    }
}
