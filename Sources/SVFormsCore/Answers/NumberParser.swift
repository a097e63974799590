import Foundation

/// Reads numbers as people type them: "1,250", " 12 ", "-3.5".
enum NumberParser {
    static func parse(_ text: String) -> Decimal? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, cleaned.count <= 30 else { return nil }
        var digitsSeen = false
        for (index, character) in cleaned.enumerated() {
            switch character {
            case "0"..."9": digitsSeen = true
            case "-" where index == 0: continue
            case ".": continue
            default: return nil
            }
        }
        guard digitsSeen, cleaned.filter({ $0 == "." }).count <= 1 else { return nil }
        return Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX"))
    }
}
