import Foundation
import Hummingbird
import SVFormsBackground
import SVFormsCore
import SVFormsStore

/// The respondent journey — start page, question pages, check answers, submit, confirmation —
/// for any `JourneyScope`: the open-link and invitation controllers both hand their requests here.
struct JourneyPages: Sendable {
    let responseStore: ResponseStore
    let presenter: Presenter
    let clock: SiteClock
    let clients: ClientAddresses
    let cookies: RespondentCookies
    let antiForgery: AntiForgery
    let shownStamp: ShownStamp
    let submissionLimit: ClientRateLimit
    let draftLimit: ClientRateLimit
    let recentVoices: RecentVoices
    let mailWakeup: MailWakeup
    let notices: SubmissionNotices

    func start(_ scope: JourneyScope) async throws -> Response {
        let questionnaire = scope.questionnaire
        let journey = Journey(questionnaire: questionnaire, draft: try await draft(scope))
        guard let firstPage = journey.visiblePages.first?.id else { throw WebError.notFound }
        let resumeHref =
            journey.draft.completedPages.isEmpty
            ? nil : scope.destination(journey.firstIncompletePage.map { .page($0.id) } ?? .checkAnswers)
        let view = StartPageView(
            layout: presenter.layout(title: "Start", scope: scope), title: questionnaire.title,
            description: questionnaire.description, privacy: questionnaire.privacy,
            estimatedMinutes: questionnaire.estimatedMinutes, startHref: scope.page(firstPage), resumeHref: resumeHref)
        return presenter.response(.start, view)
    }

    /// The confirmation for `reference`, or back to the start when there is none to show.
    func confirmation(_ scope: JourneyScope, reference: String?) -> Response {
        guard let reference, Reference.isWellFormed(reference) else { return .redirect(to: scope.basePath, type: .normal) }
        let view = ConfirmationView(
            layout: presenter.layout(title: "Form submitted", scope: scope), reference: reference,
            nextSteps: scope.questionnaire.confirmation, startHref: scope.basePath,
            canStartAgain: scope.invitation == nil, partnershipName: presenter.partnership.name, contact: presenter.partnership.contact,
            receiptAddress: scope.invitation?.representative.email)
        return presenter.response(.confirmation, view)
    }

    /// The person's saved answers (none yet for a browser seen for the first time).
    func draft(_ scope: JourneyScope) async throws -> Draft {
        try await storedDraft(scope) ?? Draft()
    }

    /// The person's saved answers, or nil when they have not started.
    func storedDraft(_ scope: JourneyScope) async throws -> Draft? {
        guard !scope.isNewBrowser else { return nil }
        return try await responseStore.draft(respondentKey: scope.draftKey, formID: scope.questionnaire.id)?.draft
    }

    /// Sets the respondent cookie on a page shown to a browser seen for the first time.
    func finish(_ response: Response, _ scope: JourneyScope) -> Response {
        guard let token = scope.cookieToken else { return response }
        return cookies.finish(response, for: Respondent(token: token, isNew: scope.isNewBrowser))
    }
}
