import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin/figures`: the quarterly figures of the imported measures (police and health data),
/// entered one at a time or uploaded as CSV. A correction is a new version; the old ones stay.
struct FiguresController: Sendable {
    let frameworkStore: FrameworkStore
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock
    let auditor: Auditor

    func addRoutes(to routes: SiteRouter) {
        routes.on(.figures, use: show)
        routes.on(.figureEnter, use: enter)
        routes.on(.figuresImport, use: importFigures)
        routes.on(.figureHistory, use: history)
    }

    var calendar: ReportingCalendar { ReportingCalendar(catalog.partnership) }

    var form: FigureForm {
        FigureForm(
            sheet: FigureSheet(
                measures: catalog.partnership.measures, calendar: calendar, currentQuarter: calendar.quarter(containing: clock.now())))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page(context, notice: Notice(request, on: .figures)?.text)
    }

    @Sendable func enter(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        switch form.readFigure(input, today: clock.validationContext().today) {
        case .failure(let problems):
            return try await page(context, figureInput: input, problems: problems.list)
        case .success(let entry):
            return try await save([entry], account, request, context)
        }
    }

    @Sendable func importFigures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        // A file chosen wins over the text box; either way the same checks apply.
        let text = input.value("file").flatMap { $0.isEmpty ? nil : $0 } ?? input.value("csv") ?? ""
        switch form.sheet.parse(csv: text) {
        case .failure(let problems):
            let fieldProblems = problems.list.map { FieldProblem(questionID: "csv", message: $0.description) }
            return try await page(context, importInput: input, problems: fieldProblems)
        case .success(let entries):
            return try await save(entries, account, request, context)
        }
    }

    private func save(_ entries: [FigureSheet.Entry], _ account: Account, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let outcome = try await frameworkStore.saveFigures(entries, by: account.email, at: clock.now())
        if outcome.saved > 0 {
            try await auditor.audit(
                "figures.save", subject: Set(entries.map(\.measureID)).sorted().joined(separator: " "), rowCount: outcome.saved,
                request, context)
        }
        return Notice.figuresSaved(saved: outcome.saved, unchanged: outcome.unchanged).redirect(to: SiteRoute.figures.path())
    }

    /// Every version of one figure, oldest first.
    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let measure = context.parameters.get("measure").flatMap(catalog.partnership.measure(id:)), measure.isImported,
            let quarter = context.parameters.get("quarter").flatMap({ ReportingQuarter(slug: $0, yearStartMonth: calendar.yearStartMonth) })
        else { throw WebError.notFound }
        let versions = try await frameworkStore.figureHistory(measureID: measure.id, quarter: quarter.label)
        guard !versions.isEmpty else { throw WebError.notFound }
        let view = FiguresPageView(
            layout: presenter.adminLayout(title: "History of \(measure.id), \(quarter.label)", context),
            heading: "\(measure.id) \(measure.title), \(quarter.label)", timeZone: catalog.partnership.timeZone,
            history: versions.reversed(), csrfToken: presenter.csrfToken(context))
        return presenter.response(.figures, view)
    }

    private func page(
        _ context: AppRequestContext, notice: String? = nil, figureInput: FormInput = FormInput(), importInput: FormInput = FormInput(),
        problems: [FieldProblem] = []
    ) async throws -> Response {
        let figures = try await frameworkStore.currentFigures()
        let quarters = form.quarters
        let form = form
        let tables = form.sheet.measures.map { measure in
            FiguresPageView.MeasureTable(
                measure: measure,
                rows: quarters.map { quarter in (quarter, figures.first { $0.measureID == measure.id && $0.quarter == quarter.label }) })
        }
        let questions = form.figureQuestions + form.importQuestions
        let view = FiguresPageView(
            layout: presenter.adminLayout(title: "Figures", context, hasErrors: !problems.isEmpty), heading: "Imported figures",
            notice: notice, timeZone: catalog.partnership.timeZone, tables: tables,
            figureFields: QuestionView.fields(form.figureQuestions, input: figureInput, problems: problems),
            importFields: QuestionView.fields(form.importQuestions, input: importInput, problems: problems),
            errors: ErrorLinkView.links(problems, questions), csrfToken: presenter.csrfToken(context))
        return presenter.response(.figures, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
