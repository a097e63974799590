import Mustache

/// One quarter in the breakdown selector.
struct QuarterOptionView: Sendable, MustacheParent {
    var label: String
    var isSelected: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "optionLabel": label
        case "optionSelected": isSelected
        default: nil
        }
    }
}
