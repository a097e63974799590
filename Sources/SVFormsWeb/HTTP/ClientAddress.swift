import Foundation
import Hummingbird

#if canImport(Glibc)
    import Glibc
#endif

/// Where a request came from, for throttling and the audit log. Behind a reverse proxy every
/// connection comes from the proxy, so `X-Forwarded-For` is believed, but only when the connection
/// itself is from a configured trusted proxy; anyone else could write any address in that header.
enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: String?, trustedProxies: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer), let forwardedFor else { return peer }
        // The right-most address the trusted proxies did not add is the one a client could not forge.
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return isIPAddress(hop) ? hop : peer
        }
        return peer
    }

    /// The throttle's key: an IPv4 address as it is, an IPv6 address by its /64 network, since one
    /// household or phone is given a whole /64 and could otherwise rotate through addresses.
    static func throttleKey(_ address: String) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard address.contains(":"), inet_pton(AF_INET6, address, &bytes) == 1 else { return address }
        return bytes.prefix(8).map { String(format: "%02x", $0) }.joined() + "::/64"
    }

    static func isIPAddress(_ text: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, text, &buffer) == 1 || inet_pton(AF_INET6, text, &buffer) == 1
    }
}

/// Each request's client address, as the configured proxies let it be read.
struct ClientAddresses: Sendable {
    let trustedProxies: Set<String>

    /// The client's address for this request (see `ClientAddress`).
    func address(_ request: Request, _ context: AppRequestContext) -> String {
        ClientAddress.resolve(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[.xForwardedFor], trustedProxies: trustedProxies)
    }

    /// The key limits are counted under for this request's client (an IPv6 address by its /64).
    func throttleKey(_ request: Request, _ context: AppRequestContext) -> String {
        ClientAddress.throttleKey(address(request, context))
    }
}
