import Foundation

/// What a signed-in person may do. Each role can do everything the ones after it can.
public enum Role: String, Sendable, CaseIterable {
    /// User accounts and everything a lead does.
    case admin
    /// Everything about forms, responses and downloads.
    case lead
    /// Dashboards and scored summaries only, never response-level data.
    case viewer

    /// Whether this role includes everything `other` may do.
    public func includes(_ other: Role) -> Bool { rank >= other.rank }

    private var rank: Int {
        switch self {
        case .admin: 3
        case .lead: 2
        case .viewer: 1
        }
    }
}
