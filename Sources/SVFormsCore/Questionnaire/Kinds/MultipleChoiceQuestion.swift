import Yams

/// Any number of the question's own options (checkboxes), within optional limits.
public struct MultipleChoiceQuestion: ReadableQuestionType, OptionsQuestion {
    public var options: ChoiceOptions
    public var limits: SelectionLimits

    static let typeName = "multiple_choice"
    static let keys = ["options", "min_selected", "max_selected"]
    static let requiredKeys = ["options"]

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> MultipleChoiceQuestion? {
        let (reader, what) = (context.reader, context.what)
        let limits = SelectionLimits(
            minSelected: reader.int(m, "min_selected", what, minimum: 1),
            maxSelected: reader.int(m, "max_selected", what, minimum: 1))
        if let low = limits.minSelected, let high = limits.maxSelected, low > high {
            reader.report("\"min_selected\" of \(what) is more than its \"max_selected\"", at: m["min_selected"])
        }
        return MultipleChoiceQuestion(options: .read(m, context), limits: limits)
    }

    public var requiredMessage: String { "Select at least one option" }

    public func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        ChoiceAnswerRule(allowed: options.choices.map(\.value), multiple: true, limits: limits).check(input, question)
    }
}

extension QuestionKind {
    public static func multipleChoice(_ choices: [Choice], _ limits: SelectionLimits) -> QuestionKind {
        QuestionKind(MultipleChoiceQuestion(options: ChoiceOptions(choices), limits: limits))
    }
}
