import Yams

/// The rule short and long text questions share: trimmed, control characters removed, length limits in
/// characters.
struct TextAnswerRule {
    let limits: TextLimits
    let multiline: Bool

    func check(_ input: FormInput, _ question: Question) -> AnswerCheck {
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

extension TextLimits {
    /// `min_length` and `max_length`, each within sense and in the right order.
    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext, default limits: TextLimits) -> TextLimits {
        let (reader, what) = (context.reader, context.what)
        let minLength = reader.int(m, "min_length", what, minimum: 0) ?? limits.minLength
        let maxLength = reader.int(m, "max_length", what, minimum: 1) ?? limits.maxLength
        if minLength > maxLength {
            reader.report("\"min_length\" of \(what) is more than its \"max_length\"", at: m["min_length"])
        }
        return TextLimits(minLength: minLength, maxLength: maxLength)
    }

    static let keys = ["min_length", "max_length"]
}

/// Short and long text: the same rule, one line or several.
public protocol TextQuestion: QuestionType {
    var limits: TextLimits { get }
    static var isMultiline: Bool { get }
}

extension TextQuestion {
    public var requiredMessage: String { "Enter an answer" }

    public func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        TextAnswerRule(limits: limits, multiline: Self.isMultiline).check(input, question)
    }
}
