import SVFormsCore
import Testing

@Suite struct ReferenceTests {
    @Test func referencesAreEightCharactersWithoutLookAlikes() {
        for _ in 0..<1_000 {
            let reference = Reference.generate()
            #expect(Reference.isWellFormed(reference))
            #expect(!reference.contains { "01OILUV".contains($0) })
        }
        #expect(!Reference.isWellFormed("ABCDEFG0"))
        #expect(!Reference.isWellFormed("ABCDEFG"))
    }

    @Test func calendarDaysAreReal() {
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDay(iso: "2025-04-01")?.longDescription == "1 April 2025")
        #expect(CalendarDay(iso: "2025-4-1") == nil)
    }
}
