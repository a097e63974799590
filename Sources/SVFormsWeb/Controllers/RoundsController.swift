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
        group.post("rounds/:round/invitations", use: sendInvitations)
        group.post("rounds/:round/reminders", use: sendReminders)
    }

    /// The questionnaires a round can be for.
    var invitedQuestionnaires: [Questionnaire] { site.catalog.questionnaires.filter { $0.audience == .invited } }

    var roundForm: RoundForm {
        RoundForm(questionnaires: invitedQuestionnaires, calendar: ReportingCalendar(site.partnership), now: site.configuration.now())
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.lead)
        var summaries: [RoundSummaryView] = []
        for round in try await site.database.rounds() {
            summaries.append(try await summary(round))
        }
        let view = RoundsListView(
            layout: site.adminLayout(title: "Survey rounds", context), rounds: summaries, canOpen: !invitedQuestionnaires.isEmpty)
        return site.renderer.response("rounds", view)
    }

    @Sendable func newRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.lead)
        return newRoundPage(context, input: roundForm.defaults, problems: [])
    }

    @Sendable func createRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(.lead)
        let input = try await verifiedInput(request, context)
        switch roundForm.read(input) {
        case .failure(let problems):
            return newRoundPage(context, input: input, problems: problems.list)
        case .success(let new):
            let round = try await site.database.createRound(new, by: account.email, at: site.configuration.now())
            return .redirect(to: "/admin/rounds/\(round.id)", type: .normal)
        }
    }

    /// A summary of a round's engagement, for lists.
    func summary(_ round: SurveyRound) async throws -> RoundSummaryView {
        let engagement = RoundEngagement(try await site.database.representatives(roundID: round.id), partnership: site.partnership)
        return RoundSummaryView(
            id: round.id, name: round.name, formTitle: site.catalog.questionnaire(id: round.formID)?.title ?? round.formID,
            datesText: Self.dates(round), people: engagement.total.people, invited: engagement.total.invited,
            started: engagement.total.started, submitted: engagement.total.submitted)
    }

    static func dates(_ round: SurveyRound) -> String {
        "\(round.opensOn.longDescription) to \(round.closesOn.longDescription)"
    }

    /// The form body of a signed-in post, with its anti-forgery token checked.
    func verifiedInput(_ request: Request, _ context: AppRequestContext) async throws -> FormInput {
        let input = try await FormBody.read(request, context: context)
        guard let token = context.sessionToken, site.antiForgery.isValid(input.value(AntiForgery.fieldName), for: token) else {
            throw WebError.formExpired
        }
        return input
    }

    private func newRoundPage(_ context: AppRequestContext, input: FormInput, problems: [FieldProblem]) -> Response {
        let questions = roundForm.questions
        let view = SimpleFormView(
            layout: site.adminLayout(title: "Open a survey round", context, hasErrors: !problems.isEmpty),
            heading: "Open a survey round",
            intro: ["You will add the people to invite on the next page. Nothing is sent until you choose to send it."],
            fields: questions.map { question in
                QuestionView(question, input: input, problem: problems.first { $0.questionID == question.id }, isPageHeading: false)
            },
            errors: problems.compactMap { problem in questions.first { $0.id == problem.questionID }.map { ErrorLinkView(problem, question: $0) } },
            actionHref: "/admin/rounds", csrfToken: context.sessionToken.map(site.antiForgery.token(for:)) ?? "",
            buttonText: "Open the round")
        return site.renderer.response("simple_form", view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
