import Hummingbird

/// The signed-in session cookie: `__Host-` prefixed and Secure over https, HttpOnly,
/// SameSite=Lax, lasting no longer than a session may.
struct SessionCookies: Sendable {
    let secure: Bool

    var name: String { secure ? "__Host-svf_session" : "svf_session" }

    func token(in request: Request) -> String? {
        request.cookies[name].map(\.value).flatMap { RandomToken.isWellFormed($0) ? $0 : nil }
    }

    func cookie(_ token: String) -> Cookie {
        Cookie(
            name: name, value: token, maxAge: Int(SessionPolicy.absoluteTimeout), path: "/", secure: secure,
            httpOnly: true, sameSite: .lax)
    }

    func expired() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
