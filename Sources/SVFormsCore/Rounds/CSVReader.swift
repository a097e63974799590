/// Reads CSV as people paste it from a spreadsheet (RFC 4180: quoted fields, doubled quotes,
/// commas and line breaks inside quotes; CRLF or LF line ends), keeping each record's line number.
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

    static func records(_ text: String) throws(Problem) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var characters = text.replacingOccurrences(of: "\r\n", with: "\n").makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" { field.append("\""); pending = characters.next() } else { inQuotes = false }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": fields.append(field); field = ""
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
        return records.filter { !($0.fields.count == 1 && $0.fields[0].trimmingCharacters(in: .whitespaces).isEmpty) }
    }
}
