import Crypto
import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// The device cookie of OWASP's "Slow down online guessing attacks with device cookies": given to a
/// browser when it signs in, bound to that account's email address by an HMAC under the server secret,
/// so it cannot be made up or moved to another account. A browser that carries one has its own
/// allowance of failed sign-ins (`AttemptThrottle`).
struct DeviceCookies: Sendable {
    let secret: Data
    let secure: Bool

    /// About a year: a device stays known between quarterly rounds.
    static let lifetimeSeconds = 400 * 86_400

    var name: String { secure ? "__Host-svf_device" : "svf_device" }

    /// The cookie for a browser that has just signed in as `email`.
    func cookie(for email: String) -> Cookie {
        let nonce = RandomToken.generate()
        return Cookie(
            name: name, value: nonce + "." + Data(mac(nonce, email)).base64URLEncoded, maxAge: Self.lifetimeSeconds, path: "/",
            secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The nonce of the browser's device cookie when it was given for `email`; nil otherwise.
    func device(in request: Request, for email: String) -> String? {
        guard let value = request.cookies[name]?.value, value.utf8.count < 120 else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, RandomToken.isWellFormed(String(parts[0])), let signature = Data(base64URLEncoded: String(parts[1])),
            mac(String(parts[0]), email) == signature
        else { return nil }
        return String(parts[0])
    }

    /// Emails are compared as people mean them: case and surrounding spaces do not matter.
    static func normalised(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private func mac(_ nonce: String, _ email: String) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: Data("device:\(Self.normalised(email)):\(nonce)".utf8), using: SymmetricKey(data: secret))
    }
}
