import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// The cookies that tie a browser to its answers in progress, without an account:
/// a random respondent token (stored only as its SHA-256), and a short-lived receipt
/// that lets the confirmation page show the reference. The respondent token is also
/// the browser's identity for the anti-forgery token on forms shown before sign-in.
struct RespondentCookies: Sendable {
    /// Secure cookies with the `__Host-` prefix when served over https.
    let secure: Bool

    static let lifetimeSeconds = 30 * 24 * 3600
    static let receiptSeconds = 3600

    var respondentName: String { secure ? "__Host-svf_respondent" : "svf_respondent" }
    var receiptName: String { secure ? "__Host-svf_receipt" : "svf_receipt" }

    /// The token sent by the browser, if it looks like one we issue.
    func token(in request: Request) -> String? {
        request.cookies[respondentName].map(\.value).flatMap { RandomToken.isWellFormed($0) ? $0 : nil }
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
