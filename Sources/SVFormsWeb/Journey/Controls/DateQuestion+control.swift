import SVFormsCore

/// Three boxes in `partials/date_input`, as the GOV.UK date input pattern shows them.
extension DateQuestion: QuestionControl {
    var control: QuestionView.Control { .dateInput }

    func hintAddition(_ question: Question) -> String? { question.hint == nil ? "For example, 27 3 2025" : nil }

    func fill(_ view: inout QuestionView, _ question: Question, input: FormInput, problem: FieldProblem?) {
        let names = Self.inputNames(question.id)
        let parts = [("Day", names.day), ("Month", names.month), ("Year", names.year)]
        view.dateParts = parts.enumerated().map { index, part in
            // A problem with one box highlights that box; a problem with the whole date highlights all three.
            let flagged = problem != nil && (problem?.field == nil || problem?.field == part.1)
            return DatePartView(
                htmlID: QuestionView.htmlID(part.1), name: part.1, label: part.0,
                value: input.value(part.1), isYear: index == 2, hasError: flagged)
        }
    }
}
