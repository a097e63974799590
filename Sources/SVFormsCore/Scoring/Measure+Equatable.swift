import Foundation

/// Written out by hand because Swift synthesises `Equatable` only in the file that declares
/// the type; if `Measure` gains a property, add it here (or declare the conformance on the type).
extension Measure: Equatable {
    public static func == (lhs: Measure, rhs: Measure) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.scale == rhs.scale && lhs.met == rhs.met
    }
}
