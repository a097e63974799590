import Foundation
import Yams

/// Reads one question: common keys, then the keys its type allows.
struct QuestionReader {
    let reader: YAMLReader
    let partnership: Partnership?
    let scales: [String: RatingScale]
    /// Questions on earlier pages, which `show_if` may refer to.
    let earlier: [String: Question]
    /// Earlier questions that failed to load (already reported).
    let unreadable: Set<String>

    static let commonKeys = ["id", "type", "label", "hint", "optional", "error_message", "show_if"]

    /// The question and the node of its id.
    func question(_ node: Node) -> (Question, Node?)? {
        let type = questionType(node)
        let allowed = Self.commonKeys + (type?.keys ?? QuestionKind.readable.flatMap { $0.keys })
        let rawID = node.mapping?["id"]?.string
        let what = rawID.map { "question \"\($0)\"" } ?? "a question"
        guard
            let m = reader.mapping(
                node, what, allowed: allowed, required: ["id", "type", "label"] + (type?.requiredKeys ?? [])),
            let id = reader.slug(m, "id", what)
        else { return nil }
        let label = reader.string(m, "label", what)
        let showIf = readShowIf(m, questionID: id)
        let context = QuestionReadingContext(reader: reader, partnership: partnership, scales: scales, what: what)
        guard let type, let label, let kind = type.read(m, context) else { return nil }
        let question = Question(
            id: id, label: label, hint: reader.string(m, "hint", what),
            isOptional: reader.bool(m, "optional", what) ?? false,
            errorMessage: reader.string(m, "error_message", what), showIf: showIf, kind: QuestionKind(kind))
        return (question, m["id"])
    }

    /// The declared type, reporting an unknown one.
    private func questionType(_ node: Node) -> (any ReadableQuestionType.Type)? {
        guard let typeNode = node.mapping?["type"] else { return nil }
        guard typeNode.scalar != nil, let raw = typeNode.string else {
            reader.report("\"type\" of a question must be one of the type names, written as text", at: typeNode)
            return nil
        }
        guard let type = QuestionKind.readable.first(where: { $0.typeName == raw }) else {
            let known = QuestionKind.typeNames.joined(separator: ", ")
            reader.report("unknown question type \"\(raw)\"; use one of: \(known)", at: typeNode)
            return nil
        }
        return type
    }

    private func readShowIf(_ m: YAMLMapping, questionID: String) -> ShowIf? {
        guard let node = m["show_if"] else { return nil }
        let what = "show_if of \"\(questionID)\""
        guard let s = reader.mapping(node, what, allowed: ["question", "equals", "any_of"], required: ["question"]),
            let sourceID = reader.string(s, "question", what)
        else { return nil }
        guard let source = earlier[sourceID] else {
            if unreadable.contains(sourceID) { return nil }
            reader.report(
                "\(what) refers to \"\(sourceID)\", which is not a question on an earlier page; show_if can only look back",
                at: s["question"])
            return nil
        }
        let values: [String]?
        switch (s["equals"], s["any_of"]) {
        case (.some, .some), (nil, nil):
            reader.report("\(what) needs exactly one of \"equals\" or \"any_of\"", at: node)
            values = nil
        case (.some(let equals), nil):
            if equals.scalar == nil {
                reader.report("\"equals\" of \(what) takes one value; use \"any_of\" for several", at: equals)
                values = nil
            } else {
                values = reader.strings(s, "equals", what)
            }
        case (nil, .some): values = reader.strings(s, "any_of", what)
        }
        guard let values else { return nil }
        if let possible = source.kind.type.possibleValues {
            for value in values where !possible.contains(value) {
                reader.report("\(what) looks for \"\(value)\", which \"\(sourceID)\" can never answer", at: node)
            }
        }
        return ShowIf(questionID: sourceID, values: values)
    }
}
