import Crypto
import Foundation
import SVFormsStore

/// Slows down guessing, with the counts kept in the database (`AttemptStore.reserveAttempt`) so that a
/// restart, or a crash, forgets no limit.
///
/// Signing in follows OWASP's device-cookie pattern, so that nobody can lock a lead out by knowing their
/// address: a browser that signed in to the account before carries a device cookie and has its own
/// allowance (5 failures in 15 minutes); attempts without one, "unknown devices", share the account's
/// allowance (5 in 15 minutes, counted alike whether or not the account exists) and their client
/// address's (20). Failures from elsewhere only ever slow unknown devices. Guessing personal links
/// uses a client limit alone. Attempts are counted before the password is checked and withdrawn on
/// success, so parallel guesses cannot slip through while bcrypt runs.
struct AttemptThrottle: Sendable {
    let attemptStore: AttemptStore

    static let perDevice = AttemptLimit(failures: 5, window: 15 * 60)
    static let perAccountFromUnknownDevices = AttemptLimit(failures: 5, window: 15 * 60)
    static let perClient = AttemptLimit(failures: 20, window: 15 * 60)
    /// Personal links that match no invitation, per client address.
    static let unknownLinksPerClient = AttemptLimit(failures: 20, window: 15 * 60)
    /// Nothing is counted for longer than this, so older attempts are deleted by housekeeping.
    static let longestWindow: TimeInterval = 15 * 60

    /// What one sign-in attempt is counted under: its device, or the account and client address.
    struct SignIn: Sendable {
        let keys: [(key: Data, limit: AttemptLimit)]
        /// Cleared on success: the device's failures, or the account's from unknown devices.
        let clearedOnSuccess: Data
    }

    /// `device` is the nonce of a valid device cookie for this account, if the browser sent one.
    static func signIn(email: String, device: String?, client: String) -> SignIn {
        if let device {
            let key = hash("device", device)
            return SignIn(keys: [(key, perDevice)], clearedOnSuccess: key)
        }
        let account = hash("account", DeviceCookies.normalised(email))
        return SignIn(keys: [(account, perAccountFromUnknownDevices), (hash("client", client), perClient)], clearedOnSuccess: account)
    }

    func reserve(_ signIn: SignIn, at now: Date) async throws -> AttemptDecision {
        try await attemptStore.reserveAttempt(under: signIn.keys, at: now)
    }

    func succeeded(_ reservation: AttemptReservation, _ signIn: SignIn) async throws {
        try await attemptStore.withdrawAttempt(reservation, clearing: [signIn.clearedOnSuccess])
    }

    /// Counts a personal link that matched nothing; refused once the client has tried too many.
    func unknownLink(client: String, at now: Date) async throws -> AttemptDecision {
        try await attemptStore.reserveAttempt(under: [(Self.hash("link-client", client), Self.unknownLinksPerClient)], at: now)
    }

    /// Keys are stored as hashes: the attempt table holds no email or client address.
    private static func hash(_ kind: String, _ value: String) -> Data {
        Data(SHA256.hash(data: Data("\(kind):\(value)".utf8)))
    }
}
