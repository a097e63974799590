/// What the store refuses about rounds.
public enum RoundError: Error, Equatable {
    case noSuchRound
    /// Already in the round (or twice in what was added): the email address.
    case alreadyInRound(String)
}
