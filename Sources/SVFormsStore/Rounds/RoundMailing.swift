/// Which people of a round a mailing goes to.
public enum RoundMailing: String, Sendable {
    /// Everyone not yet invited.
    case invitations
    /// Everyone invited who has not submitted.
    case reminders
}
