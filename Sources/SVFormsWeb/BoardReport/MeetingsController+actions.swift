import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension MeetingsController {
    @Sendable func addAction(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        // The anti-forgery check comes first, so a forged post learns nothing, not even whether the meeting exists.
        let input = try context.postedForm()
        let meeting = try await meeting(context)
        switch form.readAction(input) {
        case .failure(let problems):
            return try await meetingPage(meeting, context, actionInput: input, problems: problems.list)
        case .success(let draft):
            guard try await frameworkStore.addAction(draft, to: meeting.id, by: account.email, at: clock.now()) != nil
            else { throw WebError.notFound }
            return Notice.meeting(.actionAdded).redirect(to: SiteRoute.meeting.path(meeting.id), fragment: "actions")
        }
    }

    @Sendable func setActionStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        // The anti-forgery check comes first, so a forged post learns nothing, not even whether the meeting exists.
        let input = try context.postedForm()
        let meeting = try await meeting(context)
        guard let id = context.parameters.get("action").flatMap(Int64.init) else { throw WebError.notFound }
        guard let status = input.value("status").flatMap(MeetingAction.Status.init(rawValue:)) else { throw WebError.badRequest }
        guard try await frameworkStore.setActionStatus(id, of: meeting.id, to: status, by: account.email, at: clock.now())
        else { throw WebError.notFound }
        return Notice.meeting(.actionUpdated).redirect(to: SiteRoute.meeting.path(meeting.id), fragment: "actions")
    }

    /// One meeting: what was recorded, the form to change it, its actions and the form to add one.
    func meetingPage(
        _ meeting: Meeting, _ context: AppRequestContext, notice: String? = nil, input: FormInput? = nil,
        actionInput: FormInput? = nil, problems: [FieldProblem] = []
    ) async throws -> Response {
        let partnership = catalog.partnership
        let bodyName = partnership.meetingBody(id: meeting.bodyID)?.name ?? meeting.bodyID
        let attended = partnership.organisations.filter { meeting.attendees.contains($0.id) }
        let actions = try await frameworkStore.actions(meetingID: meeting.id).map {
            MeetingPageView.ActionRow(
                action: $0, owner: partnership.organisation(id: $0.ownerID)?.name ?? $0.ownerID,
                href: SiteRoute.meetingActionStatus.path(meeting.id, $0.id))
        }
        let heading = "\(bodyName), \(meeting.heldOn.longDescription)"
        let questions = form.meetingQuestions + form.actionQuestions
        let view = MeetingPageView(
            layout: presenter.adminLayout(title: heading, context, hasErrors: !problems.isEmpty), heading: heading, notice: notice,
            meetingID: meeting.id,
            summary: [
                "\(attended.filter { $0.type != .other }.count) specified or relevant authorities and \(attended.filter { $0.type == .other }.count) other organisations attended.",
                meeting.bodyID == MeetingBody.boardID
                    ? "A board meeting: its authorities count towards \(partnership.attendanceMeasureName) for \(ReportingCalendar(partnership).quarter(containing: meeting.heldOn).label)."
                    : "A sub-group meeting: recorded, but not counted towards \(partnership.attendanceMeasureName).",
            ] + (meeting.note.isEmpty ? [] : ["Note: \(meeting.note)"]),
            fields: QuestionView.fields(form.meetingQuestions, input: input ?? form.input(for: meeting), problems: problems),
            actions: actions,
            actionFields: QuestionView.fields(form.actionQuestions, input: actionInput ?? form.newActionInput, problems: problems),
            errors: ErrorLinkView.links(problems, questions), csrfToken: presenter.csrfToken(context))
        return presenter.response(.meeting, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
