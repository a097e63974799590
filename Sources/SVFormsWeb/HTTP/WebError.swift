import Hummingbird
import SVFormsCore

/// The errors the web layer answers with a page of their own (rendered by `ErrorPageMiddleware`).
/// The domain and storage layers never throw these.
enum WebError: Error, HTTPResponseError {
    case notFound
    /// The request itself is malformed (bad encoding, far too many fields).
    case badRequest
    /// The form's anti-forgery token is missing or wrong, or the respondent cookie is gone.
    case formExpired
    /// Signed in, but the role does not allow this page.
    case notPermitted
    /// Too many attempts; try again after this many seconds.
    case tooManyAttempts(retryAfter: Int)
    /// Too many public forms sent from one client address; try again after this many seconds.
    case tooManySubmissions(retryAfter: Int)
    /// A round's personal link used before the round opens.
    case roundNotOpenYet(opensOn: CalendarDay)
    /// A round's personal link used after the round closed.
    case roundClosed(closedOn: CalendarDay)

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .formExpired, .notPermitted: .forbidden
        case .tooManyAttempts, .tooManySubmissions: .tooManyRequests
        case .roundNotOpenYet: .forbidden
        case .roundClosed: .gone
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status)
    }
}
