/// What a round mailing did: how many emails were queued, and who could not be written to (their
/// email could not be composed, e.g. an address the mail module refuses) and so was left as before.
public struct RoundMailOutcome: Sendable, Equatable {
    /// Someone left out, and why.
    public struct Skipped: Sendable, Equatable {
        public var email: String
        public var reason: String
    }

    public var queued = 0
    public var skipped: [Skipped] = []
}
