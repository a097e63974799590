import Mustache

/// Invited, started and submitted for one organisation or organisation type.
struct EngagementRowView: Sendable, MustacheParent {
    var label: String
    var people: Int
    var invited: Int
    var started: Int
    var submitted: Int

    init(label: String, _ tally: RoundEngagement.Tally) {
        self.label = label
        people = tally.people
        invited = tally.invited
        started = tally.started
        submitted = tally.submitted
    }

    func child(named name: String) -> Any? {
        switch name {
        case "engagementLabel": label
        case "engagementPeople": people
        case "engagementInvited": invited
        case "engagementStarted": started
        case "engagementSubmitted": submitted
        case "engagementRate": invited == 0 ? "–" : FigureRowView.percent(100 * Double(submitted) / Double(invited))
        default: nil
        }
    }
}
