/// Where and how to reach the SMTP server (from `SVFORMS_SMTP_URL` and friends).
///
/// `url` is `smtp://host:587` (STARTTLS required, except on loopback where plain SMTP is
/// allowed for tests and local relays) or `smtps://host:465` (TLS from the first byte).
/// Credentials go in `username`/`password`, never in the URL. The password is left out of
/// `description`, so printing or logging settings cannot leak it.
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var username: String?
    public var password: String?
    /// A PEM bundle of trusted certificate authorities instead of the system's (tests, or a
    /// relay with a private CA).
    public var caInfoPath: String?
    /// How long to wait for the TCP and TLS connection to be made.
    public var connectTimeout: Duration
    /// How long the whole delivery (connect, TLS, SMTP dialogue, upload) may take.
    public var timeout: Duration
    /// libcurl CURLOPT_CONNECT_TO entries (`host:port:connect-host:connect-port`): tests use
    /// it to reach a loopback server under a non-loopback name, offline. Not configurable
    /// from outside the module.
    var connectTo: [String] = []

    public init(
        url: String, username: String? = nil, password: String? = nil, caInfoPath: String? = nil,
        connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.caInfoPath = caInfoPath
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    public var description: String {
        let user = username.map { ", user \($0)" } ?? ""
        let secret = password == nil ? "" : ", password set"
        return "SMTP \(url)\(user)\(secret), connect timeout \(connectTimeout), timeout \(timeout)"
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a positive duration never becomes 0 (which libcurl
    /// reads as "no timeout").
    var roundedUpMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return Int(milliseconds) + (remainder > 0 ? 1 : 0)
    }
}
