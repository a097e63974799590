/// A measure computed from ratings on one scale (for example 2.2.1.a).
public struct Measure: Sendable, Equatable {
    public var id: String
    public var title: String
    public var scale: String
    /// Scale values that count towards the numerator.
    public var met: [String]

    public init(id: String, title: String, scale: String, met: [String]) {
        self.id = id
        self.title = title
        self.scale = scale
        self.met = met
    }
}
