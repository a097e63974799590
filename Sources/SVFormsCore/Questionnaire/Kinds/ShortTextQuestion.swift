import Yams

/// One line of text: a name, a job title.
public struct ShortTextQuestion: ReadableQuestionType, TextQuestion {
    public var limits: TextLimits

    static let typeName = "short_text"
    static let keys = TextLimits.keys
    public static let isMultiline = false

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> ShortTextQuestion? {
        ShortTextQuestion(limits: .read(m, context, default: .shortTextDefault))
    }
}

extension QuestionKind {
    public static func shortText(_ limits: TextLimits) -> QuestionKind { QuestionKind(ShortTextQuestion(limits: limits)) }
}
