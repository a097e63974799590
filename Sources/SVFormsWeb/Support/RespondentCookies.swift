import Crypto
import Foundation
import Hummingbird

/// The cookies that tie a browser to its answers in progress, without an account:
/// a random respondent token (stored only as its SHA-256), the anti-forgery token derived
/// from it, and a short-lived receipt that lets the confirmation page show the reference.
struct RespondentCookies: Sendable {
    /// The server secret behind the anti-forgery tokens (kept as bytes: `SymmetricKey` is not Sendable).
    let secret: Data
    /// Secure cookies with the `__Host-` prefix when served over https.
    let secure: Bool

    static let lifetimeSeconds = 30 * 24 * 3600
    static let receiptSeconds = 3600

    var respondentName: String { secure ? "__Host-svf_respondent" : "svf_respondent" }
    var receiptName: String { secure ? "__Host-svf_receipt" : "svf_receipt" }

    /// The token sent by the browser, if it looks like one we issue (43 base64url characters).
    func token(in request: Request) -> String? {
        guard let value = request.cookies[respondentName]?.value, value.count == 43,
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return value
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64URLEncoded
    }

    /// What the database stores: a leaked database does not hand out live cookies.
    static func respondentKey(for token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    func csrfToken(for token: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data("csrf:\(token)".utf8), using: SymmetricKey(data: secret))).base64URLEncoded
    }

    func isValidCSRF(_ submitted: String?, for token: String) -> Bool {
        guard let submitted else { return false }
        // Compare MACs rather than strings so timing says nothing about how much matched.
        let expected = HMAC<SHA256>.authenticationCode(for: Data("csrf:\(token)".utf8), using: SymmetricKey(data: secret))
        guard let submittedData = Data(base64URLEncoded: submitted) else { return false }
        return expected == submittedData
    }

    func respondentCookie(_ token: String) -> Cookie {
        Cookie(
            name: respondentName, value: token, maxAge: Self.lifetimeSeconds, path: "/",
            secure: secure, httpOnly: true, sameSite: .lax)
    }

    func receiptCookie(formID: String, reference: String) -> Cookie {
        Cookie(
            name: receiptName, value: "\(formID):\(reference)", maxAge: Self.receiptSeconds, path: "/",
            secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Cookies that make the browser forget its respondent and receipt.
    func expiredCookies() -> [Cookie] {
        [respondentName, receiptName].map {
            Cookie(name: $0, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
        }
    }

    /// The reference of this browser's last submission of `formID`, within the last hour.
    func receipt(in request: Request, formID: String) -> String? {
        guard let value = request.cookies[receiptName]?.value else { return nil }
        let parts = value.split(separator: ":")
        guard parts.count == 2, parts[0] == formID else { return nil }
        return String(parts[1])
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
