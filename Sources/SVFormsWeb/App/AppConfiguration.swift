import Foundation
import Logging

/// Everything the server needs to start; every value has a default that runs on one machine.
public struct AppConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    public var dataDirectory: String = "./data"
    public var formsDirectory: String = "./forms"
    public var templatesDirectory: String = "./templates"
    /// The address people use to reach the server. An https:// address turns on
    /// `__Host-` secure cookies and HSTS; plain http is for loopback development.
    public var baseURL: String?
    /// Where "Exit this page" goes: a neutral page that looks like ordinary browsing.
    public var exitURL: String = "https://www.bbc.co.uk/weather"
    public var logLevel: Logger.Level = .info
    /// Reverse proxies whose `X-Forwarded-For` header is believed (their own addresses, as they connect).
    public var trustedProxies: Set<String> = []
    /// Serve plain HTTP beyond this machine anyway (cookies not Secure): only for a closed test network.
    public var allowInsecureHTTP = false
    /// `smtp://host:587` (STARTTLS required, except on loopback) or `smtps://host:465`; nil writes
    /// each message as an .eml file in `data/mail/` instead.
    public var smtpURL: String?
    public var smtpUsername: String?
    public var smtpPassword: String?
    /// A CA bundle for the SMTP server's certificate (a private CA, or tests).
    public var smtpCAFile: String?
    /// The From address of every email.
    public var mailFrom: String?
    /// The first retry delay of a message that could not be delivered; later ones double.
    public var mailRetryBaseSeconds: TimeInterval = 60
    /// The hour (0–23, partnership time) the daily digest of community voices goes out.
    public var digestHour = 7
    /// bcrypt's cost: 12 takes about 0.2 s per hash here; tests lower it to stay fast.
    public var passwordCost: UInt8 = 12
    /// The current time; tests replace it to control dates and quarters.
    public var now: @Sendable () -> Date = { Date() }

    public init() {}

    /// Whether the public address is https, so cookies must be Secure.
    public var servesHTTPS: Bool {
        baseURL?.lowercased().hasPrefix("https://") ?? false
    }

    /// The address links in emails start with.
    public var publicBaseURL: String {
        baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://\(host):\(port)"
    }

    /// Listening only on this machine, where plain-HTTP development is safe.
    public var isLoopback: Bool {
        ["127.0.0.1", "localhost", "::1"].contains(host)
    }
}
