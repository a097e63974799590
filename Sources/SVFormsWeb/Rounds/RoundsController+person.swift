import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension RoundsController {
    @Sendable func showPerson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire, person) = try await roundPerson(context)
        let notice = Notice(request, on: .roundPerson)?.text
        return try await personPage(round, questionnaire, person, context, notice: notice)
    }

    /// Corrects a person's name, email or organisation before they submit, with the same checks as adding them.
    @Sendable func correctPerson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire, person) = try await roundPerson(context)
        let input = try context.postedForm()
        guard person.submittedAt == nil else { throw WebError.notFound }
        let checked = peopleForm(questionnaire).list.entry(
            name: input.trimmed("name"), email: input.trimmed("email"), organisation: input.value("organisation") ?? "")
        let entry: RepresentativeList.Entry
        switch checked {
        case .failure(let problem):
            let problems = [FieldProblem(questionID: problem.field, message: Self.sentence(problem.message))]
            return try await personPage(round, questionnaire, person, context, input: input, problems: problems)
        case .success(let checked): entry = checked
        }
        let composer = mail
        let corrected: Representative?
        do {
            corrected = try await roundStore.correctRepresentative(
                person.id, in: round.id, to: NewRepresentative(name: entry.name, email: entry.email, organisationID: entry.organisationID),
                at: clock.now()
            ) { updated in try composer.invitation(updated, round: round, questionnaire: questionnaire, isReminder: false) }
        } catch RoundError.alreadyInRound(let email) {
            let problem = FieldProblem(questionID: "email", message: "\(email) is already in this round")
            return try await personPage(round, questionnaire, person, context, input: input, problems: [problem])
        }
        guard let corrected else { throw WebError.notFound }
        mailWakeup.signal()
        let resent = corrected.email.lowercased() != person.email.lowercased() && person.invitedAt != nil
        try await auditor.audit(
            "round.correct-person",
            subject: "\(person.email) in \(round.name) (\(questionnaire.id))"
                + (corrected.email == person.email ? "" : ", now \(corrected.email)"), request, context)
        return Notice.person(resent ? .correctedAndSent : .corrected).redirect(to: SiteRoute.roundPerson.path(round.id, person.id))
    }

    /// A new invitation for one person; the links they were sent before stop working.
    @Sendable func sendPersonInvitation(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await sendToPerson(.invitationAgain, request, context)
    }

    @Sendable func sendPersonReminder(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await sendToPerson(.reminders, request, context)
    }

    private func sendToPerson(_ mailing: RoundMailing, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (round, questionnaire, person) = try await roundPerson(context)
        _ = try context.postedForm()
        guard person.submittedAt == nil else { throw WebError.notFound }
        let path = SiteRoute.roundPerson.path(round.id, person.id)
        let outcome: RoundMailOutcome
        switch try await send(mailing, round, questionnaire, to: person.id) {
        case .closed: return Notice.person(.roundClosed).redirect(to: path)
        case .sent(let sent): outcome = sent
        }
        try await auditor.audit(
            mailing == .reminders ? "round.remind-person" : "round.invite-person-again",
            subject: "\(person.email) in \(round.name) (\(questionnaire.id))", rowCount: outcome.queued, request, context)
        if !outcome.recentlyReminded.isEmpty { return Notice.person(.remindedRecently).redirect(to: path) }
        if !outcome.skipped.isEmpty { return Notice.person(.notSent).redirect(to: path) }
        return Notice.person(mailing == .reminders ? .reminded : .invited).redirect(to: path)
    }

    /// Mints one more personal link and shows it on this response only, for a lead to pass on by hand.
    @Sendable func showPersonLink(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire, person) = try await roundPerson(context)
        _ = try context.postedForm()
        let token = RandomToken.generate()
        guard try await roundStore.addLink(tokenHash: RandomToken.hash(token), for: person.id, in: round.id, at: clock.now()) else {
            throw WebError.notFound
        }
        try await auditor.audit("round.show-link", subject: "\(person.email) in \(round.name) (\(questionnaire.id))", request, context)
        return try await personPage(round, questionnaire, person, context, shownLink: mail.links.invitation(token))
    }

    func personPage(
        _ round: SurveyRound, _ questionnaire: Questionnaire, _ person: Representative, _ context: AppRequestContext,
        notice: String? = nil, shownLink: String? = nil, input: FormInput? = nil, problems: [FieldProblem] = []
    ) async throws -> Response {
        let form = peopleForm(questionnaire)
        let values = input ?? FormInput(["name": [person.name], "email": [person.email], "organisation": [person.organisationID]])
        let timeZone = catalog.partnership.timeZone
        let view = RoundPersonPageView(
            layout: presenter.adminLayout(title: "\(person.name), \(round.name)", context, hasErrors: !problems.isEmpty),
            round: round, person: person, organisation: organisationName(person.organisationID), status: Self.status(person, timeZone),
            timeZone: timeZone, isOpen: round.isOpen(on: CalendarDay.today(in: timeZone, now: clock.now())),
            notice: notice, shownLink: shownLink,
            correctFields: QuestionView.fields(form.personQuestions, input: values, problems: problems),
            errors: ErrorLinkView.links(problems, form.personQuestions), csrfToken: presenter.csrfToken(context))
        return presenter.response(.roundPerson, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// The round and person in the URL; 404 unless the person is in that round.
    func roundPerson(_ context: AppRequestContext) async throws -> (SurveyRound, Questionnaire, Representative) {
        let (round, questionnaire) = try await round(context)
        guard let person = try await person(in: round, context) else { throw WebError.notFound }
        return (round, questionnaire, person)
    }

    func organisationName(_ id: String) -> String {
        catalog.partnership.organisations.first { $0.id == id }?.name ?? id
    }
}
