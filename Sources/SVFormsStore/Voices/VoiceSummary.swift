import Foundation
import SVFormsCore

/// A line of the review list.
public struct VoiceSummary: Sendable, Equatable {
    public var reference: String
    public var submittedAt: Date
    public var status: VoiceStatus
    public var possibleDuplicate: Bool
    public var area: String?
    public var themes: [String]
    /// The beginning of the person's own words (nil once retention deleted them).
    public var excerpt: String?
}
