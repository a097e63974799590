import SVFormsCore

/// How one kind of question shows on a page: which control (and so which partial) it uses, what that
/// control needs, and what its hint adds. Each kind of `SVFormsCore` conforms in a file of its own here.
protocol QuestionControl {
    var control: QuestionView.Control { get }
    /// Sets what the control needs beyond the label, hint, error and typed value.
    func fill(_ view: inout QuestionView, _ question: Question, input: FormInput, problem: FieldProblem?)
    /// What a person needs to know that the author may not have said.
    func hintAddition(_ question: Question) -> String?
}

extension QuestionControl {
    func fill(_ view: inout QuestionView, _ question: Question, input: FormInput, problem: FieldProblem?) {}
    func hintAddition(_ question: Question) -> String? { nil }
}

/// Radios (or checkboxes): one option view per choice, the first carrying the question's own id.
protocol ChoiceControl: QuestionControl {
    var choices: [Choice]? { get }
}

extension ChoiceControl {
    var control: QuestionView.Control { .radios }

    func fill(_ view: inout QuestionView, _ question: Question, input: FormInput, problem: FieldProblem?) {
        let chosen = Set(input.values(question.id))
        let htmlID = view.htmlID
        view.options = (choices ?? []).enumerated().map { index, choice in
            OptionView(
                htmlID: index == 0 ? htmlID : QuestionView.derivedID(htmlID, String(index + 1)), value: choice.value,
                label: choice.label, hint: choice.hint, isChecked: chosen.contains(choice.value))
        }
    }
}
