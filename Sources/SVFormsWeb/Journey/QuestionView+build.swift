import SVFormsCore

extension QuestionView {
    /// Builds the view of `question` showing `input` (what was typed, or the saved answer) and its problem, if any.
    init(_ question: Question, input: FormInput, problem: FieldProblem?, isPageHeading: Bool) {
        let shown = Self.control(of: question.kind)
        let hints = [question.hint, shown.hintAddition(question)].compactMap { $0 }
        self.init(
            control: shown.control, name: question.id,
            label: question.label + (question.isOptional ? " (optional)" : ""),
            hint: hints.isEmpty ? nil : hints.joined(separator: " "), error: problem?.message, isPageHeading: isPageHeading,
            value: input.values(question.id).first)
        shown.fill(&self, question, input: input, problem: problem)
    }

    /// The control of a kind; `QuestionControlTests` holds every kind to having one.
    static func control(of kind: QuestionKind) -> any QuestionControl {
        kind.type as? any QuestionControl ?? PlainTextControl()
    }

    /// Never used by a shipped kind: a kind without a control would otherwise stop the page.
    private struct PlainTextControl: QuestionControl {
        var control: QuestionView.Control { .textInput }
    }
}
