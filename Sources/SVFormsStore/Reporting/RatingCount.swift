import Foundation
import GRDB
import SVFormsCore

/// How many times one rating value was given to one question, by responses naming one organisation,
/// in one reporting period: the aggregate scoring works from, counted by SQLite.
public struct RatingCount: Sendable, Equatable {
    /// Index into the periods asked for.
    public var period: Int
    public var organisationID: String?
    public var questionID: String
    public var value: String
    public var count: Int
}

extension RatingCount {
    /// What one count is of, for adding up counts from the tally and from the answers.
    struct Key: Hashable {
        let period: Int
        let organisationID: String?
        let questionID: String
        let value: String
    }
}
