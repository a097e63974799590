import Foundation

/// Measure 2.1.1.a for one quarter: the specified and relevant authorities that attended at least
/// one meeting of the partnership board. Sub-group meetings are recorded but do not count.
public struct AttendanceFigure: Sendable, Equatable {
    /// Board meetings held in the quarter, oldest first.
    public let boardMeetings: [Meeting]
    /// Authorities at one or more board meetings, in partnership order.
    public let attended: [Organisation]
    /// Authorities at none, in partnership order.
    public let absent: [Organisation]
    /// Of the absent, those that came only to sub-group meetings in the quarter.
    public let subGroupOnly: [Organisation]
    /// Organisations that are not authorities under the Duty but attended the board (not counted).
    public let otherAttendees: [Organisation]

    /// Counts from `meetings` (any quarter; those outside `days` are ignored).
    public init(meetings: [Meeting], days: ClosedRange<CalendarDay>, partnership: Partnership) {
        let inQuarter = meetings.filter { days.contains($0.heldOn) }
        boardMeetings = inQuarter.filter { $0.bodyID == MeetingBody.boardID }.sorted { $0.heldOn < $1.heldOn }
        let atBoard = boardMeetings.reduce(into: Set<String>()) { $0.formUnion($1.attendees) }
        let atSubGroups = inQuarter.filter { $0.bodyID != MeetingBody.boardID }.reduce(into: Set<String>()) { $0.formUnion($1.attendees) }
        let authorities = partnership.authorities
        attended = authorities.filter { atBoard.contains($0.id) }
        absent = authorities.filter { !atBoard.contains($0.id) }
        subGroupOnly = absent.filter { atSubGroups.contains($0.id) }
        otherAttendees = partnership.organisations.filter { $0.type == .other && atBoard.contains($0.id) }
    }

    /// The measure's value: nil when the board did not meet, since nobody could attend.
    public var value: Int? { boardMeetings.isEmpty ? nil : attended.count }

    public static let noMeetingNote = "No board meeting was recorded in this quarter"
}
