import Foundation
import Hummingbird

/// Refuses a form post that a browser says came from another site, before any handler reads it.
/// The anti-forgery token already stops forged posts; this second lock also holds where a token
/// could leak, and costs nothing for the site's own pages (same-origin posts, or old browsers
/// that send neither header).
struct SameOriginMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// `scheme://host[:port]` of SVFORMS_BASE_URL; nil in development without one, where the page's
    /// own address (the Host header) is the origin.
    let publicOrigin: String?

    init(configuration: AppConfiguration) {
        publicOrigin = configuration.baseURL.flatMap(URL.init(string:)).flatMap { url in
            guard let scheme = url.scheme, let host = url.host else { return nil }
            // A browser leaves the scheme's default port out of Origin.
            let defaultPort = scheme.lowercased() == "https" ? 443 : 80
            let port = url.port.flatMap { $0 == defaultPort ? nil : ":\($0)" } ?? ""
            return "\(scheme)://\(host)\(port)"
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head || isSameOrigin(request) else { throw WebError.formExpired }
        return try await next(request, context)
    }

    private func isSameOrigin(_ request: Request) -> Bool {
        // Where the browser says, that settles it: on a page with `Referrer-Policy: no-referrer`
        // (personal links) its own posts carry `Origin: null`, but still `Sec-Fetch-Site: same-origin`.
        if let site = request.headers[.secFetchSite] { return site == "same-origin" || site == "none" }
        guard let origin = request.headers[.origin]?.lowercased() else { return true }
        if let publicOrigin { return origin == publicOrigin.lowercased() }
        return request.head.authority.map { origin == "http://\($0.lowercased())" } ?? false
    }
}
