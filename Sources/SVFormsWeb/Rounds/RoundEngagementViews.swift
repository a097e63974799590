import SVFormsCore
import SVFormsStore

/// A round's figures as the round list, the round page and the dashboard show them.
struct RoundEngagementViews: Sendable {
    let roundStore: RoundStore
    let catalog: FormCatalog

    /// A round's totals (for lists) and its engagement tables (for the round page and dashboard).
    func roundEngagement(_ round: SurveyRound) async throws -> (RoundSummaryView, EngagementTablesView) {
        roundEngagement(round, people: try await roundStore.representatives(roundID: round.id))
    }

    /// The same, for people already loaded.
    func roundEngagement(_ round: SurveyRound, people: [Representative]) -> (RoundSummaryView, EngagementTablesView) {
        let engagement = RoundEngagement(people, partnership: catalog.partnership)
        let formTitle = catalog.questionnaire(id: round.formID)?.title ?? round.formID
        return (RoundSummaryView(round, formTitle: formTitle, engagement: engagement), EngagementTablesView(title: round.name, engagement))
    }
}
