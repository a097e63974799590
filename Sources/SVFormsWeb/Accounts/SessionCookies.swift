import Hummingbird
import SVFormsStore

/// The signed-in session cookie: `__Host-` prefixed and Secure over https, HttpOnly,
/// SameSite=Lax, lasting no longer than a session may.
struct SessionCookies: Sendable {
    let secure: Bool

    /// `__Host-svf_session` over https, `svf_session` on plain-HTTP development.
    var name: String { secure ? "__Host-svf_session" : "svf_session" }

    /// The session token the browser sent, if it looks like one we issue.
    func token(in request: Request) -> String? {
        request.cookies[name].map(\.value).flatMap { RandomToken.isWellFormed($0) ? $0 : nil }
    }

    /// The cookie that carries a new session, lasting no longer than the session may.
    func cookie(_ token: String) -> Cookie {
        Cookie(
            name: name, value: token, maxAge: Int(SessionPolicy.absoluteTimeout), path: "/", secure: secure,
            httpOnly: true, sameSite: .lax)
    }

    /// A cookie that makes the browser forget its session.
    func expired() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
