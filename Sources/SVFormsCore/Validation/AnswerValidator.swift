/// One validator per question type: reads a question's input and normalises it.
protocol AnswerValidator {
    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck
    /// What to say when a required question is blank.
    var requiredMessage: String { get }
}
