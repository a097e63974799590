import SVFormsCore

extension QuestionView {
    /// Builds the view of `question` showing `input` (what was typed, or the saved answer) and its problem, if any.
    init(_ question: Question, input: FormInput, problem: FieldProblem?, isPageHeading: Bool) {
        let kind = question.kind
        self.init(
            control: Self.control(for: kind), name: question.id,
            label: question.label + (question.isOptional ? " (optional)" : ""),
            hint: Self.hint(for: question), error: problem?.message, isPageHeading: isPageHeading,
            value: input.values(question.id).first)
        switch kind {
        case .email:
            inputType = "email"
            autocomplete = "email"
            spellcheck = false
        case .number(let limits):
            inputMode = limits.wholeNumber ? "numeric" : "decimal"
            spellcheck = false
        case .date:
            dateParts = Self.dateParts(question.id, input: input, problem: problem)
        case .consent:
            // The label is the statement (the legend); the one box to tick says "Yes".
            options = [
                OptionView(
                    htmlID: htmlID, value: ConsentValue.given, label: "Yes", hint: nil,
                    isChecked: input.values(question.id).contains(ConsentValue.given))
            ]
        default:
            let chosen = Set(input.values(question.id))
            options = (kind.choices ?? []).enumerated().map { index, choice in
                OptionView(
                    htmlID: index == 0 ? htmlID : Self.derivedID(htmlID, String(index + 1)), value: choice.value,
                    label: choice.label, hint: choice.hint, isChecked: chosen.contains(choice.value))
            }
        }
    }

    private static func control(for kind: QuestionKind) -> Control {
        switch kind {
        case .shortText, .number, .email: .textInput
        case .longText: .textarea
        case .singleChoice, .rating, .organisation, .area: .radios
        case .multipleChoice, .consent: .checkboxes
        case .date: .dateInput
        }
    }

    /// The author's hint, plus what a person needs to know that the author may not have said.
    private static func hint(for question: Question) -> String? {
        var parts = [question.hint].compactMap { $0 }
        switch question.kind {
        case .longText(let limits): parts.append("You can enter up to \(limits.maxLength) characters.")
        case .date where question.hint == nil: parts.append("For example, 27 3 2025")
        default: break
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private static func dateParts(_ id: String, input: FormInput, problem: FieldProblem?) -> [DatePartView] {
        let parts = [("Day", DateInputNames.day(id)), ("Month", DateInputNames.month(id)), ("Year", DateInputNames.year(id))]
        return parts.enumerated().map { index, part in
            // A problem with one box highlights that box; a problem with the whole date highlights all three.
            let flagged = problem != nil && (problem?.field == nil || problem?.field == part.1)
            return DatePartView(
                htmlID: htmlID(part.1), name: part.1, label: part.0,
                value: input.value(part.1), isYear: index == 2, hasError: flagged)
        }
    }
}
