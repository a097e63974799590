import Hummingbird
import SVFormsStore

/// Who may use a route; the words are `Tests/system/routes.tsv`'s access column.
enum RouteAccess: Sendable, Equatable, CustomStringConvertible {
    case anyone
    /// Anyone holding a personal or one-time link's token, which the controller checks.
    case link
    /// A signed-in account whose role includes this one, checked by `RoleMiddleware` before the handler.
    case role(Role)

    var description: String {
        switch self {
        case .anyone: "anyone"
        case .link: "link"
        case .role(let role): role.rawValue
        }
    }
}

/// A route of the site: the one place its method, path and access are written. Controllers register
/// their handlers with `SiteRouter.on`, which puts signed-in routes behind the session and role checks;
/// pages and redirects build its URL with `path(...)`. Parameters are written `{name}`, as in routes.tsv.
struct SiteRoute: Sendable, Hashable {
    let method: HTTPRequest.Method
    let pattern: String
    let access: RouteAccess

    init(_ method: HTTPRequest.Method, _ pattern: String, _ access: RouteAccess) {
        self.method = method
        self.pattern = pattern
        self.access = access
    }

    /// The URL with `values` in place of the pattern's parameters, in order. Values are ids, slugs and
    /// tokens of our own making (URL-safe); a missing one leaves its `{name}`, which no route matches.
    func path(_ values: any CustomStringConvertible...) -> String {
        var remaining = values[...]
        return pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix("{"), let value = remaining.popFirst() else { return String(segment) }
            return value.description
        }.joined(separator: "/")
    }

    /// What a form posted to this route is tied to, against forgery (see `FormPostMiddleware`).
    enum FormTie: Hashable, Sendable {
        case session, personalLink, respondentCookie
    }

    var formTie: FormTie {
        if case .role = access { return .session }
        return pattern.hasPrefix(SiteRoute.invitationStart.path("")) ? .personalLink : .respondentCookie
    }

    static func == (left: SiteRoute, right: SiteRoute) -> Bool { left.method == right.method && left.pattern == right.pattern }

    func hash(into hasher: inout Hasher) {
        hasher.combine(method.rawValue)
        hasher.combine(pattern)
    }
}
