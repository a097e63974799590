/// One screen of the journey: a question or a small group of related questions.
public struct Page: Sendable {
    public var id: String
    public var title: String?
    public var questions: [Question]

    public init(id: String, title: String? = nil, questions: [Question]) {
        self.id = id
        self.title = title
        self.questions = questions
    }
}
