import Foundation

/// Why a voice (or a response through an invited questionnaire's public link) was set aside rather
/// than counted: it looks like it was sent by a program. The person is thanked as usual; a lead can
/// release it.
public enum QuarantineReason: String, Sendable, CaseIterable {
    /// The field hidden from people and screen readers came back filled in.
    case hiddenField = "hidden-field"
    /// Sent sooner after its first page was shown than a person could read and answer it.
    case tooFast = "too-fast"

    public var description: String {
        switch self {
        case .hiddenField: "a field people cannot see was filled in"
        case .tooFast: "it was sent faster than a person could answer"
        }
    }

    /// The reason to set aside a response sent at `now` from `draft`, if any: a journey that kept no
    /// shown time (every stamp was one it could not believe) counts as too fast.
    public static func screening(_ draft: Draft, minimumSeconds: Int, now: Date) -> QuarantineReason? {
        if draft.trapTripped == true { return .hiddenField }
        guard let shown = draft.firstShownAt else { return .tooFast }
        return now.timeIntervalSince(shown) < Double(minimumSeconds) ? .tooFast : nil
    }
}
