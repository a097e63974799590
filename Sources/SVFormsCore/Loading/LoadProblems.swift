/// All the problems found while loading a forms folder.
public struct LoadProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [LoadProblem]

    public init(_ problems: [LoadProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
