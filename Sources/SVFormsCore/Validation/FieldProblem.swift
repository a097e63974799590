/// A problem to show on the page, linked from the error summary.
public struct FieldProblem: Sendable, Equatable {
    public var questionID: String
    /// The input the error summary links to; the question's first input when nil.
    public var field: String?
    public var message: String

    public init(questionID: String, field: String? = nil, message: String) {
        self.questionID = questionID
        self.field = field
        self.message = message
    }
}
