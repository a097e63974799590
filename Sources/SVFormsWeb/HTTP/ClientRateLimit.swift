import Foundation

/// Limits how fast one client address can do something (submit a public form, start a new one): a
/// bucket of `burst` actions that refills one every `refillSeconds`. People sharing an address (a
/// school, a library, a phone network) act at human pace and never empty it; a program going as fast as
/// it can is told to wait. Kept in memory: a restart forgets it, and no address is ever written down.
actor ClientRateLimit {
    let burst: Double
    let refillSeconds: Double
    let maximumKeys: Int
    private var buckets: [String: (tokens: Double, at: Date)] = [:]

    init(burst: Int, refillSeconds: Double, maximumKeys: Int = 100_000) {
        self.burst = Double(burst)
        self.refillSeconds = refillSeconds
        self.maximumKeys = maximumKeys
    }

    /// Takes one action for `client` at `now`: nil when it may go ahead, else the seconds to wait.
    func take(_ client: String, at now: Date) -> Int? {
        var bucket = buckets[client] ?? (burst, now)
        bucket.tokens = min(burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) / refillSeconds)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[client] = bucket
            return Int(((1 - bucket.tokens) * refillSeconds).rounded(.up))
        }
        bucket.tokens -= 1
        if buckets[client] == nil, buckets.count >= maximumKeys { forgetFullBuckets(now) }
        buckets[client] = bucket
        return nil
    }

    /// Buckets that have refilled completely say nothing worth keeping.
    private func forgetFullBuckets(_ now: Date) {
        buckets = buckets.filter { $0.value.tokens + now.timeIntervalSince($0.value.at) / refillSeconds < burst }
        if buckets.count >= maximumKeys { buckets.removeAll() }
    }
}
