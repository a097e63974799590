/// An email address: one @, a dotted domain, no spaces, at most 254 characters.
public struct EmailQuestion: ReadableQuestionType {
    static let typeName = "email"

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> EmailQuestion? { EmailQuestion() }

    public var requiredMessage: String { "Enter an email address" }

    public func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
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

extension QuestionKind {
    public static var email: QuestionKind { QuestionKind(EmailQuestion()) }
}
