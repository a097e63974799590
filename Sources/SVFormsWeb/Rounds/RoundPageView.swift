import Mustache

/// One round: who was asked, how far each has got, and the forms to add people and send mail.
struct RoundPageView: PageView {
    var layout: LayoutView
    var roundID: Int64
    var name: String
    var formTitle: String
    var datesText: String
    var statusText: String
    var notice: String?
    /// Something that did not happen as asked (the round is closed; someone could not be emailed).
    var warning: String?
    var people: [PersonRowView]
    var engagement: EngagementTablesView
    var notInvited: Int
    var awaiting: Int
    var isOpen: Bool
    var addFields: [QuestionView]
    var importFields: [QuestionView]
    var errors: [ErrorLinkView]
    var csrfToken: String

    func field(named name: String) -> Any? {
        switch name {
        case "roundName": self.name
        case "roundFormTitle": formTitle
        case "datesText": datesText
        case "statusText": statusText
        case "notice": notice
        case "warning": warning
        case "people": people
        case "hasPeople": !people.isEmpty
        case "engagement": engagement
        case "notInvited": notInvited
        case "canInvite": notInvited > 0 && isOpen
        case "awaiting": awaiting
        case "canRemind": awaiting > 0 && isOpen
        case "addFields": addFields
        case "importFields": importFields
        case "hasErrors": !errors.isEmpty
        case "errors": errors
        case "csrfToken": csrfToken
        case "addHref": SiteRoute.roundAddPerson.path(roundID)
        case "importHref": SiteRoute.roundImport.path(roundID)
        case "inviteHref": SiteRoute.roundInvitations.path(roundID)
        case "remindHref": SiteRoute.roundReminders.path(roundID)
        default: nil
        }
    }
}
