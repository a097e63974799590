import Mustache

/// A round's line in the list and on the dashboard.
struct RoundSummaryView: Sendable, MustacheParent {
    var id: Int64
    var name: String
    var formTitle: String
    var datesText: String
    var people: Int
    var invited: Int
    var started: Int
    var submitted: Int

    func child(named name: String) -> Any? {
        switch name {
        case "summaryHref": "/admin/rounds/\(id)"
        case "summaryName": self.name
        case "summaryFormTitle": formTitle
        case "summaryDates": datesText
        case "summaryPeople": people
        case "summaryInvited": invited
        case "summaryStarted": started
        case "summarySubmitted": submitted
        default: nil
        }
    }
}
