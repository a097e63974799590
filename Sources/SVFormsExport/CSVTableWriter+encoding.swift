/// Turning cells into RFC 4180 bytes.
extension CSVTableWriter {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// Appends one line: the fields separated by commas, ended by CRLF.
    static func appendLine(_ cells: [ExportCell], to bytes: inout [UInt8]) {
        if cells.count == 1 && (cells[0] == .empty || cells[0] == .text("")) {
            // A line holding one empty field would be a blank line, which many readers
            // (Python's csv among them) skip or read as no fields at all.
            bytes.append(quote)
            bytes.append(quote)
        } else {
            for (index, cell) in cells.enumerated() {
                if index > 0 { bytes.append(comma) }
                appendField(cell, to: &bytes)
            }
        }
        // Byte by byte, here and below: an export writes a million fields, and array literals allocate.
        bytes.append(carriageReturn)
        bytes.append(lineFeed)
    }

    /// Appends one field. Numbers are written bare and never neutralised: `-2.5` is a change,
    /// not a formula, and the board needs to sort and sum it.
    static func appendField(_ cell: ExportCell, to bytes: inout [UInt8]) {
        switch cell {
        case .text(let text):
            appendText(text, to: &bytes)
        case .decimal(let value):
            if let text = OneDecimalPlace.text(value) { bytes.append(contentsOf: text.utf8) }
        case .integer(let value):
            bytes.append(contentsOf: String(value).utf8)
        case .empty:
            break
        }
    }

    /// Appends text: NULs removed, then neutralised, then quoted if it needs to be.
    ///
    /// The order matters: removing NULs first means "\0=cmd" is neutralised as "=cmd" would be,
    /// and neutralising before quoting puts the apostrophe inside the quotes, where it is part of
    /// the value.
    static func appendText(_ text: String, to bytes: inout [UInt8]) {
        var cleaned = text
        if cleaned.utf8.contains(0) {
            // NUL ends a C string in whatever reads the file next, cutting the value short.
            cleaned.unicodeScalars.removeAll { $0 == "\0" }
        }
        let field = FormulaNeutraliser.neutralise(cleaned).utf8
        let needsQuotes = field.contains { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }
        guard needsQuotes else {
            bytes.append(contentsOf: field)
            return
        }
        bytes.append(quote)
        for byte in field {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }
}
