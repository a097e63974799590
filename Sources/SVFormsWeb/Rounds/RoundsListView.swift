import Mustache

/// Every round, newest first.
struct RoundsListView: PageView {
    var layout: LayoutView
    var rounds: [RoundSummaryView]
    /// Leads open rounds and their pages; viewers see the counts.
    var isLead: Bool
    /// Whether any questionnaire is answered by invitation.
    var canOpen: Bool

    func field(named name: String) -> Any? {
        switch name {
        case "rounds": rounds
        case "hasRounds": !rounds.isEmpty
        case "isLead": isLead
        case "canOpen": canOpen
        default: nil
        }
    }
}
