/// Evidence that a transport accepted a message: what the outbox records when it marks a
/// row sent, such as "250 accepted by smtp://mail.example.org:587" or the `.eml` path.
public struct DeliveryReceipt: Sendable, Equatable, CustomStringConvertible {
    /// One line for people and logs.
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
