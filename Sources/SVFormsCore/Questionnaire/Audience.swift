/// Who answers a questionnaire.
public enum Audience: String, Sendable, CaseIterable {
    /// Named representatives, by personal invitation.
    case invited
    /// Anyone with the link; listed on the home page.
    case `public`
}
