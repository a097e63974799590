import Foundation

public struct TextLimits: Sendable, Equatable {
    public var minLength: Int
    public var maxLength: Int

    public init(minLength: Int = 0, maxLength: Int) {
        self.minLength = minLength
        self.maxLength = maxLength
    }

    public static let shortTextDefault = TextLimits(maxLength: 200)
    public static let longTextDefault = TextLimits(maxLength: 5000)
}
