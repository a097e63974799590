import SVFormsCore

/// A meeting as a lead records it, before it has an id.
public struct MeetingDraft: Sendable, Equatable {
    public var bodyID: String
    public var heldOn: CalendarDay
    public var attendees: Set<String>
    public var note: String

    public init(bodyID: String, heldOn: CalendarDay, attendees: Set<String>, note: String) {
        self.bodyID = bodyID
        self.heldOn = heldOn
        self.attendees = attendees
        self.note = note
    }
}

/// An action as a lead records it, before it has an id.
public struct ActionDraft: Sendable, Equatable {
    public var description: String
    public var ownerID: String
    public var dueOn: CalendarDay?
    public var status: MeetingAction.Status

    public init(description: String, ownerID: String, dueOn: CalendarDay?, status: MeetingAction.Status) {
        self.description = description
        self.ownerID = ownerID
        self.dueOn = dueOn
        self.status = status
    }
}
