/// Makes text safe to hand to `worksheet_write_string` so that Excel shows exactly the text.
///
/// libxlsxwriter 1.1.4 escapes XML markup and control characters, but leaves three gaps
/// that survey answers can fall into:
/// - a NUL ends the C string, silently cutting the answer short;
/// - U+FFFE and U+FFFF are not allowed in XML at all, and are written raw (Excel then
///   reports the file as damaged);
/// - `_xHHHH_` is Excel's own escape for a character, so an answer that contains, say,
///   `_x0041_` would be shown as "A". Excel's rule (ECMA-376 ST_Xstring) is to escape the
///   underscore as `_x005F_`, which libxlsxwriter does not do.
/// It also enforces Excel's limit on a cell, which libxlsxwriter counts in code points while
/// Excel counts UTF-16 units (an emoji is two), so a string the library accepts could still
/// be refused by Excel.
enum XLSXText {
    /// The most characters (UTF-16 units) Excel keeps in one cell.
    static let maximumLength = 32_767

    /// The text, cleaned and escaped as described above and cut to fit, ending with "…" if cut.
    static func prepared(_ text: String) -> String {
        var result = text
        // Most answers hold none of these: only those that do pay for a copy.
        if text.unicodeScalars.contains(where: { $0 == "_" || isRemoved($0) }) {
            result = escapingUnderscores(Array(text.unicodeScalars.filter { !isRemoved($0) }))
        }
        // Escaping only lengthens the text, so cutting the escaped form keeps what Excel
        // decodes within the limit too.
        return result.utf16.count > maximumLength ? truncated(result) : result
    }

    /// Whether a scalar is dropped: NUL, U+FFFE and U+FFFF.
    private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\0" || scalar == "\u{FFFE}" || scalar == "\u{FFFF}"
    }

    /// Writes `_x005F_` for each underscore that starts something Excel would read as `_xHHHH_`.
    private static func escapingUnderscores(_ scalars: [Unicode.Scalar]) -> String {
        var escaped = String.UnicodeScalarView()
        for index in scalars.indices {
            if scalars[index] == "_", startsExcelEscape(scalars, at: index) {
                escaped.append(contentsOf: "_x005F".unicodeScalars)
            }
            escaped.append(scalars[index])
        }
        return String(escaped)
    }

    /// Whether `_xHHHH_` (four hexadecimal digits, either case) begins at `index`.
    private static func startsExcelEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
            scalars[index + 6] == "_"
        else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// The longest run of whole characters that fits with a trailing "…".
    private static func truncated(_ text: String) -> String {
        let budget = maximumLength - 1  // "…" is one UTF-16 unit
        var used = 0
        var end = text.startIndex
        for character in text {
            let size = character.utf16.count
            guard used + size <= budget else { break }
            used += size
            end = text.index(after: end)
        }
        return text[..<end] + "…"
    }
}
