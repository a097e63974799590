import Foundation

/// The browser answering a form, known only by its cookie.
struct Respondent: Sendable {
    var token: String
    /// The cookie has to be set on this response.
    var isNew: Bool
    var key: Data { RespondentCookies.respondentKey(for: token) }
}
