import Foundation
import Testing

@testable import SVFormsStore

@Suite struct TimestampTests {
    @Test func storedTimesReadBackAsTheFullParserReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &generator)) / 1_000)
            let text = Timestamp.string(date)
            // The same instant as Foundation's parser reads, to well under a microsecond: the two add the
            // milliseconds in different ways, so the last bit of the Double can differ (1 time in ~30,000).
            let parsed = try #require(Timestamp.date(text))
            let foundation = try #require(try? Timestamp.style.parse(text))
            #expect(abs(parsed.timeIntervalSince(foundation)) < 0.000_001, "\(text)")
            #expect(Int(parsed.timeIntervalSince1970.rounded(.down)) == Int(foundation.timeIntervalSince1970.rounded(.down)))
        }
    }

    @Test(arguments: ["2025-02-31T10:00:00.000Z", "2025-13-01T10:00:00.000Z", "2025-01-01T10:00:0x.000Z", "2025-06-15T16:06:40Z"])
    func textThatIsNotAStoredTimeIsLeftToTheFullParser(text: String) {
        #expect(Timestamp.date(text) == (try? Timestamp.style.parse(text)))
    }
}
