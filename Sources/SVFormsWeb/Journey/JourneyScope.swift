import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// Who is answering a questionnaire and where their pages live: an open link (`/f/{form}`, the
/// browser known by its cookie) or a personal invitation (`/i/{token}`, the person known by the link).
struct JourneyScope: Sendable {
    /// A representative answering a round through their personal link.
    struct Invitation: Sendable {
        var round: SurveyRound
        var representative: Representative
    }

    let questionnaire: Questionnaire
    /// `/f/community-voice` or `/i/{token}`: every page of the journey is under it.
    let basePath: String
    /// Whose draft: the hash of the browser's cookie token, or the representative's draft key.
    let draftKey: Data
    /// What the anti-forgery token is derived from: the cookie token, or the invitation token.
    let antiForgeryBasis: String
    /// The browser's respondent cookie, set or renewed on open-link pages (nil for invitations).
    let cookieToken: String?
    /// True when the browser had no cookie: it has no draft yet, and the cookie must be set.
    let isNewBrowser: Bool
    let invitation: Invitation?

    /// An open link, for the browser that sent `request`.
    static func openLink(_ questionnaire: Questionnaire, _ request: Request, cookies: RespondentCookies) -> JourneyScope {
        let respondent = cookies.respondent(request)
        return JourneyScope(
            questionnaire: questionnaire, basePath: SiteRoute.formStart.path(questionnaire.id), draftKey: respondent.key,
            antiForgeryBasis: respondent.token, cookieToken: respondent.token, isNewBrowser: respondent.isNew, invitation: nil)
    }

    /// A personal invitation, for the link's `token`.
    static func invitation(_ questionnaire: Questionnaire, token: String, round: SurveyRound, representative: Representative) -> JourneyScope {
        JourneyScope(
            questionnaire: questionnaire, basePath: SiteRoute.invitationStart.path(token), draftKey: representative.draftKey,
            antiForgeryBasis: token, cookieToken: nil, isNewBrowser: false,
            invitation: Invitation(round: round, representative: representative))
    }

    func page(_ pageID: String, returningToCheck: Bool = false) -> String {
        "\(basePath)/\(pageID)" + (returningToCheck ? "?from=check" : "")
    }

    var check: String { "\(basePath)/check" }
    var submit: String { "\(basePath)/submit" }
    var confirmation: String { "\(basePath)/confirmation" }

    func destination(_ destination: Journey.Destination, returningToCheck: Bool = false) -> String {
        switch destination {
        case .page(let pageID): page(pageID, returningToCheck: returningToCheck)
        case .checkAnswers: check
        }
    }
}
