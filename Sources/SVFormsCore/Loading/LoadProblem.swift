/// Something wrong in a questionnaire or partnership file, with the file and line it is on.
public struct LoadProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// The `file:line: message` form that editors and terminals understand.
    public var description: String { "\(file):\(line): \(message)" }
}

/// All the problems found while loading a forms folder.
public struct LoadProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [LoadProblem]

    public init(_ problems: [LoadProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
