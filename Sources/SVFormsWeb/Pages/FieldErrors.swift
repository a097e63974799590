/// The problems with a plain admin form, by input name, in the order they were found:
/// one list feeds both the error summary and the message beside each input.
struct FieldErrors: Sendable {
    private var problems: [(name: String, message: String)] = []

    mutating func add(_ name: String, _ message: String) {
        problems.append((name, message))
    }

    var isEmpty: Bool { problems.isEmpty }

    /// The message for one input, if it has a problem.
    subscript(name: String) -> String? {
        problems.first { $0.name == name }?.message
    }

    var links: [ErrorLinkView] {
        problems.map { ErrorLinkView(name: $0.name, message: $0.message) }
    }
}
