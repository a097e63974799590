import Foundation

public struct NumberLimits: Sendable, Equatable {
    public var min: Decimal?
    public var max: Decimal?
    public var wholeNumber: Bool

    public init(min: Decimal? = nil, max: Decimal? = nil, wholeNumber: Bool = true) {
        self.min = min
        self.max = max
        self.wholeNumber = wholeNumber
    }
}
