import Foundation
import Hummingbird
import Logging
import SVFormsBackground
import SVFormsCore
import SVFormsStore

/// `/admin/rounds`: leads open rounds of invited questionnaires, add the people to ask, send their
/// personal invitations, remind those who have not answered (at most once a day each), correct or
/// re-send to one person, and move a round's closing date or close it early.
struct RoundsController: Sendable {
    let roundStore: RoundStore
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock
    let auditor: Auditor
    let engagement: RoundEngagementViews
    let mail: MailComposer
    let mailWakeup: MailWakeup
    let downloads: DownloadSender
    let logger: Logger

    func addRoutes(to routes: SiteRouter) {
        routes.on(.rounds, use: list)
        routes.on(.roundNew, use: newRound)
        routes.on(.roundCreate, use: createRound)
        routes.on(.round, use: show)
        routes.on(.roundAddPerson, use: addPerson)
        routes.on(.roundImport, use: importPeople)
        routes.on(.roundRemovePerson, use: removePerson)
        routes.on(.roundInvitations, use: sendInvitations)
        routes.on(.roundReminders, use: sendReminders)
        routes.on(.roundClose, use: closeRound)
        routes.on(.roundClosingDate, use: changeClosingDate)
        routes.on(.roundPeopleDownload, use: downloadPeople)
        routes.on(.roundPerson, use: showPerson)
        routes.on(.roundPersonCorrect, use: correctPerson)
        routes.on(.roundPersonInvitation, use: sendPersonInvitation)
        routes.on(.roundPersonReminder, use: sendPersonReminder)
        routes.on(.roundPersonLink, use: showPersonLink)
    }

    /// The questionnaires a round can be for.
    var invitedQuestionnaires: [Questionnaire] { catalog.questionnaires.filter { $0.audience == .invited } }

    var roundForm: RoundForm {
        RoundForm(questionnaires: invitedQuestionnaires, calendar: ReportingCalendar(catalog.partnership), now: clock.now())
    }

    /// Every round with its counts. Viewers see this too; only leads open a round (it names people).
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        var summaries: [RoundSummaryView] = []
        for round in try await roundStore.rounds() {
            summaries.append(try await engagement.roundEngagement(round).0)
        }
        let view = RoundsListView(
            layout: presenter.adminLayout(title: "Survey rounds", context), rounds: summaries,
            isLead: account.role.includes(.lead), canOpen: !invitedQuestionnaires.isEmpty)
        return presenter.response(.rounds, view)
    }

    @Sendable func newRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        return newRoundPage(context, input: roundForm.defaults, problems: [])
    }

    @Sendable func createRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        switch roundForm.read(input) {
        case .failure(let problems):
            return newRoundPage(context, input: input, problems: problems.list)
        case .success(let new):
            let round = try await roundStore.createRound(new, by: account.email, at: clock.now())
            return .redirect(to: SiteRoute.round.path(round.id), type: .normal)
        }
    }

    private func newRoundPage(_ context: AppRequestContext, input: FormInput, problems: [FieldProblem]) -> Response {
        let questions = roundForm.questions
        let view = SimpleFormView(
            layout: presenter.adminLayout(title: "Open a survey round", context, hasErrors: !problems.isEmpty),
            heading: "Open a survey round",
            intro: ["You will add the people to invite on the next page. Nothing is sent until you choose to send it."],
            fields: QuestionView.fields(questions, input: input, problems: problems),
            errors: ErrorLinkView.links(problems, questions),
            actionHref: SiteRoute.roundCreate.path(), csrfToken: presenter.csrfToken(context),
            buttonText: "Open the round")
        return presenter.response(.simpleForm, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
