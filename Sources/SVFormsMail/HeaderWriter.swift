import Foundation

/// Writes header fields: RFC 2047 encoded-words for non-ASCII text, quoted display names,
/// and folding so no line exceeds 78 characters where the content allows.
///
/// A field value is built as a list of tokens that may be separated by one space; folding
/// puts CRLF before that space, which unfolding removes again, so the value is unchanged.
enum HeaderWriter {
    /// RFC 5322's recommended line length (the hard limit is 998).
    static let lineLimit = 78
    /// Longest plain word kept as is; a longer one is carried in encoded-words instead, which
    /// can be split anywhere, so no line has to exceed the limit.
    static let longestPlainWord = 70
    /// UTF-8 bytes per encoded-word: 42 bytes are 56 base64 characters, 68 with the
    /// `=?UTF-8?B?…?=` wrapping, which fits after `Subject: ` within 78.
    static let bytesPerEncodedWord = 42

    /// `Name: token token…` with CRLF, folded before a token that would pass the limit.
    static func field(_ name: String, _ tokens: [String]) -> String {
        var output = "\(name):"
        var lineLength = output.utf8.count
        for (index, token) in tokens.enumerated() {
            let length = token.utf8.count
            if index > 0, lineLength + 1 + length > lineLimit {
                output += "\r\n "
                lineLength = 1
            } else {
                output += " "
                lineLength += 1
            }
            output += token
            lineLength += length
        }
        return output + "\r\n"
    }

    /// Tokens for unstructured text (Subject, extra headers): the words themselves when the
    /// text is plain printable ASCII that folds cleanly, otherwise encoded-words.
    static func unstructured(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        let plain =
            HeaderText.isPrintableASCII(text) && !text.contains("=?")
            && words.allSatisfy { !$0.isEmpty && $0.utf8.count <= longestPlainWord }
        return plain ? words.map(String.init) : encodedWords(text)
    }

    /// Tokens for a display name: one quoted-string for short printable ASCII, otherwise
    /// encoded-words (RFC 2047 allows them in a phrase).
    static func phrase(_ name: String) -> [String] {
        if HeaderText.isPrintableASCII(name), !name.contains("=?"), name.utf8.count <= longestPlainWord {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"\(escaped)\""]
        }
        return encodedWords(name)
    }

    /// Tokens for a comma-separated list of mailboxes: `name-tokens <address>,` each.
    static func addressList(_ addresses: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in addresses.enumerated() {
            var mailboxTokens = mailbox.name.map(phrase) ?? []
            mailboxTokens.append(mailbox.name == nil ? mailbox.address : "<\(mailbox.address)>")
            if index < addresses.count - 1 { mailboxTokens[mailboxTokens.count - 1] += "," }
            tokens += mailboxTokens
        }
        return tokens
    }

    /// `text` as UTF-8 "B" encoded-words of at most `bytesPerEncodedWord` bytes each, split
    /// only between Unicode scalars so every word decodes on its own (RFC 2047 §5).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord {
                words.append(encodedWord(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }
}
