import SVFormsCore

/// How a saved answer reads on "Check your answers".
enum AnswerText {
    static func lines(for question: Question, _ values: [String]?) -> [String] {
        guard let values, !values.isEmpty else {
            if case .consent = question.kind { return ["No"] }
            return ["Not answered"]
        }
        switch question.kind {
        case .consent:
            return ["Yes"]
        case .date:
            return values.map { CalendarDay(iso: $0)?.longDescription ?? $0 }
        default:
            guard let choices = question.kind.choices else { return values }
            return values.map { value in choices.first { $0.value == value }?.label ?? value }
        }
    }
}
