import Foundation

/// A recorded meeting of the board or a sub-group, and which member organisations attended.
/// Organisations only: the register never names people.
public struct Meeting: Sendable, Equatable {
    public var id: Int64
    public var bodyID: String
    public var heldOn: CalendarDay
    /// Organisation ids, in no particular order.
    public var attendees: Set<String>
    public var note: String

    public init(id: Int64, bodyID: String, heldOn: CalendarDay, attendees: Set<String>, note: String) {
        self.id = id
        self.bodyID = bodyID
        self.heldOn = heldOn
        self.attendees = attendees
        self.note = note
    }
}

/// What a meeting asked someone to do, owned by a member organisation.
public struct MeetingAction: Sendable, Equatable {
    /// Where an action has got to.
    public enum Status: String, Sendable, CaseIterable {
        case open
        case inProgress = "in-progress"
        case done, dropped

        public var label: String {
            switch self {
            case .open: "Open"
            case .inProgress: "In progress"
            case .done: "Done"
            case .dropped: "Dropped"
            }
        }

        /// Open and in-progress actions are still to do, and are listed in the board report.
        public var isOutstanding: Bool { self == .open || self == .inProgress }
    }

    public var id: Int64
    public var meetingID: Int64
    public var description: String
    public var ownerID: String
    public var dueOn: CalendarDay?
    public var status: Status

    public init(id: Int64, meetingID: Int64, description: String, ownerID: String, dueOn: CalendarDay?, status: Status) {
        self.id = id
        self.meetingID = meetingID
        self.description = description
        self.ownerID = ownerID
        self.dueOn = dueOn
        self.status = status
    }
}
