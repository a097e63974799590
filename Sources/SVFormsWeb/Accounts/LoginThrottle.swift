import Foundation

/// Slows down password guessing: after too many failures for one account, or from one client
/// address, sign-in is refused for a while. Unknown and known accounts are counted alike, so
/// the throttle says nothing about which accounts exist. Kept in memory: a restart forgets it.
actor LoginThrottle {
    struct Limit {
        let failures: Int
        let window: TimeInterval
    }

    let perAccount: Limit
    let perClient: Limit
    /// Bounds the memory an attacker can make us use with made-up addresses and accounts.
    let maximumKeys: Int
    private var failures: [String: [Date]] = [:]

    init(
        perAccount: Limit = Limit(failures: 5, window: 15 * 60), perClient: Limit = Limit(failures: 20, window: 15 * 60),
        maximumKeys: Int = 100_000
    ) {
        self.perAccount = perAccount
        self.perClient = perClient
        self.maximumKeys = maximumKeys
    }

    /// Seconds to wait before trying again, or nil when an attempt may go ahead.
    func retryAfter(account: String, client: String, at now: Date) -> TimeInterval? {
        let waits = [wait(Self.accountKey(account), perAccount, now), wait(Self.clientKey(client), perClient, now)]
        return waits.compactMap { $0 }.max()
    }

    func recordFailure(account: String, client: String, at now: Date) {
        if failures.count >= maximumKeys { prune(before: now.addingTimeInterval(-max(perAccount.window, perClient.window))) }
        if failures.count >= maximumKeys { failures.removeAll() }
        failures[Self.accountKey(account), default: []].append(now)
        failures[Self.clientKey(client), default: []].append(now)
    }

    /// A successful sign-in clears the account's failures (not the address's).
    func recordSuccess(account: String) {
        failures[Self.accountKey(account)] = nil
    }

    private func wait(_ key: String, _ limit: Limit, _ now: Date) -> TimeInterval? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit.failures else { return nil }
        return recent[recent.count - limit.failures].addingTimeInterval(limit.window).timeIntervalSince(now)
    }

    private func prune(before cutoff: Date) {
        failures = failures.compactMapValues { times in
            let kept = times.filter { $0 >= cutoff }
            return kept.isEmpty ? nil : kept
        }
    }

    private static func accountKey(_ email: String) -> String { "account:" + email.lowercased() }
    private static func clientKey(_ address: String) -> String { "client:" + address }
}
