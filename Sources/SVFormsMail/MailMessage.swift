import Foundation

/// A message ready to send: sender, exactly these recipients and no others, a subject, and
/// the same content as plain text and HTML.
///
/// Everything is checked when the message is built (see `init`), so rendering cannot fail.
/// The HTML is sent exactly as given: escaping data into it is the templates' job.
public struct MailMessage: Sendable, Equatable {
    public let from: MailAddress
    public let to: [MailAddress]
    public let subject: String
    public let text: String
    public let html: String
    /// `<local@domain>`, angle brackets included; keep it when resending the same message.
    public let messageID: String
    public let date: Date
    public let extraHeaders: [MailHeaderField]

    /// Builds a message, refusing CR/LF or other control characters in the subject and extra
    /// header values, no recipients, header names that are invalid or that would replace one
    /// of the message's own headers, and a Message-ID not of the form `<local@domain>`.
    public init(
        from: MailAddress, to: [MailAddress], subject: String, text: String, html: String,
        messageID: String, date: Date, extraHeaders: [(String, String)] = []
    ) throws(MailError) {
        guard !to.isEmpty else { throw .noRecipients }
        guard !HeaderText.containsLineBreakOrControl(subject) else {
            throw .headerInjection(field: "Subject")
        }
        guard !HeaderText.containsLineBreakOrControl(messageID) else {
            throw .headerInjection(field: "Message-ID")
        }
        guard Self.isValidMessageID(messageID) else { throw .invalidHeader(field: "Message-ID") }
        var fields: [MailHeaderField] = []
        for (name, value) in extraHeaders {
            fields.append(try MailHeaderField(name: name, value: value))
        }
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.date = date
        self.extraHeaders = fields
    }

    /// The SMTP envelope's RCPT TO list: exactly the `To` addresses (there is no Cc or Bcc).
    public var recipients: [MailAddress] { to }

    /// A new, globally unique Message-ID, `<32 random hex digits@domain>`.
    ///
    /// 128 bits from the system's secure generator, so IDs never collide and reveal nothing.
    /// Use the domain of the sending address or the public site.
    public static func newMessageID(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return "<\(randomHex(&generator))@\(domain)>"
    }

    /// 32 lower-case hex digits (128 bits) from `generator`.
    static func randomHex(_ generator: inout some RandomNumberGenerator) -> String {
        [generator.next(), generator.next()]
            .map { (value: UInt64) in
                let hex = String(value, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }
            .joined()
    }

    /// RFC 5322 `msg-id` in its strict form: `<dot-atom-text@dot-atom-text>`, at most 250
    /// characters so the header line stays well under the 998 limit.
    static func isValidMessageID(_ id: String) -> Bool {
        guard id.hasPrefix("<"), id.hasSuffix(">"), id.utf8.count <= 250 else { return false }
        let inner = id.dropFirst().dropLast()
        let halves = inner.split(separator: "@", omittingEmptySubsequences: false)
        return halves.count == 2 && halves.allSatisfy(HeaderText.isDotAtomText)
    }
}
