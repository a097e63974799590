import SVFormsCore

/// What a lead fills in to open a round.
public struct NewSurveyRound: Sendable {
    public var formID: String
    public var name: String
    public var opensOn: CalendarDay
    public var closesOn: CalendarDay
    public var reminderDaysBefore: Int?

    public init(formID: String, name: String, opensOn: CalendarDay, closesOn: CalendarDay, reminderDaysBefore: Int?) {
        self.formID = formID
        self.name = name
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.reminderDaysBefore = reminderDaysBefore
    }
}
