import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SVFormsStore
import SVFormsWeb

/// Where the repository's folders are, found from this file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static var everyTypeForms: String { path("Tests/Fixtures/every-type") }
    static var surreyForms: String { path("forms") }
    static var hampshireForms: String { path("forms/examples/hampshire-iow") }

    /// A copy of the Surrey forms in a temporary folder with the role survey's public link turned on.
    static func surreyFormsWithPublicRoleSurvey() throws -> String {
        try surreyForms(editing: ["role-understanding.yaml": { $0.replacingOccurrences(of: "public_link: false", with: "public_link: true") }])
    }

    /// A copy of the Surrey forms with the partnership's contact set.
    static func surreyFormsWithContact() throws -> String {
        try surreyForms(editing: [
            "partnership.yaml": {
                $0.replacingOccurrences(
                    of: "reporting_year_start: april\n",
                    with: "reporting_year_start: april\ncontact:\n  name: Surrey SVRP team\n  email: svrp@surrey.example\n  phone: 01632 960123\n")
            }
        ])
    }

    /// A copy of the Surrey forms in a temporary folder, each file named in `edits` changed by its edit.
    static func surreyForms(editing edits: [String: (String) -> String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: surreyForms) where name.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: surreyForms + "/" + name, encoding: .utf8)
            try (edits[name]?(text) ?? text).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }
}

/// A configuration with its own temporary data directory, the real templates, and a fixed clock.
func testConfiguration(forms: String = Repository.everyTypeForms, data: String? = nil) -> AppConfiguration {
    var configuration = AppConfiguration()
    configuration.dataDirectory =
        data
        ?? FileManager.default.temporaryDirectory
        .appendingPathComponent("svforms-web-\(UUID().uuidString)").path
    configuration.formsDirectory = forms
    configuration.templatesDirectory = Repository.path("templates")
    configuration.exitURL = "https://neutral.example/weather"
    configuration.now = { Date(timeIntervalSince1970: 1_750_000_000) }  // 15 June 2025
    configuration.passwordCost = 4  // bcrypt's minimum: the tests sign in often
    return configuration
}

/// A clock the test moves forward, for session timeouts and quarters.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    func set(_ date: Date) { lock.withLock { current = date } }
}

/// Adds an account straight to the database of `configuration`, as `svforms user add` would.
func addAccount(_ email: String, role: Role, password: String = "correct horse battery", to configuration: AppConfiguration) async throws {
    let database = try AppDatabase(directory: configuration.dataDirectory)
    let hash = try await PasswordHasher(cost: 4).hash(password)
    try await database.accounts.createAccount(email: email, passwordHash: hash, role: role, at: configuration.now())
}

extension TestBrowser {
    /// Signs in through the login page; returns the response to the sign-in post.
    @discardableResult
    mutating func signIn(_ email: String, password: String = "correct horse battery", next: String? = nil) async throws -> TestPage {
        let path = "/admin/login" + (next.map { "?next=\($0)" } ?? "")
        try await get(path)
        return try await post(path, [("email", email), ("password", password)])
    }
}

/// Collects log lines so tests can find what the server logged.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var all: [String] { lock.withLock { lines } }

    var logger: Logger {
        Logger(label: "test") { _ in CapturingHandler(capture: self) }
    }

    fileprivate func append(_ line: String) { lock.withLock { lines.append(line) } }
}

private struct CapturingHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.append("\(event.level) \(event.message) \(merged.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
}

/// A browser stand-in over the test client: keeps cookies and the page's anti-forgery token.
struct TestBrowser: Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?
    /// The signed "shown at" time of the last community-voice page, posted back as a browser would.
    var shown: String?
    /// Every Set-Cookie header seen, to check attributes.
    var setCookieHeaders: [String] = []

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestPage {
        try await send(path, method: .get, body: nil)
    }

    /// Posts the fields, adding the current page's `_csrf` unless `csrf` is false.
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)] = [], csrf includeCSRF: Bool = true) async throws -> TestPage {
        var all = fields
        if includeCSRF, let csrf { all.append(("_csrf", csrf)) }
        if includeCSRF, let shown { all.append(("_shown", shown)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, body: body)
    }

    mutating func send(_ path: String, method: HTTPRequest.Method, body: String?, headers extra: HTTPFields = [:]) async throws -> TestPage {
        try await send(path, method: method, bytes: body.map { Array($0.utf8) }, headers: extra)
    }

    /// Sends a body of raw bytes (a file in another character set, say).
    mutating func send(_ path: String, method: HTTPRequest.Method, bytes: [UInt8]?, headers extra: HTTPFields = [:]) async throws -> TestPage {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if bytes != nil, headers[.contentType] == nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) })
        for header in response.headers[values: .setCookie] {
            setCookieHeaders.append(header)
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            if header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = pair.count > 1 ? String(pair[1]) : "" }
        }
        let page = TestPage(status: response.status, headers: response.headers, body: String(buffer: response.body))
        if let token = page.csrfToken { csrf = token }
        if let stamp = page.body.between("name=\"_shown\" value=\"", "\"") { shown = stamp }
        return page
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// A response as a person would read it.
struct TestPage {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    var location: String? { headers[.location] }

    /// A header by name, for those swift-http-types does not predefine.
    func header(_ name: String) -> String? {
        headers.first { $0.name.canonicalName == name.lowercased() }?.value
    }

    var title: String? { body.between("<title>", "</title>") }

    var csrfToken: String? { body.between("name=\"_csrf\" value=\"", "\"") }

    /// The page text without tags, whitespace collapsed: what a person reads.
    var text: String {
        body.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension String {
    func between(_ start: String, _ end: String) -> String? {
        guard let lower = range(of: start)?.upperBound, let upper = self[lower...].range(of: end)?.lowerBound else { return nil }
        return String(self[lower..<upper])
    }
}
