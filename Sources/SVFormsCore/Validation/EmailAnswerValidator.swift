/// Email addresses: one @, a dotted domain, no spaces, at most 254 characters.
struct EmailAnswerValidator: AnswerValidator {
    var requiredMessage: String { "Enter an email address" }

    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        guard input.values(question.id).count <= 1 else { return .invalid("Enter one email address only") }
        guard let raw = input.value(question.id) else { return .blank }
        let address = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if address.unicodeScalars.count > 254 { return .invalid("Email address must be 254 characters or fewer") }
        guard EmailAddress.isPlausible(address) else {
            return .invalid("Enter an email address in the correct format, like name@example.com")
        }
        return .answered([address])
    }
}
