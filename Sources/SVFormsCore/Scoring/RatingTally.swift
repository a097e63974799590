import Foundation

/// How many times one rating value was given to one question by responses naming one
/// organisation, in one quarter.
///
/// The storage layer produces these by aggregating submitted responses in SQLite
/// (`GROUP BY quarter, organisation, question, value`), so scoring never sees, or holds
/// in memory, individual responses.
public struct RatingTally: Sendable, Equatable {
    /// The reporting quarter the responses were submitted in (partnership time zone).
    public var quarter: ReportingQuarter
    /// The organisation the responses named; nil when they named none.
    public var organisationID: String?
    public var questionID: String
    /// The scale option's value as stored, e.g. "good" or "dont-know".
    public var value: String
    public var count: Int

    public init(quarter: ReportingQuarter, organisationID: String?, questionID: String, value: String, count: Int) {
        self.quarter = quarter
        self.organisationID = organisationID
        self.questionID = questionID
        self.value = value
        self.count = count
    }
}
