import SVFormsCore

/// A response to an invited questionnaire that came through its public link, not an invitation:
/// held out of every figure until a lead accepts it, with what screening said about its sender.
public struct NewLinkResponse: Sendable, Equatable {
    public var screening: QuarantineReason?

    public init(screening: QuarantineReason? = nil) {
        self.screening = screening
    }
}
