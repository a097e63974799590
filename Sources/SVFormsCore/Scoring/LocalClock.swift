import Foundation

/// Reads instants on a partnership's clock, fast enough for a download that converts every response's
/// time: the zone's UTC offset is looked up once per quarter-hour of UTC (zones change offset on those
/// boundaries; a quarter-hour where the offset does change inside is looked up per instant) and the
/// rest is integer arithmetic. One clock serves one download: it is not shared between tasks.
public final class LocalClock {
    public let calendar: ReportingCalendar
    private var offsets: [Int: Int] = [:]
    private static let quarterHour = 900

    public init(_ calendar: ReportingCalendar) {
        self.calendar = calendar
    }

    /// The date and time of day a clock in the partnership showed, to the second, and its UTC offset.
    public struct Reading: Equatable {
        public let date: CivilDate
        public let secondOfDay: Int
        public let offsetSeconds: Int
    }

    public func read(_ instant: Date) -> Reading {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let offset = offset(at: seconds)
        let local = seconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return Reading(date: CivilDate(daysSince1970: days), secondOfDay: local - days * 86_400, offsetSeconds: offset)
    }

    /// "2025-03-31T23:30:00+01:00": see `LocalTimestamp`. Written byte by byte: one per exported row.
    public func timestamp(_ instant: Date) -> String {
        let reading = read(instant)
        let offsetMinutes = abs(reading.offsetSeconds) / 60
        let time = reading.secondOfDay
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        func digits(_ value: Int, _ width: Int) {
            let text = String(value).utf8
            bytes += repeatElement(UInt8(ascii: "0"), count: max(0, width - text.count))
            bytes += text
        }
        digits(reading.date.year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(reading.date.month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(reading.date.day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(time / 3_600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(time / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(time % 60, 2)
        bytes.append(reading.offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        digits(offsetMinutes / 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(offsetMinutes % 60, 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The reporting quarter holding `instant`, as `ReportingCalendar.quarter(containing:)` gives it.
    public func quarter(containing instant: Date) -> ReportingQuarter {
        let date = read(instant).date
        return calendar.quarter(year: date.year, month: date.month)
    }

    private func offset(at seconds: Int) -> Int {
        let bucket = seconds >= 0 ? seconds / Self.quarterHour : (seconds - Self.quarterHour + 1) / Self.quarterHour
        if let known = offsets[bucket] { return known }
        let zone = calendar.timeZone
        let start = bucket * Self.quarterHour
        let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start)))
        let last = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start + Self.quarterHour - 1)))
        guard first == last else { return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) }
        offsets[bucket] = first
        return first
    }
}
