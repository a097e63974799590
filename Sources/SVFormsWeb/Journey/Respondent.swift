import Foundation
import SVFormsCore
import SVFormsStore

/// The browser answering a form (or signing in), known only by its cookie.
struct Respondent: Sendable {
    var token: String
    /// The cookie has to be set on this response.
    var isNew: Bool
    var key: Data { RandomToken.hash(token) }
}
