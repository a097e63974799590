import Foundation
import SVFormsCore

/// One voice as a lead reviews it: every answer still kept, and where it is in the review.
public struct StoredVoice: Sendable, Equatable {
    public var responseID: Int64
    public var reference: String
    public var formID: String
    public var formVersion: Int
    public var submittedAt: Date
    public var status: VoiceStatus
    public var quarantineReason: QuarantineReason?
    public var possibleDuplicate: Bool
    public var themes: [String]
    public var answers: Answers
    /// When retention deleted the contact details, and the person's own words.
    public var contactDeletedAt: Date?
    public var textDeletedAt: Date?
    /// The last change a lead made, and who made it.
    public var changedAt: Date?
    public var changedBy: String?
}
