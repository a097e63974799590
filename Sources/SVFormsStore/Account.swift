import Foundation

/// Someone who signs in: a lead, a viewer or an admin.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var role: Role
    public var createdAt: Date
    public var disabledAt: Date?

    public var isDisabled: Bool { disabledAt != nil }
}
