import Foundation
import Hummingbird
import Testing

@testable import SVFormsWeb

@Suite struct MultipartFormDataTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    static func body(_ parts: [(headers: String, content: String)]) -> [UInt8] {
        var text = ""
        for part in parts { text += "--\(boundary)\r\n\(part.headers)\r\n\r\n\(part.content)\r\n" }
        return Array((text + "--\(boundary)--\r\n").utf8)
    }

    @Test func readsWhatBrowsersSend() throws {
        let body = Self.body([
            ("Content-Disposition: form-data; name=\"_csrf\"", "token"),
            ("Content-Disposition: form-data; name=\"people\"; filename=\"people.csv\"\r\nContent-Type: text/csv", "a,b\r\nc,d"),
            ("content-disposition: FORM-DATA; name=worries", "drugs"),
            ("Content-Disposition: form-data; name=\"worries\"", ""),
        ])
        let parts = try MultipartFormData.parts(of: body, boundary: Self.boundary, maximumParts: 10)
        #expect(parts.map(\.name) == ["_csrf", "people", "worries", "worries"])
        #expect(parts.map(\.isFile) == [false, true, false, false])
        #expect(parts.map { String(decoding: $0.content, as: UTF8.self) } == ["token", "a,b\r\nc,d", "drugs", ""])
    }

    @Test func skipsThePreambleAndTheEpilogue() throws {
        let body = Array("ignored preamble\r\n--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--\r\nignored epilogue".utf8)
        let parts = try MultipartFormData.parts(of: body, boundary: "b", maximumParts: 10)
        #expect(parts.map(\.name) == ["a"])
    }

    /// Browsers escape quotes in file names, but other clients do not: the name is kept, the file still a file.
    @Test func parametersAreReadLenientlyAsBrowsersReadThem() throws {
        let body = Self.body([
            ("Content-Disposition: form-data; name=\"people\"; filename=\"\"><img src=x>.csv\"", "a,b"),
            ("Content-Disposition: form-data; junk; name=\"first\" ; name=\"second\"", "x"),
            ("Content-Disposition: form-data; name=\"unclosed", "y"),
        ])
        let parts = try MultipartFormData.parts(of: body, boundary: Self.boundary, maximumParts: 10)
        #expect(parts.map(\.name) == ["people", "first", "unclosed"])
        #expect(parts.map(\.isFile) == [true, false, false])
    }

    @Test func quotedNamesKeepTheirSemicolonsAndEscapes() throws {
        let body = Self.body([("Content-Disposition: form-data; name=\"a;b \\\"c\\\"\"; filename*=UTF-8''x%20y.csv", "v")])
        let part = try #require(try MultipartFormData.parts(of: body, boundary: Self.boundary, maximumParts: 10).first)
        #expect(part.name == "a;b \"c\"")
        #expect(part.isFile)
    }

    /// Each of these was, or is like, a body that stopped the server or that the old guard and parser read differently.
    @Test(arguments: [
        // The outside test's reproduction: a bare LF ends the guard's line but not the parser's.
        "--B\r\nContent-Disposition: form-data; name=\"a\"\n\r\n\u{FF}: x\r\n\r\nv\r\n--B--\r\n",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\u{C3}\u{9E}: x\r\n\r\nv\r\n--B--\r\n",
        "--B\r\nContent-\u{FF}-Type: text/plain\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--B--\r\n",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\rX: y\r\n\r\nv\r\n--B--\r\n",
        "--B\nContent-Disposition: form-data; name=\"a\"\n\nv\n--B--\n",
        "--B\r\nContent-Disposition: form-data\r\n\r\nv\r\n--B--\r\n",
        "--B\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n--B--\r\n",
        "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--B--\r\n",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nv\r\n--B--\r\n",
        "--B\r\n: x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--B--\r\n",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n",
        "--B\r\nContent-Disposition: form-data; name=\"a\"",
        "--B\r\n",
        "--B",
        "--Bx\r\n",
        "",
        "no boundary at all",
    ])
    func refusesWhatTheGrammarDoesNot(_ text: String) {
        // Characters up to U+00FF stand for the byte of the same value.
        let body = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        #expect(throws: MultipartFormData.Malformed.self) { try MultipartFormData.parts(of: body, boundary: "B", maximumParts: 10) }
    }

    @Test func refusesMorePartsThanAllowed() {
        let body = Self.body((0..<4).map { ("Content-Disposition: form-data; name=\"f\($0)\"", "x") })
        #expect(throws: MultipartFormData.Malformed.self) { try MultipartFormData.parts(of: body, boundary: Self.boundary, maximumParts: 3) }
        #expect((try? MultipartFormData.parts(of: body, boundary: Self.boundary, maximumParts: 4))?.count == 4)
    }

    @Test func refusesAHeaderBlockLongerThanAnyBrowserSends() {
        let long = "X-Padding: " + String(repeating: "a", count: MultipartFormData.maximumHeaderBytes)
        let body = Self.body([("Content-Disposition: form-data; name=\"a\"\r\n" + long, "v")])
        #expect(throws: MultipartFormData.Malformed.self) { try MultipartFormData.parts(of: body, boundary: Self.boundary, maximumParts: 3) }
    }

    @Test(arguments: [
        ("multipart/form-data; boundary=abc", "abc"),
        ("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"", "a b:c"),
        ("multipart/form-data;boundary=" + String(repeating: "x", count: 70), String(repeating: "x", count: 70)),
    ])
    func readsBoundariesRFC2046Allows(_ contentType: String, _ expected: String) {
        #expect(MultipartFormData.boundary(inContentType: contentType) == expected)
    }

    @Test(arguments: [
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=" + String(repeating: "x", count: 71), "multipart/form-data; boundary=\"ends in space \"",
        "multipart/form-data; boundary=a{b", "multipart/form-data; boundary=\"tab\tinside\"",
        "multipart/mixed; boundary=abc", "multipart/form-data; =abc",
    ])
    func refusesOtherBoundaries(_ contentType: String) {
        #expect(MultipartFormData.boundary(inContentType: contentType) == nil)
    }

    /// Mutations of a real body (bytes flipped, CR and LF inserted, removed and swapped, high bytes,
    /// the boundary cut) are each parsed or refused; none may trap, which would end the test run.
    @Test func mutatedBodiesAreParsedOrRefusedWithoutTrapping() {
        let original = Self.body([
            ("Content-Disposition: form-data; name=\"_csrf\"", "token"),
            ("Content-Disposition: form-data; name=\"people\"; filename=\"p.csv\"\r\nContent-Type: text/csv", "a,b\r\nc,d"),
        ])
        var random = SeededGenerator(seed: 2026)
        var outcomes = (parsed: 0, refused: 0)
        for _ in 0..<20_000 {
            let mutated = Mutation.apply(to: original, count: Int.random(in: 1...4, using: &random), using: &random)
            if (try? MultipartFormData.parts(of: mutated, boundary: Self.boundary, maximumParts: 10)) != nil {
                outcomes.parsed += 1
            } else {
                outcomes.refused += 1
            }
        }
        // Both outcomes occur: the mutations reach the grammar's edges rather than all failing at the first byte.
        #expect(outcomes.parsed > 100 && outcomes.refused > 100, "\(outcomes)")
    }

    /// No field reaches a handler holding U+0000, by either encoding; a file's contents may (its reader judges them).
    @Test func aNULInAFieldIsRefusedButAFileMayHoldOne() throws {
        #expect(throws: WebError.self) { try FormBody.parse("email=lead%40example.org%00zzz&password=x") }
        #expect(throws: WebError.self) { try FormBody.parse("em%00ail=lead%40example.org") }
        #expect(try FormBody.parse("email=lead%40example.org").value("email") == "lead@example.org")
        let field = "--B\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nlead@example.org\u{0}zzz\r\n--B--\r\n"
        #expect(throws: WebError.self) { try FormBody.parseMultipart(ByteBuffer(string: field), contentType: "multipart/form-data; boundary=B") }
        let file = "--B\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"people.csv\"\r\n\r\nA\u{0}d\u{0}a\u{0}\r\n--B--\r\n"
        let parsed = try FormBody.parseMultipart(ByteBuffer(string: file), contentType: "multipart/form-data; boundary=B")
        #expect(parsed.value("csv") == "A\u{0}d\u{0}a\u{0}")
    }
}

/// The byte-level mutations the fuzz tests apply.
enum Mutation {
    static func apply(to body: [UInt8], count: Int, using random: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = body
        for _ in 0..<count {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes.insert([.cr, .lf, UInt8(0x80), UInt8(0xFF)].randomElement(using: &random)!, at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3 where bytes.count > 1:
                let other = Int.random(in: 0..<bytes.count, using: &random)
                bytes.swapAt(position, other)
            case 4 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0x80...0xFF, using: &random)
            case 5: bytes = Array(bytes.prefix(position))
            default: bytes.insert(contentsOf: [.cr, .lf], at: position)
            }
        }
        return bytes
    }
}

/// A small deterministic generator (SplitMix64), so a failing mutation can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

}
