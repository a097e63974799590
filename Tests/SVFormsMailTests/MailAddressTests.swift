import Testing

@testable import SVFormsMail

@Suite("MailAddress")
struct MailAddressTests {
    @Test func keepsAddressAndTrimmedName() throws {
        let address = try MailAddress("zoe@example.org", name: "  Zoë Smith ")
        #expect(address.address == "zoe@example.org")
        #expect(address.name == "Zoë Smith")
        #expect(try MailAddress("zoe@example.org", name: "   ").name == nil)
    }

    @Test(
        "an address carrying a header is refused",
        arguments: [
            "victim@example.org\r\nBcc: x@example.org",
            "victim@example.org\nBcc: x@example.org",
            "victim@example.org\rBcc: x@example.org",
            "victim@example.org\u{0}",
            "victim@example.org\u{2028}Bcc: x@example.org",
        ])
    func refusesLineBreaksInAddress(_ raw: String) {
        #expect(throws: MailError.invalidAddress(raw)) { try MailAddress(raw) }
    }

    @Test(
        "a display name carrying a header is refused",
        arguments: [
            "Zoë\r\nBcc: x@example.org", "Zoë\nBcc: x@example.org", "Zoë\rX", "Zoë\u{7}", "Zoë\u{85}X",
        ])
    func refusesLineBreaksInName(_ name: String) {
        #expect(throws: MailError.headerInjection(field: "display name")) {
            try MailAddress("zoe@example.org", name: name)
        }
    }

    @Test(
        "implausible and non-ASCII addresses are refused",
        arguments: [
            "", "zoe", "zoe@", "@example.org", "zoe@example", "zoe @example.org", "<zoe@example.org>",
            "zoe@example.org, x@example.org", "zoë@example.org", "zoe@exämple.org",
        ])
    func refusesImplausible(_ raw: String) {
        #expect(throws: MailError.invalidAddress(raw)) { try MailAddress(raw) }
    }
}
