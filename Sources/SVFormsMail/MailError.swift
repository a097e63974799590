/// Why a mail address, message or SMTP setting was refused before anything was sent.
///
/// These are programming or configuration errors, found when the value is built, so a
/// message that exists can always be rendered and sent.
public enum MailError: Error, Equatable, Sendable {
    /// The address is not plausible (see `EmailAddress.isPlausible`), is not ASCII, or
    /// contains a control character; the associated value is the address as given.
    case invalidAddress(String)
    /// A header value (subject, display name, extra header) contains CR, LF or another
    /// control character that could end the header and start a new one.
    case headerInjection(field: String)
    /// An extra header whose name is not a valid field name, or that would replace one of
    /// the headers the message sets itself (From, To, Cc, Bcc, Subject, Date, MIME-…);
    /// also a Message-ID that is not of the form `<local@domain>`.
    case invalidHeader(field: String)
    /// A message must have at least one recipient.
    case noRecipients
    /// The SMTP settings cannot work (unknown scheme, credentials in the URL, …).
    case invalidSettings(String)
}
