/// Short and long text: trimmed, control characters removed, length limits in characters.
struct TextAnswerValidator: AnswerValidator {
    let limits: TextLimits
    let multiline: Bool

    var requiredMessage: String { "Enter an answer" }

    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        let values = input.values(question.id)
        guard values.count <= 1 else { return .invalid("Enter one answer only") }
        let text = Self.clean(values.first ?? "", multiline: multiline)
        if text.isEmpty { return .blank }
        if text.count > limits.maxLength {
            return .invalid("Answer must be \(limits.maxLength) characters or fewer (it has \(text.count))")
        }
        if text.count < limits.minLength {
            return .invalid("Answer must be at least \(limits.minLength) characters")
        }
        return .answered([text])
    }

    /// Normalises line endings, drops invisible control characters and surrounding space.
    static func clean(_ raw: String, multiline: Bool) -> String {
        let unified = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let kept = unified.unicodeScalars.compactMap { scalar -> Character? in
            switch scalar.value {
            case 0x0A, 0x09: multiline ? Character(scalar) : " "
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: nil
            default: Character(scalar)
            }
        }
        return String(kept).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
