import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import Testing

@testable import SVFormsWeb

@Suite struct ClientAddressTests {
    @Test func forwardedForIsBelievedOnlyFromATrustedProxy() {
        let proxies: Set<String> = ["127.0.0.1"]
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: "198.51.100.1", trustedProxies: proxies) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "198.51.100.1", trustedProxies: proxies) == "198.51.100.1")
        // A client cannot hide behind an address it wrote itself: the right-most untrusted hop counts.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "10.9.9.9, 198.51.100.1", trustedProxies: proxies) == "198.51.100.1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "not-an-address", trustedProxies: proxies) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: "198.51.100.1", trustedProxies: proxies) == "unknown")
    }

    @Test func ipv6AddressesAreThrottledByTheirNetwork() {
        #expect(ClientAddress.throttleKey("2001:db8:1:2:aaaa::1") == ClientAddress.throttleKey("2001:db8:1:2:bbbb::9"))
        #expect(ClientAddress.throttleKey("2001:db8:1:3::1") != ClientAddress.throttleKey("2001:db8:1:2::1"))
        #expect(ClientAddress.throttleKey("198.51.100.1") == "198.51.100.1")
    }
}
