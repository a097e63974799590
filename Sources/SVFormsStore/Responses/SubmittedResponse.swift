import Foundation
import GRDB
import SVFormsCore

/// A submitted response as stored.
public struct SubmittedResponse: Sendable, Equatable {
    public var reference: String
    public var formID: String
    public var formVersion: Int
    public var submittedAt: Date
    public var answers: Answers
}
