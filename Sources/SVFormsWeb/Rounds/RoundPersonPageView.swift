import Foundation
import Mustache
import SVFormsStore

/// One person in a round: where they have got to, what they were sent, and what a lead can do for them
/// (send again, remind, show their link, correct their details, remove them).
struct RoundPersonPageView: PageView {
    var layout: LayoutView
    var round: SurveyRound
    var person: Representative
    var organisation: String
    var status: String
    var timeZone: TimeZone
    var isOpen: Bool
    var notice: String?
    var warning: String?
    /// A personal link minted on request: shown on this response only.
    var shownLink: String?
    var correctFields: [QuestionView]
    var errors: [ErrorLinkView]
    var csrfToken: String

    var remindersText: String {
        guard let last = person.remindedAt else { return "None yet" }
        let times = person.reminderCount == 1 ? "1 reminder" : "\(person.reminderCount.formatted()) reminders"
        return "\(times), the last on \(DisplayTime.string(last, timeZone))"
    }

    func field(named name: String) -> Any? {
        let canAct = person.submittedAt == nil
        return switch name {
        case "roundName": round.name
        case "personName": person.name
        case "personEmail": person.email
        case "personOrganisation": organisation
        case "personStatus": status
        case "invitedText": person.invitedAt.map { DisplayTime.string($0, timeZone) } ?? "Not yet"
        case "remindersText": remindersText
        case "notice": notice
        case "warning": warning
        case "shownLink": shownLink
        case "canAct": canAct
        case "canSend": canAct && isOpen
        case "wasInvited": person.invitedAt != nil
        case "canRemind": canAct && isOpen && person.invitedAt != nil
        case "correctFields": correctFields
        case "hasErrors": !errors.isEmpty
        case "errors": errors
        case "csrfToken": csrfToken
        case "roundHref": SiteRoute.round.path(round.id)
        case "correctHref": SiteRoute.roundPersonCorrect.path(round.id, person.id)
        case "invitationHref": SiteRoute.roundPersonInvitation.path(round.id, person.id)
        case "reminderHref": SiteRoute.roundPersonReminder.path(round.id, person.id)
        case "linkHref": SiteRoute.roundPersonLink.path(round.id, person.id)
        case "removeHref": SiteRoute.roundRemovePerson.path(round.id, person.id)
        default: nil
        }
    }
}
