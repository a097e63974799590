import Yams

/// One point of a named scale; the measures count these.
public struct RatingQuestion: ReadableQuestionType, OptionsQuestion {
    public var scale: RatingScale
    public let options: ChoiceOptions

    public init(scale: RatingScale) {
        self.scale = scale
        options = ChoiceOptions(scale.options)
    }

    static let typeName = "rating"
    static let keys = ["scale"]
    static let requiredKeys = ["scale"]

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> RatingQuestion? {
        guard let name = context.reader.string(m, "scale", context.what) else { return nil }
        guard let scale = context.scales[name] else {
            context.reader.report("\(context.what) names the unknown scale \"\(name)\"", at: m["scale"])
            return nil
        }
        return RatingQuestion(scale: scale)
    }
}

extension QuestionKind {
    public static func rating(_ scale: RatingScale) -> QuestionKind { QuestionKind(RatingQuestion(scale: scale)) }
}
