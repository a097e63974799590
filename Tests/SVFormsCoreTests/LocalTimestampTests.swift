import Foundation
import SVFormsCore
import Testing

@Suite struct LocalTimestampTests {
    @Test func timesAreWrittenWithTheirOffsetInBritishSummerAndWinterTime() {
        let london = TimeZone(identifier: "Europe/London")!
        // 22:30 UTC on 31 March 2025 is 23:30 BST; 23:30 UTC on 21 November 2026 is 23:30 GMT.
        #expect(LocalTimestamp.string(Date(timeIntervalSince1970: 1_743_460_200), in: london) == "2025-03-31T23:30:00+01:00")
        #expect(LocalTimestamp.string(Date(timeIntervalSince1970: 1_795_303_800), in: london) == "2026-11-21T23:30:00+00:00")
        #expect(LocalTimestamp.string(Date(timeIntervalSince1970: 0), in: TimeZone(identifier: "America/St_Johns")!) == "1969-12-31T20:30:00-03:30")
    }
}
