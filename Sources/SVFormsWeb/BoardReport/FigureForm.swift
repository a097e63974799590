import Foundation
import SVFormsCore
import SVFormsReporting

/// The imported measures' forms: one figure, or a CSV of many. Checked first as ordinary questions
/// (required, lengths), then by `FigureSheet`, the same rules an upload passes.
struct FigureForm {
    let sheet: FigureSheet

    /// The quarters offered for one figure: the current one and the seven before, newest first.
    var quarters: [ReportingQuarter] {
        Array(sheet.calendar.quarters(from: ResultsReporter.firstOfTrend(ending: sheet.currentQuarter), through: sheet.currentQuarter).reversed())
    }

    var figureQuestions: [Question] {
        [
            Question(
                id: "measure", label: "Measure", errorMessage: "Select the measure",
                kind: .singleChoice(sheet.measures.map { Choice(value: $0.id, label: "\($0.id) \($0.title)") })),
            Question(
                id: "quarter", label: "Quarter", hint: "For an earlier quarter, upload a CSV file below.", errorMessage: "Select the quarter",
                kind: .singleChoice(quarters.map { Choice(value: $0.label, label: $0.label) })),
            Question(
                id: "value", label: "Figure", hint: "A number, like 42 or 12.5 (at most one decimal place).",
                errorMessage: "Enter the figure", kind: .shortText(TextLimits(maxLength: 20))),
            Question(
                id: "source", label: "Source (optional)", hint: "Leave it empty to use the measure’s usual source.", isOptional: true,
                kind: .shortText(TextLimits(maxLength: FigureSheet.maxSourceLength))),
            Question(
                id: "note", label: "Note (optional)", hint: "For example, why a figure was corrected.", isOptional: true,
                kind: .longText(TextLimits(maxLength: FigureSheet.maxNoteLength))),
        ]
    }

    var importQuestions: [Question] {
        [
            Question(
                id: "csv", label: "Paste figures as CSV",
                hint:
                    "One figure per line: measure, quarter, value, then optionally source and note. For example: 1.1.1.a,\(sheet.currentQuarter.label),42,ICB data",
                errorMessage: "Paste at least one figure, or choose a file", kind: .longText(TextLimits(maxLength: 200_000)))
        ]
    }

    func readFigure(_ input: FormInput, today: CalendarDay) -> Result<FigureSheet.Entry, FieldProblems> {
        let result = PageValidator(context: ValidationContext(today: today)).validate(figureQuestions, input: input)
        guard result.problems.isEmpty else { return .failure(FieldProblems(list: result.problems)) }
        let answer = { (id: String) in result.answers[id]?.first ?? "" }
        switch sheet.entry(
            measure: answer("measure"), quarter: answer("quarter"), value: answer("value"), source: answer("source"), note: answer("note"))
        {
        case .failure(let problem):
            return .failure(FieldProblems(list: [FieldProblem(questionID: problem.field, message: RoundsController.sentence(problem.message))]))
        case .success(let entry):
            return .success(entry)
        }
    }
}
