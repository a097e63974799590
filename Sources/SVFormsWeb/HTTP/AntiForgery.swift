import Crypto
import Foundation
import SVFormsCore
import SVFormsStore

/// Anti-forgery (CSRF) tokens: an HMAC of the browser's own cookie token under the server
/// secret. A page can only post back with the token of the cookie it was shown to, and a
/// forged cross-site form cannot know it.
struct AntiForgery: Sendable {
    /// The server secret (kept as bytes: `SymmetricKey` is not Sendable).
    let secret: Data

    /// The hidden field every form carries.
    static let fieldName = "_csrf"

    /// The token a post carries: its one `_csrf` value. Two values are no token at all, so a forged
    /// value cannot ride beside a real one, whichever comes first.
    static func submittedToken(in input: FormInput) -> String? {
        let values = input.values(fieldName)
        return values.count == 1 ? values[0] : nil
    }

    /// The token a form shown to this cookie's browser carries.
    func token(for cookieToken: String) -> String {
        Data(mac(cookieToken)).base64URLEncoded
    }

    /// Whether a posted token belongs to this cookie.
    func isValid(_ submitted: String?, for cookieToken: String) -> Bool {
        guard let submitted, let submittedData = Data(base64URLEncoded: submitted) else { return false }
        // Compare MACs rather than strings, so timing says nothing about how much matched.
        return mac(cookieToken) == submittedData
    }

    private func mac(_ cookieToken: String) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: Data("csrf:\(cookieToken)".utf8), using: SymmetricKey(data: secret))
    }
}
