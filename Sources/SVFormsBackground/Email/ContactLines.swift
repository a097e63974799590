import Mustache
import SVFormsCore

/// The partnership's contact as an email names it.
struct ContactLines: MustacheParent {
    let contact: PartnershipContact

    func child(named name: String) -> Any? {
        switch name {
        case "contactName": contact.name
        case "contactEmail": contact.email
        case "contactPhone": contact.phone
        case "contactSentence": contact.sentence
        default: nil
        }
    }
}
