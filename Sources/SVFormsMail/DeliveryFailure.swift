/// How a delivery failed, classified so an outbox can decide whether to try again later or
/// to give up on the message.
///
/// The text is for people (logs, the admin mail page): it includes libcurl's error text and
/// the SMTP reply code when there was one, and never a password.
public enum DeliveryFailure: Error, Equatable, Sendable {
    /// Worth retrying later: connection refused, timeout, DNS, TLS handshake trouble, an
    /// SMTP 4xx reply, a full disk for the file drop, and settings problems (TLS required
    /// but not offered, certificate not trusted, login refused), which an administrator
    /// fixes while the message waits.
    case transient(String)
    /// Retrying cannot help this message: the server refused its recipient or its content
    /// with a 5xx reply (such as "550 no such user").
    case permanent(String)

    /// The human-readable explanation, whatever the kind.
    public var message: String {
        switch self {
        case .transient(let message), .permanent(let message): message
        }
    }

    /// True when retrying later may succeed.
    public var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }
}
