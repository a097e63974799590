import SVFormsCore

extension SingleChoiceQuestion: ChoiceControl {}
extension RatingQuestion: ChoiceControl {}
extension OrganisationQuestion: ChoiceControl {}
extension AreaQuestion: ChoiceControl {}

extension MultipleChoiceQuestion: ChoiceControl {
    var control: QuestionView.Control { .checkboxes }
}

extension ConsentQuestion: QuestionControl {
    var control: QuestionView.Control { .checkboxes }

    /// The label is the statement (the legend); the one box to tick says "Yes".
    func fill(_ view: inout QuestionView, _ question: Question, input: FormInput, problem: FieldProblem?) {
        view.options = [
            OptionView(
                htmlID: view.htmlID, value: Self.given, label: "Yes", hint: nil,
                isChecked: input.values(question.id).contains(Self.given))
        ]
    }
}
