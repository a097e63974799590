/// Quoted-printable body encoding (RFC 2045 §6.7) with CRLF line ends.
///
/// Lines of any length and any bytes become lines of at most 76 printable ASCII
/// characters. A "." or "From " at the start of an encoded line is encoded too, so no line
/// relies on SMTP dot-stuffing or can be mangled by mbox software; decoding gives the
/// text back unchanged, apart from line ends, which become CRLF.
enum QuotedPrintable {
    /// Longest encoded line, not counting CRLF.
    static let maxLineLength = 76

    /// The encoded form of `text`; lone LF and lone CR count as line ends, as CRLF does.
    static func encode(_ text: String) -> String {
        hardLines(Array(text.utf8)).map(encodeLine).joined(separator: "\r\n")
    }

    /// Splits bytes at CRLF, LF or CR; a trailing line end gives a trailing empty line.
    static func hardLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                lines.append(bytes[start..<index])
                index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    /// One hard line as encoded lines joined by soft breaks (`=` CRLF).
    static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        var output = ""
        var current = ""
        for index in line.indices {
            let byte = line[index]
            let isLast = index == line.index(before: line.endIndex)
            var token = literalAllowed(byte, isLast: isLast) ? String(UnicodeScalar(byte)) : escaped(byte)
            // Keep room for the "=" of a soft break.
            if current.utf8.count + token.utf8.count > maxLineLength - 1 {
                output += current + "=\r\n"
                current = ""
            }
            if current.isEmpty, startsRiskyLine(line[index...]) {
                token = escaped(byte)
            }
            current += token
        }
        return output + current
    }

    /// Printable ASCII other than "=", and space or tab unless it would end the line.
    private static func literalAllowed(_ byte: UInt8, isLast: Bool) -> Bool {
        if byte == 0x20 || byte == 0x09 { return !isLast }
        return (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
    }

    /// True when these bytes, at the start of an encoded line, begin with "." or "From ".
    private static func startsRiskyLine(_ rest: ArraySlice<UInt8>) -> Bool {
        rest.first == UInt8(ascii: ".") || rest.starts(with: "From ".utf8)
    }

    private static func escaped(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }
}
