/// Where a voice is in a lead's review.
public enum VoiceStatus: String, Sendable, CaseIterable, Codable {
    case new, reviewed, actioned, quarantined

    public var label: String {
        switch self {
        case .new: "New"
        case .reviewed: "Reviewed"
        case .actioned: "Actioned"
        case .quarantined: "Quarantined"
        }
    }
}
