/// Radios and checkboxes (single and multiple choice, rating, organisation, area, consent):
/// only values from the question's own list are ever accepted.
struct ChoiceAnswerValidator: AnswerValidator {
    let allowed: [String]
    let multiple: Bool
    var limits = SelectionLimits()
    var isConsent = false

    var requiredMessage: String {
        isConsent ? "Tick the box to continue" : multiple ? "Select at least one option" : "Select an answer"
    }

    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        let values = input.values(question.id).filter { !$0.isEmpty }
        if values.isEmpty { return .blank }
        guard values.allSatisfy(allowed.contains) else { return .invalid("Select one of the options shown") }
        guard multiple else {
            return Set(values).count == 1 ? .answered([values[0]]) : .invalid("Select only one answer")
        }
        let chosen = allowed.filter(values.contains)  // in the question's order, no repeats
        if let most = limits.maxSelected, chosen.count > most {
            return .invalid("Select no more than \(most) options")
        }
        if let least = limits.minSelected, chosen.count < least {
            return .invalid("Select at least \(least) options")
        }
        return .answered(chosen)
    }
}
