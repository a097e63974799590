/// What an account can ask to be told by email.
public enum NotificationKind: Sendable {
    case submissions, digest
}
