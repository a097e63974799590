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
            let kind = question.kind.type
            switch kind.check(input, question, context) {
            case .answered(let values):
                result.answers[question.id] = values
            case .blank where question.isOptional:
                break
            case .blank:
                let message = question.errorMessage ?? kind.requiredMessage + (grouped ? " for “\(question.label)”" : "")
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
}
