import Foundation
import SVFormsCore

/// The time, and today's date in the partnership's time zone (for date limits); tests set the time.
struct SiteClock: Sendable {
    let now: @Sendable () -> Date
    let timeZone: TimeZone

    func validationContext() -> ValidationContext {
        ValidationContext(today: CalendarDay.today(in: timeZone, now: now()))
    }
}
