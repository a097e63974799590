/// What a question asks for, with its limits: one value of one of the kinds below. Organisation, area and
/// rating questions carry their options already resolved from the partnership and the named scale.
/// Each kind's file adds its constructor (`.date(limits)`, `.email`, …) as an extension.
public struct QuestionKind: Sendable {
    public let type: any QuestionType

    public init(_ type: any QuestionType) {
        self.type = type
    }

    /// Every kind a questionnaire file can name, in the order messages list them.
    static let readable: [any ReadableQuestionType.Type] = [
        ShortTextQuestion.self, LongTextQuestion.self, SingleChoiceQuestion.self, MultipleChoiceQuestion.self,
        RatingQuestion.self, NumberQuestion.self, DateQuestion.self, EmailQuestion.self, OrganisationQuestion.self,
        AreaQuestion.self, ConsentQuestion.self,
    ]

    /// Every kind there is, for checks that each has what other modules add (a control on a page).
    public static var allTypes: [any QuestionType.Type] { readable }

    /// The `type:` names questionnaire files may use.
    public static var typeNames: [String] { readable.map { $0.typeName } }

    /// The `type:` name of this kind, if files can name it.
    public var typeName: String? { (Swift.type(of: type) as? any ReadableQuestionType.Type)?.typeName }

    /// The options a person picks from, for the kinds that have them.
    public var choices: [Choice]? { type.choices }

    /// This kind as `T`, when it is one (`kind.as(RatingQuestion.self)?.scale`).
    public func `as`<T: QuestionType>(_: T.Type) -> T? { type as? T }

    public func `is`<T: QuestionType>(_: T.Type) -> Bool { type is T }
}
