import SVFormsCore

extension ShortTextQuestion: QuestionControl {
    var control: QuestionView.Control { .textInput }
}

extension LongTextQuestion: QuestionControl {
    var control: QuestionView.Control { .textarea }

    func hintAddition(_ question: Question) -> String? { "You can enter up to \(limits.maxLength) characters." }
}

extension EmailQuestion: QuestionControl {
    var control: QuestionView.Control { .textInput }

    func fill(_ view: inout QuestionView, _ question: Question, input: FormInput, problem: FieldProblem?) {
        view.inputType = "email"
        view.autocomplete = "email"
        view.spellcheck = false
    }
}

extension NumberQuestion: QuestionControl {
    var control: QuestionView.Control { .textInput }

    func fill(_ view: inout QuestionView, _ question: Question, input: FormInput, problem: FieldProblem?) {
        view.inputMode = limits.wholeNumber ? "numeric" : "decimal"
        view.spellcheck = false
    }
}
