/// Reads CSV as people paste it from a spreadsheet or save it from Excel (RFC 4180: quoted fields,
/// doubled quotes, delimiters and line breaks inside quotes; CRLF or LF line ends), keeping each
/// record's line number. Forgiving where spreadsheets differ: a byte-order mark is ignored, the
/// delimiter may be a comma, a semicolon (European Excel) or a tab (pasted cells), spaces may come
/// before an opening quote, and blank rows and trailing empty cells are dropped.
enum CSVReader {
    struct Record: Equatable {
        /// The line the record starts on, counting from 1.
        var line: Int
        var fields: [String]
    }

    enum Problem: Error, Equatable {
        /// A quote opened on this line is never closed.
        case unclosedQuote(line: Int)
    }

    /// The records, or the problem that stops them being read, as a list a person is shown.
    static func lines(_ text: String) -> Result<[Record], RepresentativeList.Problems> {
        do {
            return .success(try records(text))
        } catch {
            guard case .unclosedQuote(let line) = error else { return .failure(RepresentativeList.Problems(list: [])) }
            return .failure(
                RepresentativeList.Problems(list: [
                    RepresentativeList.Problem(line: line, message: "a quote (\") is opened and never closed")
                ]))
        }
    }

    static func records(_ text: String) throws(Problem) -> [Record] {
        var body = text.replacingOccurrences(of: "\r\n", with: "\n")
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let delimiter = delimiter(of: body)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var characters = body.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.allSatisfy { $0 == " " || $0 == "\t" && delimiter != "\t" }:
                field = ""
                inQuotes = true
            case delimiter:
                fields.append(field)
                field = ""
            case "\n", "\r":
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                (fields, field) = ([], "")
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        if inQuotes { throw .unclosedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records.compactMap(withoutTrailingBlanks)
    }

    /// The delimiter of the first line that has one: whichever of comma, semicolon and tab occurs
    /// most there outside quotes (a comma when none does).
    static func delimiter(of text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for character in text {
            if character == "\"" {
                inQuotes.toggle()
                continue
            }
            guard !inQuotes else { continue }
            if character == "\n" || character == "\r" {
                if counts.values.contains(where: { $0 > 0 }) { break }
                continue
            }
            if counts[character] != nil { counts[character, default: 0] += 1 }
        }
        // On a tie (or none at all), the comma wins, then the semicolon.
        return [";", "\t"].reduce(",") { best, candidate in counts[candidate]! > counts[best]! ? candidate : best }
    }

    /// The record without the empty cells a spreadsheet leaves at the end of a row; nil for a blank row.
    private static func withoutTrailingBlanks(_ record: Record) -> Record? {
        var fields = record.fields
        while let last = fields.last, last.allSatisfy(\.isWhitespace) { fields.removeLast() }
        return fields.isEmpty ? nil : Record(line: record.line, fields: fields)
    }
}
