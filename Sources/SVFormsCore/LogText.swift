/// Text from outside (a mail server's reply, an error description) made fit for the log, which
/// must hold nothing personal: anything shaped like an email address becomes `[address]`.
public enum LogText {
    public static func withoutEmailAddresses(_ text: String) -> String {
        text.replacing(/[^\s<>()\[\]@"',;:]+@[^\s<>()\[\]@"',;:]+/, with: "[address]")
    }
}
