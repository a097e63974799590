import SVFormsCore

/// Problems found in a form, as an error.
struct FieldProblems: Error {
    var list: [FieldProblem]
}
