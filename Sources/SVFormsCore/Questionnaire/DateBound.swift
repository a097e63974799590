import Foundation

/// A bound of a date question: a fixed day or "today" in the partnership's time zone.
public enum DateBound: Sendable, Equatable {
    case day(CalendarDay)
    case today
}
