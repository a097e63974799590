import Foundation
import SVFormsCore
import SVFormsStore

/// The forms of the attendance register: a meeting (date, body, who attended, a note) and an
/// action. Made of ordinary questions, so they are validated and shown like any questionnaire page.
struct MeetingForm {
    let partnership: Partnership
    let today: CalendarDay

    /// Reports start in 2000 (`ReportingQuarter.earliestYear`): an earlier meeting could never be reported.
    static let earliestDay = CalendarDay(year: ReportingQuarter.earliestYear, month: 1, day: 1)!

    var meetingQuestions: [Question] {
        [
            Question(
                id: "held-on", label: "Date of the meeting", hint: "For example, 12 5 2026",
                errorMessage: "Enter the date of the meeting", kind: .date(DateLimits(min: .day(Self.earliestDay), max: .today))),
            Question(
                id: "body", label: "Which meeting was it?", hint: "Only board meetings count towards \(partnership.attendanceMeasureName).",
                errorMessage: "Select which meeting it was",
                kind: .singleChoice(partnership.meetingBodies.map { Choice(value: $0.id, label: $0.name) })),
            Question(
                id: "attended", label: "Which member organisations attended?",
                hint: "Select every organisation that was represented. Record organisations only, never people’s names.",
                errorMessage: "Select the organisations that attended",
                kind: .multipleChoice(
                    partnership.organisations.map { Choice(value: $0.id, label: "\($0.name) (\(Self.standing($0.type)))") }, SelectionLimits())),
            Question(
                id: "note", label: "Note (optional)", hint: "For example, the main items discussed. Do not name people.",
                isOptional: true, kind: .longText(TextLimits(maxLength: 2000))),
        ]
    }

    var actionQuestions: [Question] {
        [
            Question(
                id: "description", label: "Action", hint: "What was agreed, in a sentence or two. Do not name people.",
                errorMessage: "Enter the action", kind: .longText(TextLimits(maxLength: 1000))),
            Question(
                id: "owner", label: "Which organisation owns it?", errorMessage: "Select the organisation that owns the action",
                kind: .singleChoice(partnership.organisations.map { Choice(value: $0.id, label: $0.name) })),
            Question(id: "due-on", label: "Due date (optional)", hint: "For example, 30 6 2026", isOptional: true, kind: .date(DateLimits())),
            Question(
                id: "status", label: "Status", errorMessage: "Select the action’s status",
                kind: .singleChoice(MeetingAction.Status.allCases.map { Choice(value: $0.rawValue, label: $0.label) })),
        ]
    }

    static func standing(_ type: OrganisationType) -> String {
        switch type {
        case .specified: "specified authority"
        case .relevant: "relevant authority"
        case .other: "not counted"
        }
    }

    /// A stored meeting as the form shows it, for changing it.
    func input(for meeting: Meeting) -> FormInput {
        FormInput.prefilled(
            from: [
                "held-on": [meeting.heldOn.description], "body": [meeting.bodyID], "attended": meeting.attendees.sorted(),
                "note": meeting.note.isEmpty ? nil : [meeting.note],
            ].compactMapValues { $0 },
            for: meetingQuestions)
    }

    var newActionInput: FormInput { FormInput.prefilled(from: ["status": [MeetingAction.Status.open.rawValue]], for: actionQuestions) }

    func readMeeting(_ input: FormInput) -> Result<MeetingDraft, FieldProblems> {
        let result = validate(meetingQuestions, input)
        guard result.problems.isEmpty, let day = result.answers["held-on"]?.first.flatMap(CalendarDay.init(iso:)),
            let body = result.answers["body"]?.first
        else { return .failure(FieldProblems(list: result.problems)) }
        return .success(
            MeetingDraft(
                bodyID: body, heldOn: day, attendees: Set(result.answers["attended"] ?? []), note: result.answers["note"]?.first ?? ""))
    }

    func readAction(_ input: FormInput) -> Result<ActionDraft, FieldProblems> {
        let result = validate(actionQuestions, input)
        guard result.problems.isEmpty, let text = result.answers["description"]?.first, let owner = result.answers["owner"]?.first,
            let status = result.answers["status"]?.first.flatMap(MeetingAction.Status.init(rawValue:))
        else { return .failure(FieldProblems(list: result.problems)) }
        return .success(
            ActionDraft(
                description: text, ownerID: owner, dueOn: result.answers["due-on"]?.first.flatMap(CalendarDay.init(iso:)), status: status))
    }

    private func validate(_ questions: [Question], _ input: FormInput) -> PageValidator.Result {
        PageValidator(context: ValidationContext(today: today)).validate(questions, input: input)
    }
}
