/// Everything one kind of question knows, in one type per kind (`DateQuestion`, `RatingQuestion`, …):
/// the inputs it posts, how it checks and saves an answer, how a saved answer reads and what cell it
/// exports. Reading its YAML keys is `ReadableQuestionType`; its control on a page lives in the web module.
public protocol QuestionType: Sendable {
    /// The options a person picks from, for the kinds that have them.
    var choices: [Choice]? { get }
    /// Every value an answer can hold, when the kind has a fixed list (what `show_if` may look for).
    var possibleValues: [String]? { get }
    /// The names of the inputs a question of this kind posts.
    func inputNames(_ id: String) -> [String]
    /// The inputs that show answer `values` already saved, so a page opens with them filled in.
    func inputs(showing values: [String], id: String) -> [String: [String]]
    /// What to say when a required question is left blank.
    var requiredMessage: String { get }
    /// Reads the question's input and normalises it into the values to save.
    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck
    /// How saved values read to a person ("Check your answers", a voice's page); never empty.
    func readableLines(_ values: [String]) -> [String]
    /// What "Check your answers" says for a question left unanswered.
    var unansweredText: String { get }
    /// The spreadsheet cell of saved values (never called with none).
    func cell(_ values: [String]) -> AnswerCell
}

extension QuestionType {
    public var choices: [Choice]? { nil }
    public var possibleValues: [String]? { choices?.map(\.value) }
    public func inputNames(_ id: String) -> [String] { [id] }
    public func inputs(showing values: [String], id: String) -> [String: [String]] { [id: values] }
    public func readableLines(_ values: [String]) -> [String] { values }
    public var unansweredText: String { "Not answered" }
    public func cell(_ values: [String]) -> AnswerCell { .text(readableLines(values).joined(separator: "; ")) }
}

/// A kind that questionnaire files can name: its `type:` name, the keys it allows and how it reads them.
protocol ReadableQuestionType: QuestionType {
    static var typeName: String { get }
    static var keys: [String] { get }
    static var requiredKeys: [String] { get }
    /// The kind, or nil after reporting why it cannot be read.
    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> Self?
}

extension ReadableQuestionType {
    static var keys: [String] { [] }
    static var requiredKeys: [String] { [] }
}

/// What a kind may need while reading its keys: the reader (for messages), the partnership and the scales.
struct QuestionReadingContext {
    let reader: YAMLReader
    let partnership: Partnership?
    let scales: [String: RatingScale]
    /// "question \"id\"", for messages.
    let what: String
}
