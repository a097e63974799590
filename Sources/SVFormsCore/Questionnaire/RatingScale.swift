/// A named rating scale whose options may be excluded from measure denominators.
public struct RatingScale: Sendable {
    public var name: String
    public var options: [Choice]

    public init(name: String, options: [Choice]) {
        self.name = name
        self.options = options
    }
}
