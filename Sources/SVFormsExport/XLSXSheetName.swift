/// Turns any title into a worksheet name Excel accepts.
///
/// Sheet names come from questionnaire titles, which are configuration, not code: rather
/// than fail an export over a colon, the name is repaired. Excel's rules: 1 to 31 characters
/// (UTF-16 units), none of `[ ] : * ? / \`, not starting or ending with an apostrophe, and
/// not "History" (reserved by Excel for change tracking; libxlsxwriter 1.1.4 does not check it).
enum XLSXSheetName {
    /// The longest sheet name Excel accepts, in UTF-16 units.
    static let maximumLength = 31
    /// Used when nothing usable is left of the title.
    static let fallback = "Sheet1"
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// A valid sheet name as close to `title` as the rules allow.
    static func sanitised(_ title: String) -> String {
        var name = ""
        for character in title {
            if forbidden.contains(character) {
                name.append("_")
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
                name.append(character)
            }
        }
        name = trimmed(name)
        if name.utf16.count > maximumLength {
            name = trimmed(fitted(name))
        }
        if name.isEmpty { return fallback }
        if name.lowercased() == "history" { return name + "_" }
        return name
    }

    /// Without spaces or apostrophes at either end (Excel refuses the apostrophes; the spaces
    /// are never meant).
    private static func trimmed(_ name: String) -> String {
        let isTrimmed: (Character) -> Bool = { $0 == "'" || $0.isWhitespace }
        guard let first = name.firstIndex(where: { !isTrimmed($0) }),
            let last = name.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(name[first...last])
    }

    /// The longest run of whole characters within the length limit.
    private static func fitted(_ name: String) -> String {
        var used = 0
        var result = ""
        for character in name {
            used += character.utf16.count
            guard used <= maximumLength else { break }
            result.append(character)
        }
        return result
    }
}
