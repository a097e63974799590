import Hummingbird
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// `/admin`: responses by quarter and every measure, with one quarter selector for the breakdowns.
/// The figures come from the same `ResultsReporter` as the downloads.
struct DashboardController: Sendable {
    let responseStore: ResponseStore
    let roundStore: RoundStore
    let outboxStore: OutboxStore
    let reportingQueries: ReportingQueries
    let catalog: FormCatalog
    let presenter: Presenter
    let reporter: ResultsReporter
    let engagement: RoundEngagementViews

    func addRoutes(to routes: SiteRouter) {
        routes.on(.dashboard, use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        var figures: [(questionnaire: Questionnaire, quarters: [ReportingQuarter], reports: [MeasureReport])] = []
        for questionnaire in catalog.questionnaires {
            let quarters = try await reporter.quarters(of: questionnaire)
            var reports: [MeasureReport] = []
            for measure in questionnaire.measures {
                reports.append(try await reporter.report(measure, of: questionnaire, quarters: quarters))
            }
            figures.append((questionnaire, quarters, reports))
        }
        // One quarter for every breakdown: the one asked for, else the newest with any ratings.
        let newestFirst = Set(figures.flatMap(\.quarters)).sorted(by: >)
        let rated = figures.flatMap(\.reports).flatMap(\.quarters).filter { $0.overall.denominator > 0 }.map(\.quarter)
        let wanted = request.uri.queryParameters["quarter"].map(String.init)
        let selected = newestFirst.first { $0.label == wanted } ?? rated.max() ?? newestFirst.first

        var forms: [DashboardFormView] = []
        for (questionnaire, quarters, reports) in figures {
            // Viewers see a voice questionnaire's counts only in its voice section, where small ones are suppressed.
            if questionnaire.voices != nil, !account.role.includes(.lead) { continue }
            let counts = try await reporter.responseCounts(of: questionnaire, quarters: quarters)
            forms.append(
                DashboardFormView(
                    id: questionnaire.id, title: questionnaire.title,
                    quarterCounts: counts.map { QuarterCountView(quarter: $0.quarter.label, submitted: $0.submitted, inProgress: $0.inProgress) },
                    inProgress: try await reportingQueries.draftCount(formID: questionnaire.id),
                    canDownloadResponses: account.role.includes(.lead),
                    measures: reports.map { section($0, formID: questionnaire.id, selected: selected) },
                    leftOut: questionnaire.audience == .invited ? try await responseStore.waitingLinkResponseCount(formID: questionnaire.id) : 0,
                    canReviewLeftOut: account.role.includes(.lead)))
        }
        var layout = presenter.adminLayout(title: "Dashboard", context)
        layout.isWide = true
        var rounds: [RoundEngagementView] = []
        for round in try await roundStore.rounds().prefix(5) {
            let (summary, tables) = try await engagement.roundEngagement(round)
            rounds.append(RoundEngagementView(summary: summary, tables: tables, canOpen: account.role.includes(.lead)))
        }
        var voices: [VoiceSectionView] = []
        for (questionnaire, quarters, _) in figures {
            guard let counts = try await reporter.voiceCounts(of: questionnaire, quarters: quarters) else { continue }
            voices.append(
                VoiceSectionView(
                    questionnaire: questionnaire, counts: counts, selected: selected.flatMap { quarters.firstIndex(of: $0) } ?? quarters.indices.last,
                    suppress: !account.role.includes(.lead), isLead: account.role.includes(.lead),
                    quarantined: try await reportingQueries.quarantinedCount(formID: questionnaire.id)))
        }
        let failedMail = account.role.includes(.admin) ? try await outboxStore.mailCounts()[.failed] ?? 0 : 0
        let view = DashboardView(
            layout: layout, quarterOptions: newestFirst.map { QuarterOptionView(label: $0.label, isSelected: $0 == selected) },
            forms: forms, rounds: rounds, voices: voices, failedMail: failedMail)
        return presenter.response(.dashboard, view)
    }

    /// The measure's section, with its breakdowns for the selected quarter.
    private func section(_ report: MeasureReport, formID: String, selected quarter: ReportingQuarter?) -> MeasureSectionView {
        let selected = report.quarters.first { $0.quarter == quarter }
        let rows = { (scores: [GroupScore]) in scores.map { FigureRowView(label: $0.label, figure: $0.figure) } }
        let breakdowns =
            selected.map { quarter -> [BreakdownView] in
                let label = quarter.quarter.label
                return [
                    BreakdownView(
                        caption: "Measure \(report.measure.id) by organisation type, \(label)", groupHeading: "Organisation type",
                        rows: rows(quarter.byOrganisationType)),
                    BreakdownView(
                        caption: "Measure \(report.measure.id) by organisation, \(label)", groupHeading: "Organisation",
                        rows: rows(quarter.byOrganisation)),
                    BreakdownView(
                        caption: "Measure \(report.measure.id) by question, \(label)", groupHeading: "Question",
                        rows: rows(quarter.byQuestion)),
                ]
            } ?? []
        return MeasureSectionView(
            formID: formID, measureID: report.measure.id, title: report.measure.title,
            quarters: report.quarters.map { FigureRowView(label: $0.quarter.label, figure: $0.overall) },
            chart: BarChartView(
                id: "chart-\(formID)-\(report.measure.id)".replacingOccurrences(of: ".", with: "-"),
                title: "Measure \(report.measure.id) by quarter: \(report.measure.title)",
                values: report.quarters.map { ($0.quarter.label, $0.overall.percentage) }),
            breakdowns: breakdowns)
    }
}
