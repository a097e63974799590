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
        return page(questionnaire, voice, context, notice: notice, problem: nil)
    }

    func page(
        _ questionnaire: Questionnaire, _ voice: StoredVoice, _ context: AppRequestContext, notice: String?, problem: VoiceProblem?
    ) -> Response {
        let view = VoicePageView(
            layout: presenter.adminLayout(title: "Voice \(voice.reference)", context, hasErrors: problem != nil),
            questionnaire: questionnaire, voice: voice, timeZone: catalog.partnership.timeZone, csrfToken: presenter.csrfToken(context),
            notice: notice, problem: problem)
        return presenter.response(.voice, view, status: problem == nil ? .ok : .unprocessableContent)
    }

    func voice(_ context: AppRequestContext) async throws -> (Questionnaire, StoredVoice) {
        guard let formID = context.parameters.get("form"), let questionnaire = catalog.questionnaire(id: formID),
            questionnaire.voices != nil, let reference = context.parameters.get("reference"), Reference.isWellFormed(reference),
            let voice = try await voiceStore.voice(formID: formID, reference: reference)
        else { throw WebError.notFound }
        return (questionnaire, voice)
    }
}
