import Mustache

/// A quarter's row of the responses table.
struct QuarterCountView: Sendable, MustacheParent {
    var quarter: String
    var submitted: Int
    var inProgress: Int

    func child(named name: String) -> Any? {
        switch name {
        case "countQuarter": quarter
        case "countSubmitted": submitted
        case "countInProgress": inProgress
        default: nil
        }
    }
}
