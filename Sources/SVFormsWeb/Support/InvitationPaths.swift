/// The personal-link URLs of invitations.
enum InvitationPaths {
    static func start(_ token: String) -> String { "/i/\(token)" }
}
