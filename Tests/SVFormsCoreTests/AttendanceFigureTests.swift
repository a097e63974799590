import Foundation
import SVFormsCore
import Testing

@Suite struct AttendanceFigureTests {
    let partnership = try! FormCatalog.load(directory: Fixtures.everyType).partnership
    let calendar = ReportingCalendar(timeZone: TimeZone(identifier: "Europe/London")!, yearStartMonth: 4)

    func meeting(_ id: Int64, _ body: String, _ day: String, _ attendees: Set<String>) -> Meeting {
        Meeting(id: id, bodyID: body, heldOn: CalendarDay(iso: day)!, attendees: attendees, note: "")
    }

    @Test func countsAuthoritiesAtAnyBoardMeetingOnceAndNotSubGroupsOrOthers() {
        let meetings = [
            meeting(1, "board", "2026-07-10", ["test-police", "test-pcc"]),
            meeting(2, "board", "2026-09-30", ["test-police", "test-council"]),
            meeting(3, "data", "2026-08-01", ["test-schools"]),
            meeting(4, "board", "2026-10-01", ["test-prison"]),  // the next quarter
            meeting(5, "board", "2026-06-30", ["test-prison"]),  // the quarter before
        ]
        let quarter = ReportingQuarter(yearStart: 2026, number: 2, yearStartMonth: 4)
        let figure = AttendanceFigure(meetings: meetings, days: calendar.days(of: quarter), partnership: partnership)
        #expect(figure.value == 2)
        #expect(figure.boardMeetings.map(\.id) == [1, 2])
        #expect(figure.attended.map(\.id) == ["test-police", "test-council"])
        #expect(figure.absent.map(\.id) == ["test-schools", "test-prison"])
        #expect(figure.subGroupOnly.map(\.id) == ["test-schools"])
        #expect(figure.otherAttendees.map(\.id) == ["test-pcc"])
    }

    @Test func aQuarterWithoutABoardMeetingHasNoFigureRatherThanZero() {
        let meetings = [meeting(1, "data", "2026-08-01", ["test-police"])]
        let quarter = ReportingQuarter(yearStart: 2026, number: 2, yearStartMonth: 4)
        let figure = AttendanceFigure(meetings: meetings, days: calendar.days(of: quarter), partnership: partnership)
        #expect(figure.value == nil)
        #expect(figure.absent.count == 4 && figure.subGroupOnly.map(\.id) == ["test-police"])
    }

    @Test func quartersRunFromTheirFirstToTheirLastDayOnThePartnershipsCalendar() {
        let days = calendar.days(of: ReportingQuarter(yearStart: 2026, number: 4, yearStartMonth: 4))
        #expect(days.lowerBound.description == "2027-01-01" && days.upperBound.description == "2027-03-31")
        #expect(calendar.quarter(containing: CalendarDay(iso: "2027-03-31")!).label == "2026/27 Q4")
        #expect(calendar.quarter(containing: CalendarDay(iso: "2027-04-01")!).label == "2027/28 Q1")
    }

    @Test(arguments: [("2026-27-Q3", "2026/27 Q3", 4), ("2026-27-q3", "2026/27 Q3", 4), ("2026-Q1", "2026 Q1", 1)])
    func quarterSlugsRoundTrip(slug: String, label: String, startMonth: Int) throws {
        let quarter = try #require(ReportingQuarter(slug: slug, yearStartMonth: startMonth))
        #expect(quarter.label == label)
        #expect(ReportingQuarter(slug: quarter.slug, yearStartMonth: startMonth) == quarter)
    }

    @Test(arguments: ["2026-28-Q3", "2026-27-Q5", "2026-Q3", "2026/27-Q3", "x", "", "1999-00-Q1", "0000-01-Q1"])
    func refusesSlugsThatAreNotQuarters(slug: String) {
        #expect(ReportingQuarter(slug: slug, yearStartMonth: 4) == nil)
    }

    @Test func aTrendSaysWhetherAChangeIsGoodNews() {
        let lower = FrameworkMeasure(id: "1.1.1.a", title: "", kind: .imported, unit: "admissions", better: .lower, source: "")
        let q1 = ReportingQuarter(yearStart: 2026, number: 1, yearStartMonth: 4)
        let falling = MeasureTrend(measure: lower, points: [.init(quarter: q1, value: 40), .init(quarter: q1.next, value: 36.5)])
        #expect(falling.change == -3.5 && falling.direction == "better")
        var higher = lower
        higher.better = .higher
        #expect(MeasureTrend(measure: higher, points: falling.points).direction == "worse")
        #expect(MeasureTrend(measure: lower, points: [.init(quarter: q1, value: nil), .init(quarter: q1.next, value: 3)]).change == nil)
        #expect(MeasureTrend(measure: lower, points: [.init(quarter: q1, value: 3), .init(quarter: q1.next, value: 3)]).direction == "no change")
    }
}
