import Foundation
import Hummingbird
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// `/admin/voices`: leads read, sort and act on what community members said. Every change is audited.
struct VoicesController: Sendable {
    let voiceStore: VoiceStore
    let reportingQueries: ReportingQueries
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock
    let clients: ClientAddresses
    let reporter: ResultsReporter

    func addRoutes(to routes: SiteRouter) {
        routes.on(.voices, use: list)
        routes.on(.voice, use: show)
        routes.on(.voiceAction, use: act)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let forms = catalog.questionnaires.filter { $0.voices != nil }
        let wanted = request.uri.queryParameters["form"].map(String.init)
        var layout = presenter.adminLayout(title: "Community voices", context)
        layout.isWide = true
        guard let questionnaire = forms.first(where: { $0.id == wanted }) ?? forms.first, let settings = questionnaire.voices else {
            return presenter.response(.voices, VoiceListView(layout: layout, questionnaire: nil))
        }
        let quarters = try await reporter.quarters(of: questionnaire).reversed()
        let query = VoiceListQuery(request, questionnaire: questionnaire, quarters: Array(quarters))
        let filter = query.filter(questionnaire, settings: settings, period: query.quarter.map(reporter.period))
        let (voices, total) = try await voiceStore.voices(
            filter, limit: VoiceListQuery.pageSize, offset: (query.page - 1) * VoiceListQuery.pageSize)
        let view = VoiceListView(
            layout: layout, questionnaire: questionnaire, forms: forms, quarters: Array(quarters), query: query,
            voices: voices, total: total, quarantined: try await reportingQueries.quarantinedCount(formID: questionnaire.id),
            timeZone: catalog.partnership.timeZone,
            deleted: request.uri.queryParameters["deleted"].map(String.init).flatMap { Reference.isWellFormed($0) ? $0 : nil })
        return presenter.response(.voices, view)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (questionnaire, voice) = try await voice(context)
        let notice = Notice(request, on: .voice)?.text
        return try await page(questionnaire, voice, request, context, notice: notice, problem: nil)
    }

    /// The voice page, with links back to the list and to the voices either side of it in the filter it was opened from.
    func page(
        _ questionnaire: Questionnaire, _ voice: StoredVoice, _ request: Request, _ context: AppRequestContext, notice: String?,
        problem: VoiceProblem?, typed: FormInput? = nil
    ) async throws -> Response {
        let list = try await listPosition(questionnaire, request)
        var neighbours: (previous: String?, next: String?) = (nil, nil)
        if let settings = questionnaire.voices {
            neighbours = try await voiceStore.neighbours(
                of: voice.reference, list.query.filter(questionnaire, settings: settings, period: list.period))
        }
        let view = VoicePageView(
            layout: presenter.adminLayout(title: "Voice \(voice.reference)", context, hasErrors: problem != nil),
            questionnaire: questionnaire, voice: voice, timeZone: catalog.partnership.timeZone, csrfToken: presenter.csrfToken(context),
            notice: notice, problem: problem, typed: typed, listQuery: list.queryString, previous: neighbours.previous, next: neighbours.next)
        return presenter.response(.voice, view, status: problem == nil ? .ok : .unprocessableContent)
    }

    /// The review list's filters in `request`'s query, as the list wrote them into its links.
    func listPosition(_ questionnaire: Questionnaire, _ request: Request) async throws -> (
        query: VoiceListQuery, period: DateInterval?, queryString: String
    ) {
        let quarters = try await reporter.quarters(of: questionnaire)
        let query = VoiceListQuery(request, questionnaire: questionnaire, quarters: quarters)
        return (query, query.quarter.map(reporter.period), query.queryString(formID: questionnaire.id, page: query.page))
    }

    func voice(_ context: AppRequestContext) async throws -> (Questionnaire, StoredVoice) {
        guard let formID = context.parameters.get("form"), let questionnaire = catalog.questionnaire(id: formID),
            questionnaire.voices != nil, let reference = context.parameters.get("reference"), Reference.isWellFormed(reference),
            let voice = try await voiceStore.voice(formID: formID, reference: reference)
        else { throw WebError.notFound }
        return (questionnaire, voice)
    }
}
