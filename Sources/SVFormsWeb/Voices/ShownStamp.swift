import Crypto
import Foundation
import SVFormsCore
import SVFormsStore

/// The signed stamp a screened page carries and posts back with its answers: when it was shown and in
/// which journey (`PageStamp`). The signature, under the server secret and tied to the browser's cookie,
/// means neither can be made up or moved; `Draft.noting` decides whether the time is believed.
struct ShownStamp: Sendable {
    let secret: Data

    static let fieldName = "_shown"
    /// The field hidden from people and screen readers: only a program fills it in.
    static let trapFieldName = "website"

    /// `milliseconds.journey.signature`, for a page of form `formID`'s `journey` shown at `date` to the
    /// browser with `basis`. The form is signed too: a stamp from one form's page times nothing on another's
    /// (an outside test timed a voice with a role survey's stamp and had two voices per wait).
    func stamp(_ date: Date, journey: String, formID: String, for basis: String) -> String {
        let milliseconds = String(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        return milliseconds + "." + journey + "." + Data(mac(milliseconds, journey, formID, basis)).base64URLEncoded
    }

    /// What a stamp posted on a page of form `formID` says, or nil when it is missing, malformed, another
    /// form's or not ours.
    func reading(_ posted: String?, formID: String, for basis: String) -> PageStamp? {
        guard let posted, posted.utf8.count < 160 else { return nil }
        let parts = posted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count <= 15, parts[0].allSatisfy(\.isASCIIDigit), let milliseconds = Int64(parts[0]),
            RandomToken.isWellFormed(String(parts[1])), let signature = Data(base64URLEncoded: String(parts[2])),
            mac(String(parts[0]), String(parts[1]), formID, basis) == signature
        else { return nil }
        return PageStamp(shownAt: Date(timeIntervalSince1970: Double(milliseconds) / 1000), journey: String(parts[1]))
    }

    /// The journey a browser with no answers in progress starts: the same for every page it is shown
    /// until it has one, so stamps fetched ahead from one browser all name one journey, and once that
    /// journey is sent none of them times another (an outside test fetched 40 ahead, waited once and
    /// had 32 voices counted as sent by people).
    func firstJourney(for basis: String, formID: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data("journey:\(basis):\(formID)".utf8), using: SymmetricKey(data: secret)))
            .base64URLEncoded
    }

    private func mac(_ milliseconds: String, _ journey: String, _ formID: String, _ basis: String) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(
            for: Data("shown:\(basis):\(formID):\(journey):\(milliseconds)".utf8), using: SymmetricKey(data: secret))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && ("0"..."9").contains(self) }
}
