import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/healthz` (the process is alive and its database takes answers) for the proxy and restarts, and
/// `/readyz` (able to do its work) for monitoring. Plain text, one check per line, never cached.
struct HealthController: Sendable {
    let database: AppDatabase
    let catalog: FormCatalog
    let clock: SiteClock
    /// Anyone can ask either, and the write check is a durable write: a flood of probes costs one per second.
    let recentWriteProblem = RecentResult<String?>(maxAge: .seconds(1))
    /// How long a due message may wait before the mail worker counts as stuck.
    static let mailAllowedLag: TimeInterval = 15 * 60

    func addRoutes(to routes: SiteRouter) {
        routes.on(.health, use: health)
        routes.on(.readiness, use: readiness)
    }

    /// 200 `ok` only when the database file is in place, answers a read and takes a durable write:
    /// a full disk or a read-only file would turn every answer away, so the proxy must know.
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard await database.isReachable() else { return Self.text(.serviceUnavailable, "database unavailable") }
        if let problem = await writeProblem() { return Self.text(.serviceUnavailable, "database cannot write (\(problem))") }
        return Self.text(.ok, "ok")
    }

    /// 200 when the database takes a durable write, questionnaires are loaded and the outbox is
    /// moving; otherwise 503. The checks are said in words only to a caller on this machine (monitoring
    /// run on the server itself): anyone else learns "ready" or "not ready", not how much mail is waiting.
    @Sendable func readiness(_ request: Request, context: AppRequestContext) async throws -> Response {
        let report = await check()
        let status: HTTPResponse.Status = report.isReady ? .ok : .serviceUnavailable
        guard Self.isLocalCaller(request, context) else { return Self.text(status, report.isReady ? "ready" : "not ready") }
        return Self.text(status, report.lines.joined(separator: "\n"))
    }

    /// A connection from the loopback interface that did not come through a proxy (a proxy on the same
    /// machine connects from loopback too, but adds X-Forwarded-For).
    static func isLocalCaller(_ request: Request, _ context: AppRequestContext) -> Bool {
        guard request.headers[.xForwardedFor] == nil, request.headers[.forwarded] == nil,
            let peer = context.remoteAddress?.ipAddress
        else { return false }
        return peer == "::1" || peer.hasPrefix("127.") || peer == "::ffff:127.0.0.1"
    }

    /// Why the database refuses a write, or nil when it takes one (checked at most once a second).
    private func writeProblem() async -> String? {
        await recentWriteProblem.value {
            do {
                try await database.probeWrite(at: clock.now())
                return nil
            } catch {
                return error is StorageUnavailable ? "\(error)" : "unexpected error"
            }
        }
    }

    private func check() async -> Readiness {
        let now = clock.now()
        var report = Readiness()
        report.databaseProblem = await writeProblem()
        report.formsLoaded = catalog.questionnaires.count
        report.mail = try? await database.mailQueueHealth(at: now, allowedLag: Self.mailAllowedLag)
        return report
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// What `/readyz` found: ready only when every check passes.
struct Readiness: Equatable {
    var databaseProblem: String?
    var formsLoaded = 0
    /// Nil when the outbox could not be read.
    var mail: MailQueueHealth?

    var isReady: Bool { databaseProblem == nil && formsLoaded > 0 && mail.map { $0.overdue == 0 } == true }

    var lines: [String] {
        [
            databaseProblem.map { "database: cannot write (\($0))" } ?? "database: writable",
            formsLoaded > 0 ? "forms: \(formsLoaded) loaded" : "forms: none loaded",
            mail.map {
                $0.overdue > 0
                    ? "mail: stuck (\($0.overdue) of \($0.waiting) waiting messages overdue by more than 15 minutes)"
                    : "mail: \($0.waiting) waiting"
            } ?? "mail: cannot read the outbox",
        ]
    }
}

/// The last result of a costly check, reused while it is younger than `maxAge`.
actor RecentResult<Value: Sendable> {
    let maxAge: Duration
    private var last: (at: ContinuousClock.Instant, value: Value)?

    init(maxAge: Duration) {
        self.maxAge = maxAge
    }

    func value(_ check: @Sendable () async -> Value) async -> Value {
        if let last, ContinuousClock.now - last.at < maxAge { return last.value }
        let value = await check()
        last = (ContinuousClock.now, value)
        return value
    }
}
