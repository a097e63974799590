import Mustache
import SVFormsCore

/// An invitation or reminder to answer a round.
struct InvitationEmailView: MustacheParent {
    public var subject: String
    public var personName: String
    public var partnershipName: String
    public var formTitle: String
    var organisationName: String
    public var estimatedMinutes: Int?
    public var closesOn: String
    public var link: String
    public var isReminder: Bool
    var roundName: String
    var contact: PartnershipContact?

    public func child(named name: String) -> Any? {
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
        case "roundName": roundName
        case "contact": contact.map { ContactLines(contact: $0) }
        default: nil
        }
    }
}
