import Foundation
import GRDB
import SVFormsCore

/// A submitted response with its row id, for exports that page through responses in order.
public struct ExportedResponse: Sendable, Equatable {
    public var id: Int64
    public var reference: String
    public var formVersion: Int
    public var submittedAt: Date
    public var answers: Answers
}
