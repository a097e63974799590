import Mustache
import SVFormsCore

/// The confirmation page after a submission: the reference, what happens next, and who to ask.
struct ConfirmationView: PageView {
    var layout: LayoutView
    var reference: String
    var nextSteps: [String]
    var startHref: String
    /// Open links can be answered again; a personal invitation is answered once.
    var canStartAgain = true
    var partnershipName: String
    var contact: PartnershipContact?
    /// For a personal invitation: where a confirmation email goes if they asked for one.
    var receiptAddress: String?

    func field(named name: String) -> Any? {
        switch name {
        case "reference": reference
        // Every confirmation says what happens next, even when the questionnaire file does not.
        case "nextSteps": nextSteps.isEmpty ? ["The partnership reads every response and reports the results each quarter."] : nextSteps
        case "startHref": startHref
        case "canStartAgain": canStartAgain
        case "partnershipName": partnershipName
        case "contact": contact.map(PartnershipContactView.init)
        case "receiptAddress": receiptAddress
        default: nil
        }
    }
}

/// The partnership's contact on a page, with links that work from a phone.
struct PartnershipContactView: MustacheParent {
    let contact: PartnershipContact

    func child(named name: String) -> Any? {
        switch name {
        case "contactName": contact.name
        case "contactEmail": contact.email
        case "contactPhone": contact.phone
        case "contactTelHref": contact.phone.map(ContactView.telHref)
        default: nil
        }
    }
}
