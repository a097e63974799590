import Yams

/// Several lines of text, in the person's own words; line breaks are kept.
public struct LongTextQuestion: ReadableQuestionType, TextQuestion {
    public var limits: TextLimits

    static let typeName = "long_text"
    static let keys = TextLimits.keys
    public static let isMultiline = true

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> LongTextQuestion? {
        LongTextQuestion(limits: .read(m, context, default: .longTextDefault))
    }
}

extension QuestionKind {
    public static func longText(_ limits: TextLimits) -> QuestionKind { QuestionKind(LongTextQuestion(limits: limits)) }
}
