import Crypto
import Foundation

/// The signed time a community-voice page was shown, posted back with its answers. A voice sent
/// sooner after its first page than a person could read it is quarantined; the signature (under
/// the server secret, tied to the browser's cookie) means the time cannot be made up or moved.
struct ShownStamp: Sendable {
    let secret: Data

    static let fieldName = "_shown"
    /// The field hidden from people and screen readers: only a program fills it in.
    static let trapFieldName = "website"

    /// `milliseconds.signature`, for the page shown at `date` to the browser with `basis`.
    func stamp(_ date: Date, for basis: String) -> String {
        let milliseconds = String(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        return milliseconds + "." + Data(mac(milliseconds, basis)).base64URLEncoded
    }

    /// The time a posted stamp says, or nil when it is missing, malformed or not ours.
    func shownAt(_ posted: String?, for basis: String) -> Date? {
        guard let posted, posted.count < 100 else { return nil }
        let parts = posted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let milliseconds = Int64(parts[0]), let signature = Data(base64URLEncoded: String(parts[1])),
            mac(String(parts[0]), basis) == signature
        else { return nil }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private func mac(_ milliseconds: String, _ basis: String) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: Data("shown:\(basis):\(milliseconds)".utf8), using: SymmetricKey(data: secret))
    }
}
