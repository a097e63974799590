import Foundation

/// The personal parts of a voice that retention deletes, each after its own period.
public enum RetainedPart: String, Sendable, CaseIterable {
    case contactDetails = "contact-details"
    case text

    /// The `voice` column recording when this part was deleted (ours, never input).
    var deletedColumn: String {
        switch self {
        case .contactDetails: "contact_deleted_at"
        case .text: "text_deleted_at"
        }
    }

    public var label: String {
        switch self {
        case .contactDetails: "Contact details"
        case .text: "What people wrote"
        }
    }
}

/// What retention has done and will do next for one part of one questionnaire's voices.
public struct RetentionOutlook: Sendable, Equatable {
    public var alreadyDeleted: Int
    /// When the oldest voice still holding this part reaches its deletion time.
    public var nextDue: Date?
    /// How many will be deleted in the next 30 days.
    public var dueWithin30Days: Int
}
