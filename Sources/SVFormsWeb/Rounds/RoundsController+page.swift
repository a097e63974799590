import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension RoundsController {
    /// The round page, with what was typed and the problems, if a form on it was sent back.
    func roundPage(
        _ round: SurveyRound, _ questionnaire: Questionnaire, _ context: AppRequestContext, notice: String? = nil, warning: String? = nil,
        addInput: FormInput = FormInput(), importInput: FormInput = FormInput(), datesInput: FormInput? = nil,
        problems: [FieldProblem] = []
    ) async throws -> Response {
        let people = try await roundStore.representatives(roundID: round.id)
        let organisations = Dictionary(catalog.partnership.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let today = CalendarDay.today(in: catalog.partnership.timeZone, now: clock.now())
        let form = peopleForm(questionnaire)
        let fields = { (questions: [Question], input: FormInput) in QuestionView.fields(questions, input: input, problems: problems) }
        let allQuestions = form.personQuestions + form.importQuestions + [Self.closingDateQuestion]
        let dates = datesInput ?? FormInput.prefilled(from: ["closes-on": [round.closesOn.description]], for: [Self.closingDateQuestion])
        let reminderCutoff = clock.now().addingTimeInterval(-RoundMailing.reminderInterval)
        var layout = presenter.adminLayout(title: round.name, context, hasErrors: !problems.isEmpty)
        layout.isWide = true  // the people table needs the width
        let view = RoundPageView(
            layout: layout,
            roundID: round.id, name: round.name, formTitle: questionnaire.title, datesText: RoundSummaryView.dates(round),
            statusText: round.status(on: today),
            notice: notice, warning: warning,
            people: people.map { person in
                PersonRowView(
                    id: person.id, roundID: round.id, name: person.name, email: person.email,
                    organisation: organisations[person.organisationID] ?? person.organisationID,
                    status: Self.status(person, catalog.partnership.timeZone), reminders: person.reminderCount)
            },
            engagement: engagement.roundEngagement(round, people: people).1,
            notInvited: people.filter { $0.invitedAt == nil }.count,
            awaiting: people.filter { $0.invitedAt != nil && $0.submittedAt == nil }.count,
            remindable: people.filter { $0.invitedAt != nil && $0.submittedAt == nil && !$0.wasReminded(since: reminderCutoff) }.count,
            isOpen: round.isOpen(on: today), canClose: round.closedAt == nil && today <= round.closesOn,
            datesFields: fields([Self.closingDateQuestion], dates),
            addFields: fields(form.personQuestions, addInput), importFields: fields(form.importQuestions, importInput),
            errors: ErrorLinkView.links(problems, allQuestions),
            csrfToken: presenter.csrfToken(context))
        return presenter.response(.round, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    static func status(_ person: Representative, _ timeZone: TimeZone) -> String {
        if let submitted = person.submittedAt { return "Submitted \(DisplayTime.string(submitted, timeZone))" }
        return statusWord(person)
    }

    /// Where someone has got to, without when.
    static func statusWord(_ person: Representative) -> String {
        if person.submittedAt != nil { return "Submitted" }
        if person.hasStarted { return "Started" }
        if person.remindedAt != nil { return "Reminded" }
        if person.invitedAt != nil { return "Invited" }
        return "Not invited yet"
    }
}
