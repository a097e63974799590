/// Answers in progress for one respondent and one questionnaire.
public struct Draft: Sendable, Codable, Equatable {
    public var answers: Answers
    /// Pages the person has answered (pressed Continue on), in the order they did.
    public var completedPages: [String]

    public init(answers: Answers = [:], completedPages: [String] = []) {
        self.answers = answers
        self.completedPages = completedPages
    }
}
