import Foundation

public struct DateLimits: Sendable, Equatable {
    public var min: DateBound?
    public var max: DateBound?

    public init(min: DateBound? = nil, max: DateBound? = nil) {
        self.min = min
        self.max = max
    }
}
