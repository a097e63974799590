import Foundation
import SVFormsCore

/// A round of an invited questionnaire: who was asked, between which dates.
public struct SurveyRound: Sendable, Equatable {
    public var id: Int64
    public var formID: String
    public var name: String
    /// The first and last days answers are taken, in the partnership's calendar.
    public var opensOn: CalendarDay
    public var closesOn: CalendarDay
    /// Remind those who have not answered this many days before closing (nil: only by the button).
    public var reminderDaysBefore: Int?
    public var automaticReminderQueuedAt: Date?
    public var createdAt: Date
    public var createdBy: String
    /// When a lead closed it before its closing date; nil while it runs to its dates.
    public var closedAt: Date?

    /// Whether answers are taken on `day`.
    public func isOpen(on day: CalendarDay) -> Bool { closedAt == nil && opensOn <= day && day <= closesOn }

    /// "Not open yet", "Open" or "Closed" on `day`.
    public func status(on day: CalendarDay) -> String {
        if closedAt != nil || day > closesOn { return "Closed" }
        return day < opensOn ? "Not open yet" : "Open"
    }
}
