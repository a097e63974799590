import Foundation

/// An organisation's standing under the Serious Violence Duty.
public enum OrganisationType: String, Sendable, CaseIterable {
    case specified, relevant, other

    /// How the type is headed in breakdowns and downloads.
    public var label: String {
        switch self {
        case .specified: "Specified authorities"
        case .relevant: "Relevant authorities"
        case .other: "Other organisations"
        }
    }
}
