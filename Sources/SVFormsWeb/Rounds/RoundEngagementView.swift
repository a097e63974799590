import Mustache

/// A round on the dashboard: its totals, and invited / started / submitted by organisation type and organisation.
struct RoundEngagementView: Sendable, MustacheParent {
    var summary: RoundSummaryView
    var tables: EngagementTablesView
    /// Leads may open the round page (it names people); viewers see the counts only.
    var canOpen: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "engagement": tables
        case "canOpen": canOpen
        default: summary.child(named: name)
        }
    }
}
