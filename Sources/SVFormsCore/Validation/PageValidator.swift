/// Checks the answers to one page, returning what to save and every problem to show.
public struct PageValidator: Sendable {
    public let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public struct Result: Sendable, Equatable {
        /// Normalised answers for the questions checked; blank optional questions are absent.
        public var answers: Answers
        public var problems: [FieldProblem]
    }

    /// Validates `questions` (the visible questions of one page) against `input`.
    public func validate(_ questions: [Question], input: FormInput) -> Result {
        var result = Result(answers: [:], problems: [])
        let grouped = questions.count > 1
        for question in questions {
            let validator = Self.validator(for: question.kind)
            switch validator.check(input, question, context) {
            case .answered(let values):
                result.answers[question.id] = values
            case .blank where question.isOptional:
                break
            case .blank:
                let message = question.errorMessage ?? validator.requiredMessage + (grouped ? " for “\(question.label)”" : "")
                result.problems.append(FieldProblem(questionID: question.id, message: message))
            case .invalid(let message, let field):
                let text = grouped ? "\(message) (“\(question.label)”)" : message
                result.problems.append(FieldProblem(questionID: question.id, field: field, message: text))
            }
        }
        return result
    }

    /// Checks answers already saved, as if the person had just typed them in again.
    public func revalidate(_ questions: [Question], answers: Answers) -> Result {
        validate(questions, input: FormInput.prefilled(from: answers, for: questions))
    }

    static func validator(for kind: QuestionKind) -> any AnswerValidator {
        switch kind {
        case .shortText(let limits): TextAnswerValidator(limits: limits, multiline: false)
        case .longText(let limits): TextAnswerValidator(limits: limits, multiline: true)
        case .singleChoice(let choices), .organisation(let choices), .area(let choices):
            ChoiceAnswerValidator(allowed: choices.map(\.value), multiple: false)
        case .rating(let scale): ChoiceAnswerValidator(allowed: scale.options.map(\.value), multiple: false)
        case .multipleChoice(let choices, let limits):
            ChoiceAnswerValidator(allowed: choices.map(\.value), multiple: true, limits: limits)
        case .consent: ChoiceAnswerValidator(allowed: [ConsentValue.given], multiple: false, isConsent: true)
        case .number(let limits): NumberAnswerValidator(limits: limits)
        case .date(let limits): DateAnswerValidator(limits: limits)
        case .email: EmailAnswerValidator()
        }
    }
}

/// The value a ticked consent box sends and stores.
public enum ConsentValue {
    public static let given = "yes"
}
