/// The confirmation page after a submission.
struct ConfirmationView: PageView {
    var layout: LayoutView
    var reference: String
    var nextSteps: [String]
    var startHref: String
    /// Open links can be answered again; a personal invitation is answered once.
    var canStartAgain = true

    func field(named name: String) -> Any? {
        switch name {
        case "reference": reference
        case "nextSteps": nextSteps.isEmpty ? nil : nextSteps
        case "startHref": startHref
        case "canStartAgain": canStartAgain
        default: nil
        }
    }
}
