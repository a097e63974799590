import Yams

/// One answer from the question's own options (radios).
public struct SingleChoiceQuestion: ReadableQuestionType, OptionsQuestion {
    public var options: ChoiceOptions

    static let typeName = "single_choice"
    static let keys = ["options"]
    static let requiredKeys = ["options"]

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> SingleChoiceQuestion? {
        SingleChoiceQuestion(options: .read(m, context))
    }
}

extension QuestionKind {
    public static func singleChoice(_ choices: [Choice]) -> QuestionKind {
        QuestionKind(SingleChoiceQuestion(options: ChoiceOptions(choices)))
    }
}
