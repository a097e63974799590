import Mustache
import SVFormsCore

/// The attendance register: every meeting (`/admin/meetings`), or one meeting with its actions.
struct MeetingPageView: PageView {
    /// A meeting in the list.
    struct Row: Sendable, MustacheParent {
        var meeting: Meeting
        var bodyName: String
        var quarter: String
        var authorities: Int
        var others: Int
        var outstanding: Int

        func child(named name: String) -> Any? {
            switch name {
            case "href": SiteRoute.meeting.path(meeting.id)
            case "dateText": meeting.heldOn.longDescription
            case "bodyName": bodyName
            case "quarter": quarter
            case "authorities": authorities
            case "others": others
            case "outstanding": outstanding
            default: nil
            }
        }
    }

    /// An action of the meeting shown, with a form to change its status.
    struct ActionRow: Sendable, MustacheParent {
        var action: MeetingAction
        var owner: String
        var href: String

        func child(named name: String) -> Any? {
            switch name {
            case "actionID": action.id
            case "actionText": action.description
            case "owner": owner
            case "dueText": action.dueOn?.longDescription ?? "No due date"
            case "statusHref": href
            case "statuses": MeetingAction.Status.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0 == action.status] }
            default: nil
            }
        }
    }

    var layout: LayoutView
    var heading: String
    /// What board attendance counts towards, for the list's introduction.
    var attendanceCounting: String = ""
    var notice: String?
    var rows: [Row] = []
    /// One meeting's page: its summary, the form to change it, its actions and the form to add one.
    var meetingID: Int64?
    var summary: [String] = []
    var fields: [QuestionView] = []
    var actions: [ActionRow] = []
    var actionFields: [QuestionView] = []
    var errors: [ErrorLinkView] = []
    var csrfToken: String

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "attendanceCounting": attendanceCounting
        case "notice": notice
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "isMeeting": meetingID != nil
        case "summary": summary
        case "fields": fields
        case "actions": actions
        case "hasActions": !actions.isEmpty
        case "actionFields": actionFields
        case "hasErrors": !errors.isEmpty
        case "errors": errors
        case "csrfToken": csrfToken
        case "updateHref": meetingID.map { SiteRoute.meetingUpdate.path($0) }
        case "deleteHref": meetingID.map { SiteRoute.meetingDelete.path($0) }
        case "addActionHref": meetingID.map { SiteRoute.meetingAddAction.path($0) }
        default: nil
        }
    }
}
