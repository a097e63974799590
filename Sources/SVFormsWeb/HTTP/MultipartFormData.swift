import Foundation

/// Reads a `multipart/form-data` body (RFC 7578 on the grammar of RFC 2046 §5.1.1) that is already in
/// memory, returning an error for anything outside that grammar.
///
/// svforms parses multipart itself because the library it used (MultipartKit 4.7.1) stopped the whole
/// process on a byte above 127 in a part's header name, and a guard in front of it could never be sure
/// to agree with it about where a header line ends. Every read here is bounds-checked: no body can trap.
/// Header lines end only at CRLF, as the grammar says; a bare CR or LF in a header block is refused.
enum MultipartFormData {
    /// One part: its field name, whether it carries a file, and its content as sent.
    struct Part: Equatable {
        var name: String
        var isFile: Bool
        var content: ArraySlice<UInt8>
    }

    /// The body does not follow the grammar, or is larger in some way than any browser sends.
    struct Malformed: Error, Equatable {
        let reason: String
    }

    /// Longest header block of one part; a browser sends two short lines.
    static let maximumHeaderBytes = 4_096

    /// The boundary from a `Content-Type` value, if it is one RFC 2046 allows: 1 to 70 characters from
    /// its set, not ending in a space, optionally in double quotes.
    static func boundary(inContentType contentType: String) -> String? {
        let parameters = HeaderParameters.parse(Array(contentType.utf8))
        guard let parameters, parameters.value.lowercased() == "multipart/form-data",
            let boundary = parameters["boundary"], (1...70).contains(boundary.utf8.count), boundary.last != " ",
            boundary.utf8.allSatisfy(isBoundaryCharacter)
        else { return nil }
        return boundary
    }

    /// The parts of `body`, in order.
    static func parts(of body: [UInt8], boundary: String, maximumParts: Int) throws(Malformed) -> [Part] {
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first boundary starts the body, or follows a preamble and a CRLF.
        var index: Int
        if body.hasPrefix(dashBoundary, at: 0) {
            index = dashBoundary.count
        } else if let found = body.firstIndex(of: delimiter, from: 0) {
            index = found + delimiter.count
        } else {
            throw Malformed(reason: "no boundary")
        }
        var parts: [Part] = []
        while true {
            if body.hasPrefix([.hyphen, .hyphen], at: index) { return parts }  // the close delimiter; the epilogue is ignored
            while index < body.count, body[index] == .space || body[index] == .tab { index += 1 }  // transport padding
            guard body.hasPrefix([.cr, .lf], at: index) else { throw Malformed(reason: "no line break after a boundary") }
            index += 2
            guard parts.count < maximumParts else { throw Malformed(reason: "too many parts") }
            let (headers, contentStart) = try headerBlock(of: body, from: index)
            guard let contentEnd = body.firstIndex(of: delimiter, from: contentStart) else {
                throw Malformed(reason: "a part is not closed by a boundary")
            }
            parts.append(try part(headers, content: body[contentStart..<contentEnd]))
            index = contentEnd + delimiter.count
        }
    }

    /// The header lines of one part, each split at its colon, and where the part's content starts.
    private static func headerBlock(of body: [UInt8], from start: Int) throws(Malformed) -> ([(String, [UInt8])], Int) {
        var headers: [(String, [UInt8])] = []
        var lineStart = start
        while true {
            guard lineStart - start <= maximumHeaderBytes else { throw Malformed(reason: "a header block is too long") }
            guard let lineEnd = body.firstIndex(of: [.cr, .lf], from: lineStart) else { throw Malformed(reason: "an unfinished header line") }
            let line = body[lineStart..<lineEnd]
            if line.isEmpty { return (headers, lineEnd + 2) }
            guard !line.contains(.cr), !line.contains(.lf) else { throw Malformed(reason: "a bare CR or LF in a header line") }
            guard let colon = line.firstIndex(of: .colon), colon > line.startIndex,
                line[line.startIndex..<colon].allSatisfy(isTokenCharacter)
            else { throw Malformed(reason: "a header line without a valid name") }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            headers.append((name, Array(line[(colon + 1)...])))
            lineStart = lineEnd + 2
        }
    }

    /// A part from its headers: it must be `form-data` with a non-empty name (RFC 7578 §4.2).
    private static func part(_ headers: [(String, [UInt8])], content: ArraySlice<UInt8>) throws(Malformed) -> Part {
        let dispositions = headers.filter { $0.0 == "content-disposition" }
        guard dispositions.count == 1, let parameters = HeaderParameters.parse(dispositions[0].1),
            parameters.value.lowercased() == "form-data", let name = parameters["name"], !name.isEmpty
        else { throw Malformed(reason: "a part without one form-data Content-Disposition and a name") }
        return Part(name: name, isFile: parameters["filename"] != nil || parameters["filename*"] != nil, content: content)
    }

    /// RFC 2046's `bchars`: what a boundary may be made of.
    private static func isBoundaryCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: Array("'()+_,-./:=? ".utf8).contains(byte)
        }
    }

    /// RFC 9110's `tchar`: what a header name or a parameter name may be made of.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

/// A header value of the form `value; name=token; name="quoted string"` (Content-Type, Content-Disposition).
///
/// Read leniently, as browsers' own parsers do: a parameter with no `=` is skipped, text after a closing
/// quote up to the next `;` is kept as part of the value (a file name with a bare quote in it), an unclosed
/// quote runs to the end, and the first of two parameters of one name wins. Only text that is not UTF-8
/// is refused, since the names become field names.
struct HeaderParameters {
    /// The part before the first `;`, trimmed.
    var value: String
    /// Parameters by lower-cased name; values with their quotes and escapes removed.
    var parameters: [String: String]

    subscript(name: String) -> String? { parameters[name] }

    /// Nil when the text is not valid UTF-8.
    static func parse(_ bytes: some Collection<UInt8>) -> HeaderParameters? {
        let bytes = Array(bytes)
        var index = 0
        func skipSpaces() { while index < bytes.count, bytes[index] == .space || bytes[index] == .tab { index += 1 } }
        while index < bytes.count, bytes[index] != .semicolon { index += 1 }
        guard let value = String(validating: bytes[0..<index], as: UTF8.self) else { return nil }
        var parameters: [String: String] = [:]
        while index < bytes.count {
            index += 1  // the semicolon
            skipSpaces()
            let nameStart = index
            while index < bytes.count, MultipartFormData.isTokenCharacter(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            guard index < bytes.count, bytes[index] == .equals, !name.isEmpty else {
                while index < bytes.count, bytes[index] != .semicolon { index += 1 }  // not a parameter: skipped
                continue
            }
            index += 1
            var text: [UInt8] = []
            let isQuoted = index < bytes.count && bytes[index] == .quote
            if isQuoted {
                index += 1
                while index < bytes.count, bytes[index] != .quote {
                    if bytes[index] == .backslash, index + 1 < bytes.count { index += 1 }
                    text.append(bytes[index])
                    index += 1
                }
                index += 1  // the closing quote, if there was one
                skipSpaces()
            }
            while index < bytes.count, bytes[index] != .semicolon {
                text.append(bytes[index])
                index += 1
            }
            guard let decoded = String(validating: text, as: UTF8.self) else { return nil }
            if parameters[name] == nil { parameters[name] = isQuoted ? decoded : decoded.trimmingCharacters(in: .whitespaces) }
        }
        return HeaderParameters(value: value.trimmingCharacters(in: .whitespaces), parameters: parameters)
    }
}

extension Array where Element == UInt8 {
    /// Whether `prefix` appears at `index` (false when it would run past the end).
    func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index <= count - prefix.count else { return false }
        return self[index..<(index + prefix.count)].elementsEqual(prefix)
    }

    /// The first index at or after `start` where `needle` appears.
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        var index = start
        while index <= count - needle.count {
            guard let candidate = self[index...].firstIndex(of: first), candidate <= count - needle.count else { return nil }
            if hasPrefix(needle, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hyphen = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
}
