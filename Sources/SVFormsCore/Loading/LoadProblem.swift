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
