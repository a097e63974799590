import Foundation
import SVFormsCore

/// Times are stored as UTC ISO 8601 text with milliseconds ("2025-03-31T22:30:00.000Z"), which sorts as text.
enum Timestamp {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    static func string(_ date: Date) -> String {
        date.formatted(style)
    }

    /// Reads what `string` writes by hand (exports read one per row); anything else goes to the full parser.
    static func date(_ text: String) -> Date? {
        fastDate(text) ?? (try? style.parse(text))
    }

    /// "YYYY-MM-DDTHH:MM:SS.mmmZ" exactly, or nil.
    private static func fastDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes[19] == 0x2E, bytes[23] == 0x5A
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), let millisecond = number(20..<23),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let civil = CivilDate(year: year, month: month, day: day)
        let days = civil.daysSince1970
        guard CivilDate(daysSince1970: days) == civil else { return nil }  // 31 February
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        // Built from 2001 as Date stores it; Foundation's parser agrees to well under a microsecond.
        return Date(timeIntervalSinceReferenceDate: TimeInterval(seconds - 978_307_200) + TimeInterval(millisecond) / 1_000)
    }
}
