import Foundation

/// Answers in progress for one respondent and one questionnaire.
public struct Draft: Sendable, Codable, Equatable {
    public var answers: Answers
    /// Pages the person has answered (pressed Continue on), in the order they did.
    public var completedPages: [String]
    /// On screened journeys: when this journey's earliest page answered was shown, from its signed stamp.
    public var firstShownAt: Date?
    /// On screened journeys: set once any page came back with the field people never see filled in.
    public var trapTripped: Bool?
    /// On screened journeys: the id every page stamp of this journey carries (see `PageStamp`).
    public var journey: String?

    public init(
        answers: Answers = [:], completedPages: [String] = [], firstShownAt: Date? = nil, trapTripped: Bool? = nil,
        journey: String? = nil
    ) {
        self.answers = answers
        self.completedPages = completedPages
        self.firstShownAt = firstShownAt
        self.trapTripped = trapTripped
        self.journey = journey
    }

    /// Notes what a posted page says about who is answering: whether the hidden field was filled in,
    /// and when the page was shown, if its stamp can be believed for this journey (`PageStamp.credits`).
    /// A stamp that cannot counts the page as shown `now`, so it can only make the journey look faster.
    ///
    /// A draft's first page starts its journey under the stamp's id, unless that journey was already
    /// submitted (`journeyIsSpent`): a replayed stamp then starts a new journey, `freshJourney`, timed from now.
    public func noting(
        _ stamp: PageStamp, trapTripped tripped: Bool, at now: Date, journeyIsSpent: Bool, freshJourney: @autoclosure () -> String
    ) -> Draft {
        var noted = self
        if noted.journey == nil { noted.journey = journeyIsSpent ? freshJourney() : stamp.journey }
        let shown = stamp.credits(journey: noted.journey, at: now) ? stamp.shownAt : now
        noted.firstShownAt = min(firstShownAt ?? shown, shown)
        if tripped || trapTripped == true { noted.trapTripped = true }
        return noted
    }
}

/// What a posted page's signed stamp says: when the page was shown, and in which journey.
public struct PageStamp: Sendable, Equatable {
    public var shownAt: Date
    public var journey: String

    /// A stamp older than this times nothing: kept pages cannot be saved up to replay later.
    public static let lifetime: TimeInterval = 86_400

    public init(shownAt: Date, journey: String) {
        self.shownAt = shownAt
        self.journey = journey
    }

    /// Whether the stamp may time a page of `journey` posted at `now`: it was shown in that journey,
    /// not in the future, and less than a day ago.
    public func credits(journey: String?, at now: Date) -> Bool {
        let age = now.timeIntervalSince(shownAt)
        return journey == self.journey && age >= 0 && age <= Self.lifetime
    }
}
