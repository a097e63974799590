import Foundation
import GRDB
import SVFormsCore

/// A draft as stored: the answers and the questionnaire version they were given against.
public struct StoredDraft: Sendable, Equatable {
    public var formVersion: Int
    public var draft: Draft
}
