/// What one validator found in one question's input.
public enum AnswerCheck: Sendable, Equatable {
    /// The normalised values to save.
    case answered([String])
    case blank
    /// A message for the person, and the input it belongs to (for the error summary link).
    case invalid(String, field: String? = nil)
}
