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
    /// Those awaited who were not reminded in the last day: whom "remind" would write to.
    var remindable: Int
    var isOpen: Bool
    /// Open, or not open yet: it can still be closed early.
    var canClose: Bool
    var datesFields: [QuestionView]
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
        case "notInvited": notInvited.formatted()
        case "canInvite": notInvited > 0 && isOpen
        case "awaiting": awaiting.formatted()
        case "remindable": remindable.formatted()
        case "canRemind": remindable > 0 && isOpen
        case "allRemindedRecently": awaiting > 0 && remindable == 0 && isOpen
        case "isOpen": isOpen
        case "canClose": canClose
        case "datesFields": datesFields
        case "closeHref": SiteRoute.roundClose.path(roundID)
        case "closingDateHref": SiteRoute.roundClosingDate.path(roundID)
        case "peopleCSV": SiteRoute.roundPeopleDownload.path(roundID, "people.csv")
        case "peopleXLSX": SiteRoute.roundPeopleDownload.path(roundID, "people.xlsx")
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
