import Foundation
import Hummingbird
import SVFormsStore

/// `/healthz` (the process is alive and its database answers) for the proxy and restarts, and
/// `/readyz` (able to do its work) for monitoring. Plain text, one check per line, never cached.
struct HealthController: Sendable {
    let site: Site
    /// Anyone can ask /readyz, and each check is a durable write: a flood of probes costs one per second.
    let recentReadiness = RecentReadiness(maxAge: .seconds(1))
    /// How long a due message may wait before the mail worker counts as stuck.
    static let mailAllowedLag: TimeInterval = 15 * 60

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("healthz", use: health)
        router.get("readyz", use: readiness)
    }

    /// 200 `ok` only when the database file is in place and answers a read.
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        await site.database.isReachable() ? Self.text(.ok, "ok") : Self.text(.serviceUnavailable, "database unavailable")
    }

    /// 200 when the database takes a durable write, questionnaires are loaded and the outbox is
    /// moving; otherwise 503, with the failing check said in words.
    @Sendable func readiness(_ request: Request, context: AppRequestContext) async throws -> Response {
        let report = await recentReadiness.value { await check() }
        return Self.text(report.isReady ? .ok : .serviceUnavailable, report.lines.joined(separator: "\n"))
    }

    private func check() async -> Readiness {
        let now = site.configuration.now()
        var report = Readiness()
        do {
            try await site.database.probeWrite(at: now)
        } catch {
            report.databaseProblem = error is StorageUnavailable ? "\(error)" : "unexpected error"
        }
        report.formsLoaded = site.catalog.questionnaires.count
        report.mail = try? await site.database.mailQueueHealth(at: now, allowedLag: Self.mailAllowedLag)
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

/// The last readiness report, reused while it is younger than `maxAge`.
actor RecentReadiness {
    let maxAge: Duration
    private var last: (at: ContinuousClock.Instant, report: Readiness)?

    init(maxAge: Duration) {
        self.maxAge = maxAge
    }

    func value(_ check: @Sendable () async -> Readiness) async -> Readiness {
        if let last, ContinuousClock.now - last.at < maxAge { return last.report }
        let report = await check()
        last = (ContinuousClock.now, report)
        return report
    }
}
