import Mustache

/// Invited, started and submitted in one round by organisation type and by organisation: the two
/// tables the round page and the dashboard share (`partials/engagement_tables`). Counts only.
struct EngagementTablesView: Sendable, MustacheParent {
    /// Names the round in the tables' captions.
    var title: String
    var byType: [EngagementRowView]
    var byOrganisation: [EngagementRowView]

    init(title: String, _ engagement: RoundEngagement) {
        self.title = title
        byType = engagement.byType.map { EngagementRowView(label: $0.type.label, $0.tally) }
        byOrganisation = engagement.byOrganisation.map { EngagementRowView(label: $0.organisation, $0.tally) }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "engagementTitle": title
        case "byType": byType
        case "byOrganisation": byOrganisation
        default: nil
        }
    }
}
