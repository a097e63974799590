/// One extra header a caller adds to a message (`Auto-Submitted`, `List-Unsubscribe`, …),
/// already checked: a valid field name that does not replace a header the message sets
/// itself, and a value without line breaks. The value is unstructured text, encoded when
/// rendered if it is not plain ASCII.
public struct MailHeaderField: Sendable, Hashable {
    public let name: String
    public let value: String

    /// Headers `MailMessage` writes itself; an extra header of the same name would give a
    /// message two of them, or recipients that the envelope does not match (Cc, Bcc).
    static let reservedNames: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding",
    ]

    /// Checks the name (valid, not reserved) and the value (no line breaks or controls).
    init(name: String, value: String) throws(MailError) {
        guard HeaderText.isValidFieldName(name), !Self.reservedNames.contains(name.lowercased()) else {
            throw .invalidHeader(field: name)
        }
        guard !HeaderText.containsLineBreakOrControl(value) else {
            throw .headerInjection(field: name)
        }
        self.name = name
        self.value = value
    }
}
