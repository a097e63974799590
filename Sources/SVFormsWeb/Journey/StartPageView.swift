import Mustache

/// A questionnaire's start page.
struct StartPageView: PageView {
    var layout: LayoutView
    var title: String
    var description: [String]
    var privacy: [String]
    var estimatedMinutes: Int?
    var startHref: String
    /// Set when this browser has answers in progress.
    var resumeHref: String?

    func field(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "privacy": privacy.isEmpty ? nil : privacy
        case "estimatedMinutes": estimatedMinutes
        case "startHref": startHref
        case "resumeHref": resumeHref
        default: nil
        }
    }
}
