import Hummingbird

/// Strict headers on every response: no inline script or style, no framing, no sniffing,
/// no caching of pages that may hold answers.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Sends HSTS; only when the public address is https.
    let strictTransportSecurity: Bool

    static let contentSecurityPolicy = [
        "default-src 'none'", "style-src 'self'", "img-src 'self'", "form-action 'self'",
        "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        // A personal or one-time link is a secret: no page under it names it as a referrer, even to this site.
        let path = request.uri.path
        let isSecretURL = [SiteRoute.invitationStart, .setup].contains { path.hasPrefix($0.path("")) }
        if response.headers[.referrerPolicy] == nil { response.headers[.referrerPolicy] = isSecretURL ? "no-referrer" : "same-origin" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        if strictTransportSecurity { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}
