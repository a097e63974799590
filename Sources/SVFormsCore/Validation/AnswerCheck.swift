/// What one validator found in one question's input.
public enum AnswerCheck: Sendable, Equatable {
    /// The normalised values to save.
    case answered([String])
    case blank
    /// A message for the person, and the input it belongs to (for the error summary link).
    case invalid(String, field: String? = nil)
}

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

/// Facts a validator needs beyond the input.
public struct ValidationContext: Sendable {
    /// Today in the partnership's time zone, for date limits.
    public var today: CalendarDay

    public init(today: CalendarDay) {
        self.today = today
    }
}

/// One validator per question type: reads a question's input and normalises it.
protocol AnswerValidator {
    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck
    /// What to say when a required question is blank.
    var requiredMessage: String { get }
}
