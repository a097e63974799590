import Mustache

/// The notice a lead asked for when a role survey is submitted.
struct SubmissionEmailView: MustacheParent {
    public var subject: String
    public var formTitle: String
    public var submittedAt: String
    var organisationName: String?
    public var reference: String
    var dashboardLink: String
    var accountLink: String

    public func child(named name: String) -> Any? {
        switch name {
        case "subject": subject
        case "formTitle": formTitle
        case "submittedAt": submittedAt
        case "organisationName": organisationName
        case "reference": reference
        case "dashboardLink": dashboardLink
        case "accountLink": accountLink
        default: nil
        }
    }
}
