import SVFormsCore

/// How a submitted response starts its life as a community voice.
public struct NewVoice: Sendable, Equatable {
    public var quarantineReason: QuarantineReason?
    /// The same words came from the same client a few minutes before (flagged, never dropped).
    public var possibleDuplicate: Bool
    /// The themes it starts with: what the person chose.
    public var themes: [String]

    public init(quarantineReason: QuarantineReason? = nil, possibleDuplicate: Bool = false, themes: [String] = []) {
        self.quarantineReason = quarantineReason
        self.possibleDuplicate = possibleDuplicate
        self.themes = themes
    }

    var status: VoiceStatus { quarantineReason == nil ? .new : .quarantined }
}
