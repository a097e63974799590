import Foundation

/// A single question on a page.
public struct Question: Sendable {
    public var id: String
    public var label: String
    public var hint: String?
    public var isOptional: Bool
    /// Replaces the standard message shown when a required question is left blank.
    public var errorMessage: String?
    public var showIf: ShowIf?
    public var kind: QuestionKind

    public init(
        id: String, label: String, hint: String? = nil, isOptional: Bool = false,
        errorMessage: String? = nil, showIf: ShowIf? = nil, kind: QuestionKind
    ) {
        self.id = id
        self.label = label
        self.hint = hint
        self.isOptional = isOptional
        self.errorMessage = errorMessage
        self.showIf = showIf
        self.kind = kind
    }
}

extension Question {
    /// How saved answer `values` read to a person ("Check your answers", a voice's page).
    public func answerLines(_ values: [String]?) -> [String] {
        guard let values, !values.isEmpty else { return [kind.type.unansweredText] }
        return kind.type.readableLines(values)
    }
}
