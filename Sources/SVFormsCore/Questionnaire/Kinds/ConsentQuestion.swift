/// One box to tick: the label is the statement, the box says "Yes".
public struct ConsentQuestion: ReadableQuestionType {
    /// The value a ticked box sends and stores.
    public static let given = "yes"

    static let typeName = "consent"

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> ConsentQuestion? { ConsentQuestion() }

    public var possibleValues: [String]? { [Self.given] }
    public var requiredMessage: String { "Tick the box to continue" }

    public func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        ChoiceAnswerRule(allowed: [Self.given], multiple: false).check(input, question)
    }

    public func readableLines(_ values: [String]) -> [String] { ["Yes"] }
    public var unansweredText: String { "No" }
}

extension QuestionKind {
    public static var consent: QuestionKind { QuestionKind(ConsentQuestion()) }
}
