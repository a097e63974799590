import Foundation

/// Answers in progress for one respondent and one questionnaire.
public struct Draft: Sendable, Codable, Equatable {
    public var answers: Answers
    /// Pages the person has answered (pressed Continue on), in the order they did.
    public var completedPages: [String]
    /// On community voices: when the earliest page answered was shown, from its signed stamp.
    public var firstShownAt: Date?
    /// On community voices: set once any page came back with the field people never see filled in.
    public var trapTripped: Bool?

    public init(answers: Answers = [:], completedPages: [String] = [], firstShownAt: Date? = nil, trapTripped: Bool? = nil) {
        self.answers = answers
        self.completedPages = completedPages
        self.firstShownAt = firstShownAt
        self.trapTripped = trapTripped
    }

    /// Notes what a posted page says about who is answering: the earliest time a page was shown,
    /// and whether the hidden field was filled in.
    public func noting(shownAt: Date, trapTripped tripped: Bool) -> Draft {
        var noted = self
        noted.firstShownAt = min(firstShownAt ?? shownAt, shownAt)
        if tripped || trapTripped == true { noted.trapTripped = true }
        return noted
    }
}
