import Foundation

/// A quarterly figure entered by a lead, held exactly as whole tenths: figures are counts or rates
/// given to at most one decimal place, like every figure svforms computes.
public struct FigureValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let tenths: Int

    public init(tenths: Int) {
        self.tenths = tenths
    }

    /// "1234", "1,234", "12.5" or "-3": digits with an optional sign, thousands commas and one
    /// decimal place. Returns a sentence saying what is wrong otherwise.
    public static func parse(_ text: String) -> Result<FigureValue, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(Problem("enter the figure")) }
        let negative = trimmed.hasPrefix("-")
        let unsigned = negative ? String(trimmed.dropFirst()) : trimmed
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].replacingOccurrences(of: ",", with: "")
        let commasOK = !parts[0].contains(",") || Self.hasThousandsCommas(String(parts[0]))
        guard parts.count <= 2, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigitCharacter), commasOK,
            parts.count == 1 || parts[1].allSatisfy(\.isASCIIDigitCharacter)
        else { return .failure(Problem("\"\(trimmed)\" is not a number; enter digits, like 42 or 12.5")) }
        let decimals = parts.count == 2 ? String(parts[1]) : ""
        guard decimals.count <= 1 else {
            return .failure(Problem("\"\(trimmed)\" has more than one decimal place; round it to one, like 12.5"))
        }
        guard whole.count <= 12, let wholeValue = Int(whole) else { return .failure(Problem("\"\(trimmed)\" is too large")) }
        let tenths = wholeValue * 10 + (Int(decimals) ?? 0)
        return .success(FigureValue(tenths: negative ? -tenths : tenths))
    }

    /// "1,234" groups of three after the first group of one to three digits.
    private static func hasThousandsCommas(_ text: String) -> Bool {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// "1234" or "12.5": the figure without grouping, as stored and downloaded.
    public var description: String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// The value as a number for charts and spreadsheets.
    public var doubleValue: Double { Double(tenths) / 10 }

    public static func < (lhs: FigureValue, rhs: FigureValue) -> Bool { lhs.tenths < rhs.tenths }

    /// Why a figure could not be read, as a sentence fragment.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }
}

extension Character {
    /// One ASCII digit alone: "1" followed by a combining accent is a different character, and not a digit.
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && ("0"..."9").contains(self) }
}
