/// The one rule for what counts as an email address: one @, a dotted domain, no spaces or
/// characters that could break a mail header, at most 254 characters.
public enum EmailAddress {
    public static func isPlausible(_ address: String) -> Bool {
        // Counted in code points, as the database counts them: a letter and its accent are two.
        guard address.unicodeScalars.count <= 254,
            // No control characters: a NUL would also end the text for SQLite's length().
            !address.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].unicodeScalars.count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            return false
        }
        let forbidden: Set<Character> = [" ", "\t", "\n", "\r", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\""]
        return !address.contains(where: { forbidden.contains($0) || $0.isWhitespace })
            && domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    }
}
