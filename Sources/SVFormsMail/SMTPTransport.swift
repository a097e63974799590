import NIOPosix

/// Sends mail to an SMTP server through libcurl (see `SMTPSettings` for the TLS rule).
///
/// Each message gets its own connection and libcurl handle. libcurl blocks, so transfers
/// run on a NIO thread pool — never on the cooperative pool or an event loop; the pool's
/// size caps how many deliveries run at once (more wait their turn). By default that is
/// the shared `NIOThreadPool.singleton`; pass a pool of its own so slow mail cannot hold up
/// other blocking work (file I/O, password hashing).
public struct SMTPTransport: MailTransport {
    public let settings: SMTPSettings
    private let endpoint: SMTPEndpoint
    private let threadPool: NIOThreadPool

    /// Checks the settings: the URL's scheme, host and port, no credentials in the URL, and
    /// positive timeouts.
    public init(settings: SMTPSettings, threadPool: NIOThreadPool = .singleton) throws(MailError) {
        endpoint = try SMTPEndpoint(url: settings.url)
        guard settings.connectTimeout > .zero, settings.timeout > .zero else {
            throw .invalidSettings("the SMTP timeouts must be longer than zero")
        }
        if let password = settings.password, HeaderText.containsLineBreakOrControl(password) {
            throw .invalidSettings("the SMTP password contains a line break or control character")
        }
        if let username = settings.username, HeaderText.containsLineBreakOrControl(username) {
            throw .invalidSettings("the SMTP user name contains a line break or control character")
        }
        self.settings = settings
        self.threadPool = threadPool
    }

    /// Whether this transport will insist on TLS (always, except plain SMTP to loopback).
    public var requiresTLS: Bool {
        endpoint.security != .plainOnLoopback
    }

    /// Delivers `message` to exactly its recipients; envelope sender is the From address.
    public func send(_ message: MailMessage) async throws(DeliveryFailure) -> DeliveryReceipt {
        let attempt = SMTPDeliveryAttempt(
            endpoint: endpoint, settings: settings, sender: message.from.address,
            recipients: message.recipients.map(\.address), bytes: message.rendered()
        )
        let result: Result<DeliveryReceipt, DeliveryFailure>
        do {
            result = try await threadPool.runIfActive { attempt.run() }
        } catch {
            // The pool is shutting down, or the task was cancelled before the transfer began.
            throw .transient("mail delivery did not start: \(error)")
        }
        return try result.get()
    }
}
