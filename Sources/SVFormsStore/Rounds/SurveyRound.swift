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

    /// Whether answers are taken on `day`.
    public func isOpen(on day: CalendarDay) -> Bool { opensOn <= day && day <= closesOn }
}
