import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin/retention`: for admins, how long each questionnaire keeps contact details and what people
/// wrote, what has been deleted, and what will be deleted next. The policy itself lives in the
/// questionnaire's `voices.retention` block; the hourly housekeeping applies it.
struct RetentionController: Sendable {
    let voiceStore: VoiceStore
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock

    func addRoutes(to routes: SiteRouter) {
        routes.on(.retention, use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let now = clock.now()
        let timeZone = catalog.partnership.timeZone
        var forms: [RetentionPageView.Form] = []
        for questionnaire in catalog.questionnaires {
            guard let settings = questionnaire.voices else { continue }
            var rows: [RetentionPageView.Row] = []
            for (part, days) in [(RetainedPart.contactDetails, settings.retention.contactDays), (.text, settings.retention.textDays)] {
                let outlook = try await voiceStore.retentionOutlook(formID: questionnaire.id, part: part, keptFor: days, now: now)
                rows.append(
                    RetentionPageView.Row(
                        partLabel: part.label, keptFor: "\(days) days after the voice was sent",
                        deleted: outlook.alreadyDeleted, dueSoon: outlook.dueWithin30Days,
                        nextDue: outlook.nextDue.map { DisplayTime.string(max($0, now), timeZone) } ?? "Nothing to delete"))
            }
            forms.append(RetentionPageView.Form(formTitle: questionnaire.title, rows: rows))
        }
        let view = RetentionPageView(layout: presenter.adminLayout(title: "Retention", context), forms: forms)
        return presenter.response(.retention, view)
    }
}
