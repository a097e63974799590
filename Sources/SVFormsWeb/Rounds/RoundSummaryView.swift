import Mustache
import SVFormsStore

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

    init(_ round: SurveyRound, formTitle: String, engagement: RoundEngagement) {
        id = round.id
        name = round.name
        self.formTitle = formTitle
        datesText = Self.dates(round)
        people = engagement.total.people
        invited = engagement.total.invited
        started = engagement.total.started
        submitted = engagement.total.submitted
    }

    /// "1 June 2025 to 30 June 2025".
    static func dates(_ round: SurveyRound) -> String {
        "\(round.opensOn.longDescription) to \(round.closesOn.longDescription)"
    }

    func child(named name: String) -> Any? {
        switch name {
        case "summaryHref": SiteRoute.round.path(id)
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
