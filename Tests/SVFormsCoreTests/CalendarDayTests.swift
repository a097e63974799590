import SVFormsCore
import Testing

@Suite struct CalendarDayTests {
    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        let day = { (year: Int, month: Int, day: Int) in CalendarDay(year: year, month: month, day: day)! }
        #expect(day(2025, 6, 30).adding(days: -3) == day(2025, 6, 27))
        #expect(day(2025, 6, 30).adding(days: 1) == day(2025, 7, 1))
        #expect(day(2025, 12, 31).adding(days: 1) == day(2026, 1, 1))
        #expect(day(2024, 3, 1).adding(days: -1) == day(2024, 2, 29))
        #expect(day(2025, 3, 1).adding(days: -1) == day(2025, 2, 28))
        #expect(day(2025, 3, 30).adding(days: 0) == day(2025, 3, 30), "the clocks change that day; days are days")
    }
}
