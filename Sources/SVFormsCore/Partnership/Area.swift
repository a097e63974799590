import Foundation

/// A district or borough the partnership covers.
public struct Area: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
