import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension RoundsController {
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        let notice = Notice(request, on: .round)?.text
        let closed =
            request.uri.queryParameters["closed"] != nil
            ? "The round is not open, so no emails were sent: personal links only work while it is open." : nil
        let skipped = request.uri.queryParameters["skipped"].flatMap { Int(String($0)) }.flatMap(Self.skippedWarning)
        return try await roundPage(round, questionnaire, context, notice: notice, warning: closed ?? skipped)
    }

    @Sendable func addPerson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        let input = try context.postedForm()
        let form = peopleForm(questionnaire)
        let result = form.list.entry(
            name: input.trimmed("name"), email: input.trimmed("email"),
            organisation: input.value("organisation") ?? "")
        switch result {
        case .failure(let problem):
            let problems = [FieldProblem(questionID: problem.field, message: Self.sentence(problem.message))]
            return try await roundPage(round, questionnaire, context, addInput: input, problems: problems)
        case .success(let entry):
            return try await add([entry], to: round, questionnaire, context, problemField: "email", input: input, notice: .added)
        }
    }

    @Sendable func importPeople(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        let input = try context.postedForm()
        // A file chosen wins over the text box; either way the same checks apply.
        let text = input.value("file") ?? input.value("csv") ?? ""
        switch peopleForm(questionnaire).list.parse(csv: text) {
        case .failure(let problems):
            let fieldProblems = problems.list.map { FieldProblem(questionID: "csv", message: $0.description) }
            return try await roundPage(round, questionnaire, context, importInput: input, problems: fieldProblems)
        case .success(let entries):
            return try await add(entries, to: round, questionnaire, context, problemField: "csv", input: input, notice: .imported)
        }
    }

    @Sendable func removePerson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (round, questionnaire) = try await round(context)
        let input = try context.postedForm()
        guard let person = try await person(in: round, context), person.submittedAt == nil else { throw WebError.notFound }
        guard input.isConfirmed else {
            let view = ConfirmActionView(
                layout: presenter.adminLayout(title: "Remove \(person.name)", context),
                heading: "Are you sure you want to remove \(person.name) from \(round.name)?",
                consequences: [
                    "\(person.name) (\(person.email)) will no longer be asked to answer, and every link they were sent will stop working.",
                    person.hasStarted
                        ? "The answers they have saved but not submitted will be deleted. This cannot be undone."
                        : "They have not saved any answers yet.",
                ],
                actionHref: SiteRoute.roundRemovePerson.path(round.id, person.id), csrfToken: presenter.csrfToken(context),
                buttonText: "Remove \(person.name)", cancelHref: SiteRoute.roundPerson.path(round.id, person.id))
            return presenter.response(.confirmAction, view)
        }
        guard let removed = try await roundStore.removeRepresentative(person.id, from: round.id) else { throw WebError.notFound }
        try await auditor.audit("round.remove-person", subject: "\(removed.email) from \(round.name) (\(questionnaire.id))", request, context)
        return Notice.people(.removed, count: 1).redirect(to: SiteRoute.round.path(round.id))
    }

    /// Adds people, all or none; someone already in the round is reported and nothing is added.
    private func add(
        _ entries: [RepresentativeList.Entry], to round: SurveyRound, _ questionnaire: Questionnaire, _ context: AppRequestContext,
        problemField: String, input: FormInput, notice: Notice.PeopleChange
    ) async throws -> Response {
        do {
            try await roundStore.addRepresentatives(
                entries.map { NewRepresentative(name: $0.name, email: $0.email, organisationID: $0.organisationID) }, to: round.id)
        } catch RoundError.alreadyInRound(let email) {
            let problem = FieldProblem(questionID: problemField, message: "\(email) is already in this round; nobody was added")
            return problemField == "csv"
                ? try await roundPage(round, questionnaire, context, importInput: input, problems: [problem])
                : try await roundPage(round, questionnaire, context, addInput: input, problems: [problem])
        }
        return Notice.people(notice, count: entries.count).redirect(to: SiteRoute.round.path(round.id))
    }

    /// The person in the URL, if they are in `round`.
    func person(in round: SurveyRound, _ context: AppRequestContext) async throws -> Representative? {
        guard let id = context.parameters.get("person").flatMap(Int64.init) else { return nil }
        return try await roundStore.representative(id, in: round.id)
    }

    /// The round in the URL and its questionnaire; 404 for anything else.
    func round(_ context: AppRequestContext) async throws -> (SurveyRound, Questionnaire) {
        guard let id = context.parameters.get("round").flatMap(Int64.init), let round = try await roundStore.round(id: id),
            let questionnaire = catalog.questionnaire(id: round.formID)
        else { throw WebError.notFound }
        return (round, questionnaire)
    }

    func peopleForm(_ questionnaire: Questionnaire) -> RoundPeopleForm {
        RoundPeopleForm(
            organisations: questionnaire.organisationQuestion?.kind.choices
                ?? catalog.partnership.organisations.map { Choice(value: $0.id, label: $0.name) })
    }

    /// The people a mailing left out because their email could not be written.
    static func skippedWarning(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        let people = count == 1 ? "1 person" : "\(count) people"
        return "\(people) could not be emailed (see the server log) and \(count == 1 ? "is" : "are") shown as before; check their details."
    }

    /// "enter the person's name" → "Enter the person's name".
    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }
}
