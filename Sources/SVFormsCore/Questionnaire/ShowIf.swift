import Foundation

/// Shows a question only when an earlier question's answer is one of `values`.
public struct ShowIf: Sendable, Equatable {
    public var questionID: String
    public var values: [String]

    public init(questionID: String, values: [String]) {
        self.questionID = questionID
        self.values = values
    }
}
