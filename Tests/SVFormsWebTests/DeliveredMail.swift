import Foundation
import SVFormsWeb
import Testing

/// An email the server's mail worker wrote as an `.eml` file (no SMTP server configured), read the
/// way a person's mail program would show it: headers unfolded, quoted-printable decoded.
struct DeliveredMail {
    /// The bare address of the To header.
    var to: String
    var subject: String
    /// Every part's text, decoded.
    var body: String

    init(_ raw: String) {
        let unfolded = raw.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        let header = { (name: String) in
            unfolded.split(separator: "\r\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) } ?? ""
        }
        let toHeader = header("To")
        to = toHeader.firstMatch(of: /<([^>]+)>/).map { String($0.1) } ?? toHeader
        subject = header("Subject")
        body = Self.decodeQuotedPrintable(raw)
    }

    /// Soft line breaks removed and `=XX` turned back into bytes.
    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
                let byte = UInt8(String(decoding: joined[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The mail delivered so far into the data directory of `configuration` that `matches`, waiting
/// (while the server runs) until there are at least `count` such messages.
func deliveredMail(
    in configuration: AppConfiguration, atLeast count: Int, matching matches: (DeliveredMail) -> Bool = { _ in true }
) async throws -> [DeliveredMail] {
    let folder = configuration.dataDirectory + "/mail"
    let deadline = ContinuousClock.now + .seconds(15)
    while true {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let mail = try names.filter { $0.hasSuffix(".eml") }.sorted()
            .map { DeliveredMail(try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
            .filter(matches)
        if mail.count >= count || ContinuousClock.now > deadline { return mail }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// The personal links delivered so far, by recipient, waiting for `count` emails that carry one.
func invitationLinks(in configuration: AppConfiguration, count: Int) async throws -> [String: String] {
    var links: [String: String] = [:]
    for mail in try await deliveredMail(in: configuration, atLeast: count, matching: { $0.body.contains("/i/") }) {
        let match = try #require(mail.body.firstMatch(of: /http:\/\/127\.0\.0\.1:8080(\/i\/[A-Za-z0-9_-]{43})/))
        links[mail.to] = String(match.1)
    }
    return links
}
