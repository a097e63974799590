import SVFormsCore

/// What a lead can do to a voice. Each change is written to the audit log in its own transaction.
public enum VoiceChange: Sendable, Equatable {
    case themes([String])
    /// Themes and status saved together from the review form; nil leaves the status (a quarantined voice keeps its own).
    case review(themes: [String], status: VoiceStatus?)
    /// New, reviewed or actioned; a quarantined voice is released first.
    case status(VoiceStatus)
    /// A quarantined voice joins the others as new.
    case release
    /// Every occurrence of `passage` (any case) in one answer becomes "[redacted]"; the original is gone.
    case redact(questionID: String, passage: String)
    /// Only quarantined voices can be deleted.
    case delete

    /// The audit log's action.
    var action: String {
        switch self {
        case .themes: "voice.themes"
        case .review(_, let status): status.map { "voice.review.\($0.rawValue)" } ?? "voice.themes"
        case .status(let status): "voice.\(status.rawValue)"
        case .release: "voice.release"
        case .redact: "voice.redact"
        case .delete: "voice.delete"
        }
    }
}

/// Why a change could not be made; each becomes a message on the voice's page.
public enum VoiceChangeError: Error, Equatable {
    case notFound
    case quarantined
    case notQuarantined
    case passageNotFound
}
