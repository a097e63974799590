import HTTPTypes

/// Header names that swift-http-types does not predefine.
extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
    static let permissionsPolicy = Self("Permissions-Policy")!
    static let retryAfter = Self("Retry-After")!
    static let contentDisposition = Self("Content-Disposition")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let forwarded = Self("Forwarded")!
    static let requestID = Self("X-Request-Id")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
