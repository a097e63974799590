import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin`: responses by quarter and every measure, with a quarter selector for the breakdowns.
/// The figures come from the same `ResultsReporter` as the downloads.
struct DashboardController: Sendable {
    let site: Site

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(.viewer)
        let wanted = request.uri.queryParameters["quarter"].map(String.init)
        var forms: [DashboardFormView] = []
        for questionnaire in site.catalog.questionnaires {
            var measures: [MeasureSectionView] = []
            for measure in questionnaire.measures {
                let report = try await site.reporter.report(measure, of: questionnaire)
                measures.append(section(report, formID: questionnaire.id, wanted: wanted))
            }
            forms.append(DashboardFormView(
                id: questionnaire.id, title: questionnaire.title,
                responsesByQuarter: try await site.reporter.responseCounts(of: questionnaire).map {
                    ($0.quarter.label, $0.submitted, $0.inProgress)
                },
                inProgress: try await site.database.draftCount(formID: questionnaire.id),
                canDownloadResponses: account.role.includes(.lead), measures: measures))
        }
        var layout = site.adminLayout(title: "Dashboard", context)
        layout.isWide = true
        return site.renderer.response("dashboard", DashboardView(layout: layout, forms: forms))
    }

    /// The measure's section; breakdowns for the quarter asked for, else the latest with ratings.
    private func section(_ report: MeasureReport, formID: String, wanted: String?) -> MeasureSectionView {
        let latestRated = report.quarters.last { $0.overall.denominator > 0 } ?? report.quarters.last
        let selected = report.quarters.first { $0.quarter.label == wanted } ?? latestRated
        let rows = report.quarters.map { FigureRowView(label: $0.quarter.label, figure: $0.overall) }
        let breakdowns = selected.map { quarter in
            [
                BreakdownView(caption: "By organisation type, \(quarter.quarter.label)", groupHeading: "Organisation type",
                              rows: quarter.byOrganisationType.map { FigureRowView(label: $0.label, figure: $0.figure) }),
                BreakdownView(caption: "By organisation, \(quarter.quarter.label)", groupHeading: "Organisation",
                              rows: quarter.byOrganisation.map { FigureRowView(label: $0.label, figure: $0.figure) }),
                BreakdownView(caption: "By question, \(quarter.quarter.label)", groupHeading: "Question",
                              rows: quarter.byQuestion.map { FigureRowView(label: $0.label, figure: $0.figure) }),
            ]
        } ?? []
        return MeasureSectionView(
            formID: formID, measureID: report.measure.id, title: report.measure.title, quarters: rows,
            chart: BarChartView(
                id: "chart-\(formID)-\(report.measure.id)".replacingOccurrences(of: ".", with: "-"),
                title: "Measure \(report.measure.id) by quarter: \(report.measure.title)",
                values: report.quarters.map { ($0.quarter.label, $0.overall.percentage) }),
            quarterOptions: report.quarters.reversed().map { ($0.quarter.label, $0.quarter == selected?.quarter) },
            selectedQuarter: selected?.quarter.label ?? "", breakdowns: breakdowns)
    }
}
