/// Which people of a round a mailing goes to.
public enum RoundMailing: String, Sendable {
    /// Everyone not yet invited.
    case invitations
    /// Everyone invited who has not submitted, except anyone reminded in the last day.
    case reminders
    /// One person who has not submitted, again: a new link, and every link they were sent before ends.
    case invitationAgain = "invitation-again"

    /// Reminders are at most one a day per person, however often "remind" is pressed.
    public static let reminderInterval: Double = 24 * 60 * 60

    var isReminder: Bool { self == .reminders }
}
