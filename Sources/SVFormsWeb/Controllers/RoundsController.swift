import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin/rounds`: leads open rounds of invited questionnaires, add the people to ask,
/// send their personal invitations and remind those who have not answered.
struct RoundsController: Sendable {
    let site: Site

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("rounds", use: list)
        group.get("rounds/new", use: newRound)
        group.post("rounds", use: createRound)
        group.get("rounds/:round", use: show)
        group.post("rounds/:round/people", use: addPerson)
        group.post("rounds/:round/import", use: importPeople)
        group.post("rounds/:round/people/:person/remove", use: removePerson)
        group.post("rounds/:round/invitations", use: sendInvitations)
        group.post("rounds/:round/reminders", use: sendReminders)
    }

    /// The questionnaires a round can be for.
    var invitedQuestionnaires: [Questionnaire] { site.catalog.questionnaires.filter { $0.audience == .invited } }

    var roundForm: RoundForm {
        RoundForm(questionnaires: invitedQuestionnaires, calendar: ReportingCalendar(site.partnership), now: site.configuration.now())
    }

    /// Every round with its counts. Viewers see this too; only leads open a round (it names people).
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(.viewer)
        var summaries: [RoundSummaryView] = []
        for round in try await site.database.rounds() {
            summaries.append(try await site.roundEngagement(round).0)
        }
        let view = RoundsListView(
            layout: site.adminLayout(title: "Survey rounds", context), rounds: summaries,
            isLead: account.role.includes(.lead), canOpen: !invitedQuestionnaires.isEmpty)
        return site.renderer.response(.rounds, view)
    }

    @Sendable func newRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.lead)
        return newRoundPage(context, input: roundForm.defaults, problems: [])
    }

    @Sendable func createRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(.lead)
        let input = try await site.signedInForm(request, context)
        switch roundForm.read(input) {
        case .failure(let problems):
            return newRoundPage(context, input: input, problems: problems.list)
        case .success(let new):
            let round = try await site.database.createRound(new, by: account.email, at: site.configuration.now())
            return .redirect(to: "/admin/rounds/\(round.id)", type: .normal)
        }
    }

    private func newRoundPage(_ context: AppRequestContext, input: FormInput, problems: [FieldProblem]) -> Response {
        let questions = roundForm.questions
        let view = SimpleFormView(
            layout: site.adminLayout(title: "Open a survey round", context, hasErrors: !problems.isEmpty),
            heading: "Open a survey round",
            intro: ["You will add the people to invite on the next page. Nothing is sent until you choose to send it."],
            fields: QuestionView.fields(questions, input: input, problems: problems),
            errors: ErrorLinkView.links(problems, questions),
            actionHref: "/admin/rounds", csrfToken: site.csrfToken(context),
            buttonText: "Open the round")
        return site.renderer.response(.simpleForm, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
