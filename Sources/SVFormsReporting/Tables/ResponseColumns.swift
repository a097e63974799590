import SVFormsCore
import SVFormsExport
import SVFormsStore

/// The columns of the responses download, and how each response fills them.
struct ResponseColumns {
    public let questionnaire: Questionnaire
    public let partnership: Partnership
    public let calendar: ReportingCalendar
    /// Questions earlier versions asked that this one does not: kept, in columns of their own.
    let retired: [String]
    let scorers: [MeasureScorer]
    /// What every row needs, worked out once per download rather than once per row.
    public let clock: LocalClock
    public let questions: [Question]
    public let organisationQuestionID: String?
    let organisationsByID: [String: Organisation]
    let answerColumns: [AnswerColumn]

    public init(questionnaire: Questionnaire, partnership: Partnership, calendar: ReportingCalendar, retired: [String] = []) {
        self.questionnaire = questionnaire
        self.partnership = partnership
        self.calendar = calendar
        self.retired = retired
        clock = LocalClock(calendar)
        questions = questionnaire.questions
        answerColumns = questions.map(AnswerColumn.init)
        organisationQuestionID = questionnaire.organisationQuestion?.id
        organisationsByID = Dictionary(partnership.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        scorers = questionnaire.measures.map { MeasureScorer(measure: $0, questionnaire: questionnaire, partnership: partnership) }
    }

    public var header: [String] {
        let labels = questions.map(\.label)
        // Two questions with the same words would be two identical headings: add their ids.
        let questionHeadings = questions.map { question in
            labels.filter { $0 == question.label }.count > 1 ? "\(question.label) (\(question.id))" : question.label
        }
        return ["Reference", "Form version", "Submitted at", "Quarter", "Organisation", "Organisation type"]
            + questionHeadings
            + retired.map { "\($0) (earlier version)" }
            + scorers.flatMap { ["\($0.measure.id) ratings counted", "\($0.measure.id) ratings met"] }
    }

    public func cells(_ response: ExportedResponse) -> [ExportCell] {
        let organisation = organisationQuestionID.flatMap { response.answers[$0]?.first }.flatMap { organisationsByID[$0] }
        var cells: [ExportCell] = [
            .text(response.reference), .integer(response.formVersion),
            .text(clock.timestamp(response.submittedAt)),
            .text(clock.quarter(containing: response.submittedAt).label),
            organisation.map { .text($0.name) } ?? .empty, organisation.map { .text($0.type.label) } ?? .empty,
        ]
        cells.reserveCapacity(6 + questions.count + retired.count + 2 * scorers.count)
        cells += answerColumns.map { $0.cell(response.answers[$0.questionID]) }
        cells += retired.map { id in response.answers[id].map { .text($0.joined(separator: "; ")) } ?? .empty }
        for scorer in scorers {
            let counts = scorer.ratedAndMet(response.answers)
            cells += [.integer(counts.rated), .integer(counts.met)]
        }
        return cells
    }

}

/// One question's column: each kind says what cell its answers make (`QuestionType.cell`).
struct AnswerColumn {
    let questionID: String
    let kind: any QuestionType

    init(_ question: Question) {
        questionID = question.id
        kind = question.kind.type
    }

    func cell(_ values: [String]?) -> ExportCell {
        guard let values, !values.isEmpty else { return .empty }
        switch kind.cell(values) {
        case .text(let text): return .text(text)
        case .integer(let number): return .integer(number)
        }
    }
}
