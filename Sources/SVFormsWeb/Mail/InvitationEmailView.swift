import Mustache

/// An invitation or reminder to answer a round.
struct InvitationEmailView: MustacheParent {
    var subject: String
    var personName: String
    var partnershipName: String
    var formTitle: String
    var organisationName: String
    var estimatedMinutes: Int?
    var closesOn: String
    var link: String
    var isReminder: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "subject": subject
        case "personName": personName
        case "partnershipName": partnershipName
        case "formTitle": formTitle
        case "organisationName": organisationName
        case "estimatedMinutes": estimatedMinutes
        case "closesOn": closesOn
        case "link": link
        case "isReminder": isReminder
        default: nil
        }
    }
}
