/// Checks on text that ends up inside a mail header.
///
/// A header ends at CRLF, so a CR or LF in a value would let whoever controls the value
/// add headers of their own (`Bcc:`). Other control characters have no business in a
/// header either, and U+2028/U+2029 are refused because some software treats them as line
/// breaks. Everything else is allowed: non-ASCII text is encoded (RFC 2047) when rendered.
enum HeaderText {
    /// True when `text` contains a character that could break a header line.
    static func containsLineBreakOrControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control
                || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }

    /// True when `text` is printable ASCII (space to tilde) only.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// True for an RFC 5322 field name: 1–76 printable ASCII characters, no space or colon.
    static func isValidFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 76
            && name.utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ":") }
    }

    /// True for RFC 5322 `atext` characters plus ".", the alphabet of a Message-ID's halves.
    static func isDotAtomText(_ text: Substring) -> Bool {
        let specials = Set("!#$%&'*+-/=?^_`{|}~.".utf8)
        return !text.isEmpty && !text.hasPrefix(".") && !text.hasSuffix(".") && !text.contains("..")
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                    || (0x61...0x7A).contains(byte) || specials.contains(byte)
            }
    }
}
