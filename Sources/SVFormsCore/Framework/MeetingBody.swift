import Foundation

/// A body whose meetings are recorded: the partnership board, or one of its sub-groups.
/// Only board meetings count towards 2.1.1.a; sub-group attendance is recorded and shown.
public struct MeetingBody: Sendable, Hashable {
    /// The board's id; sub-groups may not use it.
    public static let boardID = "board"

    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    public var isBoard: Bool { id == Self.boardID }
}
