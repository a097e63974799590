import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/admin/meetings`: the attendance register behind measure 2.1.1.a. Leads record each board or
/// sub-group meeting, which member organisations attended, and the actions agreed.
struct MeetingsController: Sendable {
    let frameworkStore: FrameworkStore
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock
    let auditor: Auditor

    func addRoutes(to routes: SiteRouter) {
        routes.on(.meetings, use: list)
        routes.on(.meetingNew, use: newMeeting)
        routes.on(.meetingCreate, use: create)
        routes.on(.meeting, use: show)
        routes.on(.meetingUpdate, use: update)
        routes.on(.meetingDelete, use: delete)
        routes.on(.meetingAddAction, use: addAction)
        routes.on(.meetingActionStatus, use: setActionStatus)
    }

    var form: MeetingForm {
        MeetingForm(partnership: catalog.partnership, today: CalendarDay.today(in: catalog.partnership.timeZone, now: clock.now()))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let partnership = catalog.partnership
        let calendar = ReportingCalendar(partnership)
        let outstanding = try await frameworkStore.actions().filter(\.status.isOutstanding)
        let rows = try await frameworkStore.meetings().map { meeting in
            MeetingPageView.Row(
                meeting: meeting, bodyName: partnership.meetingBody(id: meeting.bodyID)?.name ?? meeting.bodyID,
                quarter: calendar.quarter(containing: meeting.heldOn).label,
                authorities: partnership.authorities.filter { meeting.attendees.contains($0.id) }.count,
                others: partnership.organisations.filter { $0.type == .other && meeting.attendees.contains($0.id) }.count,
                outstanding: outstanding.filter { $0.meetingID == meeting.id }.count)
        }
        let notice = Notice(request, on: .meetings)?.text
        var layout = presenter.adminLayout(title: "Meetings", context)
        layout.isWide = true
        let counting =
            "The specified and relevant authorities at one or more board meetings in a quarter count towards \(partnership.attendanceMeasureName)."
        let view = MeetingPageView(
            layout: layout, heading: "Meetings and attendance", attendanceCounting: counting, notice: notice, rows: rows,
            csrfToken: presenter.csrfToken(context))
        return presenter.response(.meetings, view)
    }

    @Sendable func newMeeting(_ request: Request, context: AppRequestContext) async throws -> Response {
        return newMeetingPage(context, input: FormInput(), problems: [])
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        switch form.readMeeting(input) {
        case .failure(let problems):
            return newMeetingPage(context, input: input, problems: problems.list)
        case .success(let draft):
            let id = try await frameworkStore.createMeeting(draft, by: account.email, at: clock.now())
            return Notice.meeting(.recorded).redirect(to: SiteRoute.meeting.path(id))
        }
    }

    private func newMeetingPage(_ context: AppRequestContext, input: FormInput, problems: [FieldProblem]) -> Response {
        let questions = form.meetingQuestions
        let view = SimpleFormView(
            layout: presenter.adminLayout(title: "Record a meeting", context, hasErrors: !problems.isEmpty), heading: "Record a meeting",
            intro: ["Record who attended as soon as you can after the meeting. You can add actions on the next page."],
            fields: QuestionView.fields(questions, input: input, problems: problems), errors: ErrorLinkView.links(problems, questions),
            actionHref: SiteRoute.meetingCreate.path(), csrfToken: presenter.csrfToken(context), buttonText: "Record the meeting")
        return presenter.response(.simpleForm, view, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let meeting = try await meeting(context)
        let notice = Notice(request, on: .meeting)?.text
        return try await meetingPage(meeting, context, notice: notice)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        // The anti-forgery check comes first, so a forged post learns nothing, not even whether the meeting exists.
        let input = try context.postedForm()
        let meeting = try await meeting(context)
        switch form.readMeeting(input) {
        case .failure(let problems):
            return try await meetingPage(meeting, context, input: input, problems: problems.list)
        case .success(let draft):
            guard try await frameworkStore.updateMeeting(meeting.id, draft, by: account.email, at: clock.now()) else {
                throw WebError.notFound
            }
            return Notice.meeting(.saved).redirect(to: SiteRoute.meeting.path(meeting.id))
        }
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.postedForm()
        let meeting = try await meeting(context)
        guard try await frameworkStore.deleteMeeting(meeting.id) != nil else { throw WebError.notFound }
        try await auditor.audit("meeting.delete", subject: "\(meeting.bodyID) \(meeting.heldOn)", request, context)
        return Notice.meeting(.deleted).redirect(to: SiteRoute.meetings.path())
    }

    /// The meeting in the URL; 404 for anything else.
    func meeting(_ context: AppRequestContext) async throws -> Meeting {
        guard let id = context.parameters.get("meeting").flatMap(Int64.init), let meeting = try await frameworkStore.meeting(id: id)
        else { throw WebError.notFound }
        return meeting
    }
}
