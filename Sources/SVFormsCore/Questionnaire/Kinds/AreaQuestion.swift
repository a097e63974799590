/// One of the partnership's areas, from `partnership.yaml`.
public struct AreaQuestion: ReadableQuestionType, OptionsQuestion {
    public var options: ChoiceOptions

    static let typeName = "area"

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> AreaQuestion? {
        AreaQuestion(options: ChoiceOptions((context.partnership?.areas ?? []).map { Choice(value: $0.id, label: $0.name) }))
    }
}

extension QuestionKind {
    public static func area(_ choices: [Choice]) -> QuestionKind { QuestionKind(AreaQuestion(options: ChoiceOptions(choices))) }
}
