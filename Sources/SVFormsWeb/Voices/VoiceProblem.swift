/// A change to a voice that could not be made: which field to fix, and how.
struct VoiceProblem: Error, Sendable, Equatable {
    /// The id of the input the error summary links to.
    var field: String
    var message: String
}
