import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension RoundsController {
    /// The round page, with what was typed and the problems, if a form on it was sent back.
    func roundPage(
        _ round: SurveyRound, _ questionnaire: Questionnaire, _ context: AppRequestContext, notice: String? = nil, warning: String? = nil,
        addInput: FormInput = FormInput(), importInput: FormInput = FormInput(), problems: [FieldProblem] = []
    ) async throws -> Response {
        let people = try await roundStore.representatives(roundID: round.id)
        let organisations = Dictionary(catalog.partnership.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let today = CalendarDay.today(in: catalog.partnership.timeZone, now: clock.now())
        let form = peopleForm(questionnaire)
        let fields = { (questions: [Question], input: FormInput) in QuestionView.fields(questions, input: input, problems: problems) }
        let allQuestions = form.personQuestions + form.importQuestions
        let view = RoundPageView(
            layout: presenter.adminLayout(title: round.name, context, hasErrors: !problems.isEmpty),
            roundID: round.id, name: round.name, formTitle: questionnaire.title, datesText: RoundSummaryView.dates(round),
            statusText: today < round.opensOn ? "Not open yet" : today > round.closesOn ? "Closed" : "Open",
            notice: notice, warning: warning,
            people: people.map { person in
                PersonRowView(
                    id: person.id, roundID: round.id, name: person.name, email: person.email,
                    organisation: organisations[person.organisationID] ?? person.organisationID,
                    status: Self.status(person, catalog.partnership.timeZone), canRemove: person.submittedAt == nil)
            },
            engagement: engagement.roundEngagement(round, people: people).1,
            notInvited: people.filter { $0.invitedAt == nil }.count,
            awaiting: people.filter { $0.invitedAt != nil && $0.submittedAt == nil }.count,
            isOpen: round.isOpen(on: today),
            addFields: fields(form.personQuestions, addInput), importFields: fields(form.importQuestions, importInput),
            errors: ErrorLinkView.links(problems, allQuestions),
            csrfToken: presenter.csrfToken(context))
        return presenter.response(.round, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    static func status(_ person: Representative, _ timeZone: TimeZone) -> String {
        if let submitted = person.submittedAt { return "Submitted \(AuditRowView.format(submitted, timeZone))" }
        if person.hasStarted { return "Started" }
        if person.remindedAt != nil { return "Reminded" }
        if person.invitedAt != nil { return "Invited" }
        return "Not invited yet"
    }
}
