import Hummingbird
import SVFormsCore
import SVFormsStore

extension RespondentCookies {
    /// The respondent from the cookie, or a new one (the cookie is set when a page is shown).
    func respondent(_ request: Request) -> Respondent {
        if let token = token(in: request) { return Respondent(token: token, isNew: false) }
        return Respondent(token: RandomToken.generate(), isNew: true)
    }

    /// Sets the respondent cookie when it is new.
    func finish(_ response: Response, for respondent: Respondent) -> Response {
        guard respondent.isNew else { return response }
        var response = response
        response.setCookie(respondentCookie(respondent.token))
        return response
    }
}
