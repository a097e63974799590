import Foundation
import SVFormsCore
import Testing

/// The clock exports use per row must read exactly what Foundation's calendar reads, in zones with
/// summer time, half-hour and quarter-hour offsets, and on both sides of 1970.
@Suite struct LocalClockTests {
    static let zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"]

    @Test(arguments: zones) func readingsMatchFoundationsCalendar(zoneName: String) {
        let zone = TimeZone(identifier: zoneName)!
        let clock = LocalClock(ReportingCalendar(timeZone: zone, yearStartMonth: 4))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var generator = SystemRandomNumberGenerator()
        // Random instants from 1950 to 2060, and every quarter-hour around this zone's 2025 transitions.
        var instants = (0..<3_000).map { _ in
            Date(timeIntervalSince1970: Double(Int64.random(in: -631_152_000...2_840_140_800, using: &generator)) + 0.999)
        }
        var transition = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 1_735_689_600))
        while let current = transition, current.timeIntervalSince1970 < 1_767_225_600 {
            instants += (-8...8).map { current.addingTimeInterval(Double($0) * 450 - 0.5) }
            transition = zone.nextDaylightSavingTimeTransition(after: current)
        }
        for instant in instants {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            let reading = clock.read(instant)
            #expect(reading.date == CivilDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(instant)")
            #expect(reading.secondOfDay == parts.hour! * 3_600 + parts.minute! * 60 + parts.second!, "\(instant)")
            #expect(reading.offsetSeconds == zone.secondsFromGMT(for: instant), "\(instant)")
            #expect(clock.quarter(containing: instant) == ReportingCalendar(timeZone: zone, yearStartMonth: 4).quarter(containing: instant))
        }
    }

    @Test func civilDatesRoundTripThroughDayCounts() {
        #expect(CivilDate(daysSince1970: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(year: 2000, month: 2, day: 29).daysSince1970 == 11_016)
        #expect(CivilDate(daysSince1970: -1) == CivilDate(year: 1969, month: 12, day: 31))
        for days in stride(from: -800_000, through: 800_000, by: 37) {
            #expect(CivilDate(daysSince1970: days).daysSince1970 == days)
        }
    }

    @Test func timestampsAreWrittenWithTheirOffset() {
        let clock = LocalClock(ReportingCalendar(timeZone: TimeZone(identifier: "America/St_Johns")!, yearStartMonth: 1))
        #expect(clock.timestamp(Date(timeIntervalSince1970: 1_743_463_800)) == "2025-03-31T21:00:00-02:30")
    }
}
