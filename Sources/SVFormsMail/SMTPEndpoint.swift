import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A checked SMTP URL and the TLS rule that follows from it.
///
/// The rule: `smtps://` is TLS from the first byte; `smtp://` requires STARTTLS (so a
/// server, or someone in between, that does not offer it gets no mail and no password),
/// unless the host is a loopback address, where plain SMTP is allowed.
struct SMTPEndpoint: Equatable {
    enum Security: Equatable {
        case implicitTLS
        case startTLSRequired
        case plainOnLoopback
    }

    let url: String
    let host: String
    let security: Security

    init(url: String) throws(MailError) {
        guard !HeaderText.containsLineBreakOrControl(url), !url.contains(" "),
            let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased()
        else {
            throw .invalidSettings("the SMTP URL \"\(url)\" is not a valid URL")
        }
        guard scheme == "smtp" || scheme == "smtps" else {
            throw .invalidSettings("the SMTP URL must start with smtp:// or smtps://, not \(scheme)://")
        }
        guard components.user == nil, components.password == nil else {
            throw .invalidSettings("put the SMTP user name and password in their own settings, not in the URL")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .invalidSettings("the SMTP URL must not have a query or fragment")
        }
        guard components.percentEncodedHost?.contains("%") != true else {
            // The TLS rule is decided on the host name: it must be the name libcurl connects to.
            throw .invalidSettings("the SMTP URL's host must not be percent-encoded")
        }
        let host = (components.host ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { throw .invalidSettings("the SMTP URL \"\(url)\" has no host") }
        if let port = components.port, !(1...65535).contains(port) {
            throw .invalidSettings("the SMTP URL \"\(url)\" has an invalid port")
        }
        self.url = url
        self.host = host
        if scheme == "smtps" {
            security = .implicitTLS
        } else {
            security = Self.isLoopback(host) ? .plainOnLoopback : .startTLSRequired
        }
    }

    /// True for `localhost`, any IPv4 address in 127.0.0.0/8 and `::1`. libcurl (since
    /// 7.78) resolves `localhost` to loopback itself, without asking DNS or /etc/hosts.
    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "localhost." { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, lowered, &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, lowered, &ipv6) == 1 {
            return withUnsafeBytes(of: &ipv6) { Array($0) } == Array(repeating: 0, count: 15) + [1]
        }
        return false
    }
}
