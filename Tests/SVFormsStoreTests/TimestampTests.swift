import Foundation
@testable import SVFormsStore
import Testing

@Suite struct TimestampTests {
    @Test func storedTimesReadBackAsTheFullParserReadsThem() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &generator)) / 1_000)
            let text = Timestamp.string(date)
            // The very same Date as Foundation's parser (which, like this, can land a hair below the
            // millisecond written, so neither is required to format back to the same text).
            #expect(Timestamp.date(text) == (try? Timestamp.style.parse(text)), "\(text)")
        }
    }

    @Test(arguments: ["2025-02-31T10:00:00.000Z", "2025-13-01T10:00:00.000Z", "2025-01-01T10:00:0x.000Z", "2025-06-15T16:06:40Z"])
    func textThatIsNotAStoredTimeIsLeftToTheFullParser(text: String) {
        #expect(Timestamp.date(text) == (try? Timestamp.style.parse(text)))
    }
}
