/// The CSV neutralisation rule, public so other code and tests share one definition.
///
/// Spreadsheet programs run a CSV field starting with `=`, `+`, `-` or `@` as a formula
/// (`=HYPERLINK(...)` can leak data or lure a lead to a hostile site), and some strip a
/// leading tab or carriage return before deciding, so those count too. A leading apostrophe
/// makes Excel and LibreOffice show the text as typed. This follows the OWASP advice on
/// CSV injection. Only text is neutralised: computed numbers such as `-2.5` stay numbers.
public enum FormulaNeutraliser {
    /// A cell starting with = + - @ tab or carriage return gets a leading apostrophe (').
    public static func neutralise(_ text: String) -> String {
        // Unicode scalars, not Characters: "\r\n" is one Character, and it must still count as "\r".
        switch text.unicodeScalars.first {
        case "=", "+", "-", "@", "\t", "\r": "'" + text
        default: text
        }
    }
}
