import SVFormsCore
import Testing

@Suite struct ReportingQuarterTests {
    private let april = 4

    @Test func labelsNameBothCalendarYearsUnlessTheYearStartsInJanuary() {
        #expect(ReportingQuarter(yearStart: 2025, number: 3, yearStartMonth: april).label == "2025/26 Q3")
        #expect(ReportingQuarter(yearStart: 2025, number: 3, yearStartMonth: 1).label == "2025 Q3")
        // The short second year wraps at a century and keeps its leading zero.
        #expect(ReportingQuarter(yearStart: 1999, number: 1, yearStartMonth: april).label == "1999/00 Q1")
        #expect(ReportingQuarter(yearStart: 2008, number: 4, yearStartMonth: 9).label == "2008/09 Q4")
    }

    @Test func parsingRoundTripsEveryLabel() {
        for month in 1...12 {
            for year in [1999, 2000, 2009, 2024, 2025, 2099] {
                for number in 1...4 {
                    let quarter = ReportingQuarter(yearStart: year, number: number, yearStartMonth: month)
                    #expect(ReportingQuarter(label: quarter.label, yearStartMonth: month) == quarter)
                }
            }
        }
    }

    @Test(arguments: [
        ("2025/27 Q3", 4),  // the second year must follow the first
        ("2025 Q3", 4),  // an April calendar always names two years
        ("2025/26 Q3", 1),  // a January calendar names one
        ("2025/26 Q5", 4), ("2025/26 Q0", 4), ("2025/26 q3", 4), ("2025/26 Q03", 4),
        ("25/26 Q3", 4), ("2025/2026 Q3", 4), ("2025/26Q3", 4), ("2025/26  Q3", 4), (" 2025/26 Q3", 4),
        ("+202/03 Q1", 4), ("", 4), ("2025/26 Q3", 13), ("2025/26 Q3", 0),
    ])
    func parsingRejectsAnythingLabelDoesNotProduce(label: String, month: Int) {
        #expect(ReportingQuarter(label: label, yearStartMonth: month) == nil)
    }

    @Test func previousOfQ1IsThePreviousYearsQ4AndBack() {
        let q1 = ReportingQuarter(label: "2025/26 Q1", yearStartMonth: april)!
        #expect(q1.previous.label == "2024/25 Q4")
        #expect(q1.previous.next == q1)
        #expect(q1.next.label == "2025/26 Q2")
        #expect(q1.next.previous == q1)
        #expect(ReportingQuarter(label: "2025 Q4", yearStartMonth: 1)!.next.label == "2026 Q1")
    }

    @Test func quartersSortByReportingYearThenNumber() {
        let labels = ["2025/26 Q1", "2024/25 Q4", "2025/26 Q3", "2024/25 Q1", "2025/26 Q2"]
        let sorted = labels.compactMap { ReportingQuarter(label: $0, yearStartMonth: april) }.sorted()
        #expect(sorted.map(\.label) == ["2024/25 Q1", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2", "2025/26 Q3"])
        // Same numbers on different calendars are different quarters.
        #expect(ReportingQuarter(yearStart: 2025, number: 1, yearStartMonth: 1) != ReportingQuarter(yearStart: 2025, number: 1, yearStartMonth: 4))
    }
}
