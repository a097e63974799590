import Testing

@testable import SVFormsMail

@Suite("QuotedPrintable")
struct QuotedPrintableTests {
    @Test(
        "known encodings",
        arguments: [
            ("plain", "plain"),
            ("a=b", "a=3Db"),
            ("trailing ", "trailing=20"),
            ("tab\t", "tab=09"),
            ("one\ntwo\r\nthree\rfour", "one\r\ntwo\r\nthree\r\nfour"),
            (".dot", "=2Edot"),
            ("From here", "=46rom here"),
            ("Fromage", "Fromage"),
            ("£", "=C2=A3"),
            ("end\n", "end\r\n"),
        ])
    func encodes(_ input: String, _ expected: String) {
        #expect(QuotedPrintable.encode(input) == expected)
    }

    @Test func softBreaksKeepLinesAtMost76AndNeverSplitAnEscape() {
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 100) + String(repeating: "a", count: 200))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 5)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // Every escape is whole: "=" then two hex digits, or "=" ending a line.
        #expect(lines.allSatisfy { $0.dropLast().wholeMatch(of: /([^=]|=[0-9A-F]{2})*/) != nil })
    }

    @Test func aDotAfterASoftBreakIsEncoded() {
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 75) + ".b")
        #expect(encoded == String(repeating: "a", count: 75) + "=\r\n=2Eb")
    }
}
