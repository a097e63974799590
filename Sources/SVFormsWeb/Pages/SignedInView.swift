import Mustache
import SVFormsStore

/// The header of signed-in pages: who is signed in, what they can open, and signing out.
struct SignedInView: Sendable, Hashable, MustacheParent {
    var email: String
    var role: Role
    /// The anti-forgery token for the sign-out form.
    var csrfToken: String

    func child(named name: String) -> Any? {
        switch name {
        case "accountEmail": email
        case "roleLabel": role.rawValue.capitalized
        case "canSeeAudit": role.includes(.admin)
        case "canSeeRounds": role.includes(.viewer)
        case "canSeeMail": role.includes(.admin)
        case "canSeeVoices": role.includes(.lead)
        case "canRecordMeetings": role.includes(.lead)
        case "canSeeRetention": role.includes(.admin)
        case "canChooseEmails": role.includes(.lead)
        case "dashboardHref": SiteRoute.dashboard.path()
        case "auditHref": SiteRoute.audit.path()
        case "logoutHref": SiteRoute.logout.path()
        case "logoutCSRF": csrfToken
        default: nil
        }
    }
}
