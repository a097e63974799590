import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension FormController {
    /// The respondent from the cookie, or a new one (the cookie is set when a page is shown).
    func respondent(_ request: Request) -> Respondent {
        if let token = site.cookies.token(in: request) { return Respondent(token: token, isNew: false) }
        return Respondent(token: RespondentCookies.newToken(), isNew: true)
    }

    /// The respondent of a form post, which must carry the cookie and a matching anti-forgery token.
    func verifiedRespondent(_ request: Request, input: FormInput) throws(WebError) -> Respondent {
        guard let token = site.cookies.token(in: request), site.cookies.isValidCSRF(input.value(Self.csrfField), for: token) else {
            throw .formExpired
        }
        return Respondent(token: token, isNew: false)
    }

    static let csrfField = "_csrf"

    func draft(_ respondent: Respondent, _ questionnaire: Questionnaire) async throws -> Draft {
        guard !respondent.isNew else { return Draft() }
        return try await site.database.draft(respondentKey: respondent.key, formID: questionnaire.id)?.draft ?? Draft()
    }

    /// Sets the respondent cookie when it is new.
    func finish(_ response: Response, for respondent: Respondent) -> Response {
        guard respondent.isNew else { return response }
        var response = response
        response.setCookie(site.cookies.respondentCookie(respondent.token))
        return response
    }
}
