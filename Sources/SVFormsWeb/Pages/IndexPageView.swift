import Mustache

/// The home page: the public questionnaires.
struct IndexPageView: PageView {
    var layout: LayoutView
    var partnershipName: String
    var forms: [FormLinkView]

    func field(named name: String) -> Any? {
        switch name {
        case "partnershipName": partnershipName
        case "forms": forms.isEmpty ? nil : forms
        default: nil
        }
    }
}
