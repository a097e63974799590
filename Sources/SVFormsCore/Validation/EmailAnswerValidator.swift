/// Email addresses: one @, a dotted domain, no spaces, at most 254 characters.
struct EmailAnswerValidator: AnswerValidator {
    var requiredMessage: String { "Enter an email address" }

    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        guard input.values(question.id).count <= 1 else { return .invalid("Enter one email address only") }
        guard let raw = input.value(question.id) else { return .blank }
        let address = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if address.count > 254 { return .invalid("Email address must be 254 characters or fewer") }
        guard Self.isPlausible(address) else {
            return .invalid("Enter an email address in the correct format, like name@example.com")
        }
        return .answered([address])
    }

    static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
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
