/// Sends one message to exactly its recipients.
///
/// Implementations must be safe to call concurrently from many tasks, must not block the
/// cooperative thread pool or an event loop, and report failure only as a classified
/// `DeliveryFailure` so the caller can decide between retrying and giving up.
public protocol MailTransport: Sendable {
    /// Delivers `message`, returning once the server (or disk) has accepted it.
    func send(_ message: MailMessage) async throws(DeliveryFailure) -> DeliveryReceipt
}
