import Mustache

/// The signed-in home page: what has come in, and every measure, per questionnaire.
struct DashboardView: PageView {
    var layout: LayoutView
    /// The quarters the breakdowns can be shown for, newest first.
    var quarterOptions: [QuarterOptionView]
    var forms: [DashboardFormView]
    var rounds: [RoundEngagementView] = []
    var voices: [VoiceSectionView] = []
    /// Failed emails, shown to admins so a broken mail setting is not missed.
    var failedMail = 0

    func field(named name: String) -> Any? {
        switch name {
        case "rounds": rounds
        case "hasRounds": !rounds.isEmpty
        case "hasQuarterOptions": !quarterOptions.isEmpty
        case "quarterOptions": quarterOptions
        case "forms": forms
        case "voices": voices
        case "failedMailText":
            failedMail == 0 ? nil : failedMail == 1 ? "1 email could not be delivered." : "\(failedMail) emails could not be delivered."
        default: nil
        }
    }
}
