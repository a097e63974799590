import Mustache

/// The confirmation a representative may ask for when they submit: a reference to quote, what
/// happens next and who to ask. It carries no answers, as email can be forwarded or misaddressed.
struct ReceiptEmailView: MustacheParent {
    var subject: String
    var personName: String
    var formTitle: String
    var organisationName: String
    var submittedAt: String
    var reference: String
    var nextSteps: [String]
    var partnershipName: String
    var contact: ContactLines?

    func child(named name: String) -> Any? {
        switch name {
        case "subject": subject
        case "personName": personName
        case "formTitle": formTitle
        case "organisationName": organisationName
        case "submittedAt": submittedAt
        case "reference": reference
        case "nextSteps": nextSteps.isEmpty ? nil : nextSteps
        case "partnershipName": partnershipName
        case "contact": contact
        default: nil
        }
    }
}
