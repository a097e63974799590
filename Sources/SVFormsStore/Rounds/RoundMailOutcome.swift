/// What a round mailing did: how many emails were queued, who could not be written to (their email
/// could not be composed, e.g. an address the mail module refuses) and so was left as before, and who
/// was not reminded because they were reminded in the last day.
public struct RoundMailOutcome: Sendable, Equatable {
    /// Someone left out, and why.
    public struct Skipped: Sendable, Equatable {
        public var email: String
        public var reason: String
    }

    public var queued = 0
    public var skipped: [Skipped] = []
    public var recentlyReminded: [Representative] = []
}
