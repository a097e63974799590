import Hummingbird
import SVFormsStore
import SVFormsCore

extension Site {
    /// The respondent from the cookie, or a new one (the cookie is set when a page is shown).
    func respondent(_ request: Request) -> Respondent {
        if let token = cookies.token(in: request) { return Respondent(token: token, isNew: false) }
        return Respondent(token: RandomToken.generate(), isNew: true)
    }

    /// The respondent of a form post, which must carry the cookie and a matching anti-forgery token.
    func verifiedRespondent(_ request: Request, input: FormInput) throws(WebError) -> Respondent {
        guard let token = cookies.token(in: request), antiForgery.isValid(AntiForgery.submittedToken(in: input), for: token) else {
            throw .formExpired
        }
        return Respondent(token: token, isNew: false)
    }

    /// Sets the respondent cookie when it is new.
    func finish(_ response: Response, for respondent: Respondent) -> Response {
        guard respondent.isNew else { return response }
        var response = response
        response.setCookie(cookies.respondentCookie(respondent.token))
        return response
    }
}
