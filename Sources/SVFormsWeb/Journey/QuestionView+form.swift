import SVFormsCore

extension QuestionView {
    /// The questions of a signed-in form, each with its input and problem (none is the page heading).
    static func fields(_ questions: [Question], input: FormInput, problems: [FieldProblem]) -> [QuestionView] {
        questions.map { question in
            QuestionView(question, input: input, problem: problems.first { $0.questionID == question.id }, isPageHeading: false)
        }
    }
}

extension ErrorLinkView {
    /// The error summary's links for the problems found with `questions`.
    static func links(_ problems: [FieldProblem], _ questions: [Question]) -> [ErrorLinkView] {
        problems.compactMap { problem in questions.first { $0.id == problem.questionID }.map { ErrorLinkView(problem, question: $0) } }
    }
}
