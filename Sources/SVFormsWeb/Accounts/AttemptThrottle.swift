import Foundation

/// Slows down guessing: after too many failures for one account, or from one client address,
/// attempts are refused for a while. Signing in uses both limits (unknown and known accounts are
/// counted alike, so the throttle says nothing about which accounts exist); guessing personal
/// invitation links uses the client limit alone. Kept in memory: a restart forgets it.
///
/// An attempt is counted *before* its password is checked (`reserve`), in the same actor call
/// that checks the limit, so parallel requests cannot all slip through while bcrypt runs.
actor AttemptThrottle {
    struct Limit {
        let failures: Int
        let window: TimeInterval
    }

    /// The outcome of asking to try a password.
    enum Decision: Equatable {
        /// Go ahead; the attempt is already counted as a failure until `recordSuccess` says otherwise.
        case allowed(Date)
        /// Refused for this many seconds; `isFirstRefusal` is true once per key and window, for the audit log.
        case refused(retryAfter: TimeInterval, isFirstRefusal: Bool)
    }

    let perAccount: Limit
    let perClient: Limit
    /// Bounds the memory an attacker can make us use with made-up addresses and accounts.
    let maximumKeys: Int
    private var failures: [String: [Date]] = [:]
    private var refusalsAudited: [String: Date] = [:]

    init(
        perAccount: Limit = Limit(failures: 5, window: 15 * 60), perClient: Limit = Limit(failures: 20, window: 15 * 60),
        maximumKeys: Int = 100_000
    ) {
        self.perAccount = perAccount
        self.perClient = perClient
        self.maximumKeys = maximumKeys
    }

    /// Checks both limits and, if the attempt may go ahead, counts it at once.
    func reserve(account: String, client: String, at now: Date) -> Decision {
        let keys = [(Self.accountKey(account), perAccount), (Self.clientKey(client), perClient)]
        let waits = keys.compactMap { key, limit in wait(key, limit, now).map { (key, $0) } }
        if let longest = waits.max(by: { $0.1 < $1.1 }) {
            let first = refusalsAudited[longest.0].map { now.timeIntervalSince($0) >= max(perAccount.window, perClient.window) } ?? true
            if first { refusalsAudited[longest.0] = now }
            return .refused(retryAfter: longest.1, isFirstRefusal: first)
        }
        makeRoom(now)
        for (key, _) in keys { failures[key, default: []].append(now) }
        return .allowed(now)
    }

    /// A successful sign-in: the account's failures are cleared and the client's reserved attempt withdrawn.
    func recordSuccess(account: String, client: String, reservedAt: Date) {
        failures[Self.accountKey(account)] = nil
        if let index = failures[Self.clientKey(client)]?.lastIndex(of: reservedAt) {
            failures[Self.clientKey(client)]?.remove(at: index)
        }
    }

    private func wait(_ key: String, _ limit: Limit, _ now: Date) -> TimeInterval? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit.failures else { return nil }
        return recent[recent.count - limit.failures].addingTimeInterval(limit.window).timeIntervalSince(now)
    }

    /// Forgets expired failures and, if still full, the keys whose last failure is oldest.
    private func makeRoom(_ now: Date) {
        guard failures.count >= maximumKeys - 1 else { return }
        let window = max(perAccount.window, perClient.window)
        failures = failures.compactMapValues { times in
            let kept = times.filter { now.timeIntervalSince($0) < window }
            return kept.isEmpty ? nil : kept
        }
        refusalsAudited = refusalsAudited.filter { now.timeIntervalSince($0.value) < window }
        guard failures.count >= maximumKeys - 1 else { return }
        let newestFirst = failures.sorted { ($0.value.last ?? .distantPast) > ($1.value.last ?? .distantPast) }
        failures = Dictionary(uniqueKeysWithValues: newestFirst.prefix(maximumKeys / 2).map { ($0.key, $0.value) })
    }

    /// Emails are compared as people mean them: case and surrounding spaces do not matter.
    private static func accountKey(_ email: String) -> String {
        "account:" + email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private static func clientKey(_ address: String) -> String { "client:" + address }
}
