import Foundation
import GRDB
import SVFormsCore

/// A row of `survey_round`.
struct SurveyRoundRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "survey_round"

    var id: Int64?
    var formID: String
    var name: String
    var opensOn: String
    var closesOn: String
    var reminderDaysBefore: Int?
    var automaticReminderQueuedAt: String?
    var createdAt: String
    var createdBy: String
    var closedAt: String?

    enum CodingKeys: String, CodingKey {
        case id
        case formID = "form_id"
        case name
        case opensOn = "opens_on"
        case closesOn = "closes_on"
        case reminderDaysBefore = "reminder_days_before"
        case automaticReminderQueuedAt = "automatic_reminder_queued_at"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case closedAt = "closed_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var round: SurveyRound {
        SurveyRound(
            id: id ?? 0, formID: formID, name: name,
            opensOn: CalendarDay(iso: opensOn) ?? CalendarDay(year: 2000, month: 1, day: 1)!,
            closesOn: CalendarDay(iso: closesOn) ?? CalendarDay(year: 2000, month: 1, day: 1)!,
            reminderDaysBefore: reminderDaysBefore, automaticReminderQueuedAt: automaticReminderQueuedAt.flatMap(Timestamp.date),
            createdAt: Timestamp.date(createdAt) ?? .distantPast, createdBy: createdBy,
            closedAt: closedAt.flatMap(Timestamp.date))
    }
}
