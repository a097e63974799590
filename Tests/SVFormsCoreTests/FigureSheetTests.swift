import Foundation
import SVFormsCore
import Testing

private let measures = [
    FrameworkMeasure(id: "1.1.1.a", title: "Admissions", kind: .imported, unit: "admissions", better: .lower, source: "ICB data"),
    FrameworkMeasure(id: "2.1.1.a", title: "Attendance", kind: .attendance, unit: "authorities", better: .higher, source: "Register"),
]
private let calendar = ReportingCalendar(timeZone: TimeZone(identifier: "Europe/London")!, yearStartMonth: 4)
private let sheet = FigureSheet(
    measures: measures, calendar: calendar, currentQuarter: ReportingQuarter(yearStart: 2026, number: 3, yearStartMonth: 4))

@Suite struct FigureSheetTests {
    @Test(arguments: [("42", 420), ("1,234", 12340), ("12.5", 125), ("-3", -30), (" 7 ", 70), ("0.0", 0)])
    func readsFiguresToTenths(text: String, tenths: Int) throws {
        #expect(try FigureValue.parse(text).get() == FigureValue(tenths: tenths))
    }

    @Test(arguments: ["", "1.25", "12,34", "1,2345", "1e3", "twelve", "1.2.3", "--1", "١٢", "1234567890123"])
    func refusesWhatIsNotAFigureToOneDecimalPlace(text: String) {
        #expect(throws: FigureValue.Problem.self) { try FigureValue.parse(text).get() }
    }

    @Test func writesFiguresBackWithoutNoise() {
        #expect([FigureValue(tenths: 420), FigureValue(tenths: 125), FigureValue(tenths: -5)].map(\.description) == ["42", "12.5", "-0.5"])
    }

    @Test func acceptsAHeadingAndFillsTheSourceFromTheMeasure() throws {
        let entries = try sheet.parse(csv: "Measure,Quarter,Value,Source,Note\n1.1.1.a,2026/27 Q2,40,,first\n1.1.1.a,2026/27 Q3,36,NHS,\n").get()
        #expect(entries.map(\.source) == ["ICB data", "NHS"])
        #expect(entries.map(\.value.tenths) == [400, 360])
        #expect(entries[0].note == "first" && entries[0].quarter.label == "2026/27 Q2")
    }

    @Test func reportsEveryBadLineAndAcceptsNothing() {
        let csv = """
            1.1.1.a,2026/27 Q1,40
            2.1.1.a,2026/27 Q1,9
            1.1.1.a,2026 Q1,1
            1.1.1.a,2027/28 Q1,1
            1.1.1.a,2026/27 Q2
            1.1.1.a,2026/27 Q1,41
            """
        guard case .failure(let problems) = sheet.parse(csv: csv) else {
            Issue.record("a sheet with bad lines was accepted")
            return
        }
        #expect(problems.list.map(\.line) == [2, 3, 4, 5, 6])
        #expect(problems.list[0].message.contains("not a measure entered by hand; use one of: 1.1.1.a"))
        #expect(problems.list[1].message.contains("\"2026 Q1\" is not a quarter; write it like 2026/27 Q3"))
        #expect(problems.list[2].message == "2027/28 Q1 has not started yet, so it cannot have a figure")
        #expect(problems.list[3].message.contains("expected 3 to 5 values"))
        #expect(problems.list[4].message == "1.1.1.a for 2026/27 Q1 is already on line 1")
    }

    @Test func refusesQuartersBefore2000AndControlCharacters() {
        let problem = { (quarter: String, note: String) -> String? in
            guard case .failure(let fault) = sheet.entry(measure: "1.1.1.a", quarter: quarter, value: "1", source: "", note: note) else { return nil }
            return "\(fault.field): \(fault.message)"
        }
        #expect(problem("1999/00 Q4", "") == "quarter: 1999/00 Q4 is before 2000; check the year")
        for control in ["\u{7F}", "\u{85}", "\u{1B}"] {
            #expect(problem("2026/27 Q1", "a\(control)b") == "note: the source or note contains a control character")
        }
        #expect(problem("2026/27 Q1", "two\nlines") == nil)
    }

    @Test func anEmptySheetIsAProblemToo() {
        guard case .failure(let problems) = sheet.parse(csv: "Measure,Quarter,Value\n") else {
            Issue.record("an empty sheet was accepted")
            return
        }
        #expect(problems.list.map(\.description) == ["Line 1: there are no figures in the list"])
    }
}
