/// Turning a checked message into the bytes sent over SMTP or written as an `.eml` file.
extension MailMessage {
    /// The RFC 5322 message: CRLF line ends; Date, From, To, Subject, Message-ID,
    /// MIME-Version and a `multipart/alternative` body with a text/plain and a text/html part,
    /// both UTF-8 and quoted-printable. Non-ASCII names and subjects are RFC 2047
    /// encoded-words, and header lines are folded to 78 characters where possible.
    ///
    /// Each call picks a new random boundary, so two renderings differ only in it.
    public func rendered() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return rendered(boundary: Self.newBoundary(&generator))
    }

    /// A boundary that cannot occur in a quoted-printable body: there every "=" is followed
    /// by a hex digit or a line end, never by "_" (RFC 2045 §6.7 recommends this trick).
    static func newBoundary(_ generator: inout some RandomNumberGenerator) -> String {
        "=_svforms_\(randomHex(&generator))"
    }

    /// The message with a given boundary, which must start with "=_" (see `newBoundary`).
    func rendered(boundary: String) -> [UInt8] {
        precondition(boundary.hasPrefix("=_"), "the boundary must not be able to occur in a quoted-printable part")
        var head = ""
        head += HeaderWriter.field("Date", [MailDate.format(date)])
        head += HeaderWriter.field("From", HeaderWriter.addressList([from]))
        head += HeaderWriter.field("To", HeaderWriter.addressList(to))
        head += HeaderWriter.field("Subject", HeaderWriter.unstructured(subject))
        head += HeaderWriter.field("Message-ID", [messageID])
        for header in extraHeaders {
            head += HeaderWriter.field(header.name, HeaderWriter.unstructured(header.value))
        }
        head += HeaderWriter.field("MIME-Version", ["1.0"])
        head += HeaderWriter.field("Content-Type", ["multipart/alternative;", "boundary=\"\(boundary)\""])

        var body = "\r\n"
        for (type, content) in [("text/plain", text), ("text/html", html)] {
            body += "--\(boundary)\r\n"
            body += HeaderWriter.field("Content-Type", ["\(type);", "charset=utf-8"])
            body += HeaderWriter.field("Content-Transfer-Encoding", ["quoted-printable"])
            body += "\r\n"
            body += QuotedPrintable.encode(content) + "\r\n"
        }
        body += "--\(boundary)--\r\n"
        return Array((head + body).utf8)
    }
}
