import Mustache
import SVFormsCore

/// The day, month or year box of a date question.
struct DatePartView: Sendable, Hashable, MustacheParent {
    var htmlID: String
    var name: String
    var label: String
    var value: String?
    var isYear: Bool
    var hasError: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "partID": htmlID
        case "partName": self.name
        case "partLabel": label
        case "partValue": value ?? ""
        case "partWidthClass": isYear ? "input--width-4" : "input--width-2"
        case "partHasError": hasError
        default: nil
        }
    }
}
