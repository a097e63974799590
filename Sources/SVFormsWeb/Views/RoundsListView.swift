import Mustache

/// Every round, newest first.
struct RoundsListView: PageView {
    var layout: LayoutView
    var rounds: [RoundSummaryView]
    var canOpen: Bool

    func field(named name: String) -> Any? {
        switch name {
        case "rounds": rounds
        case "hasRounds": !rounds.isEmpty
        case "canOpen": canOpen
        default: nil
        }
    }
}
