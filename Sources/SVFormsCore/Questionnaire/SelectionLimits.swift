import Foundation

public struct SelectionLimits: Sendable, Equatable {
    public var minSelected: Int?
    public var maxSelected: Int?

    public init(minSelected: Int? = nil, maxSelected: Int? = nil) {
        self.minSelected = minSelected
        self.maxSelected = maxSelected
    }
}
