import Foundation

/// How long a signed-in session lasts.
public enum SessionPolicy {
    /// Signed out after 30 minutes without a request.
    public static let idleTimeout: TimeInterval = 30 * 60
    /// Signed out 12 hours after signing in, however active.
    public static let absoluteTimeout: TimeInterval = 12 * 3600
    /// `last_seen_at` is written at most this often, so reading pages does not mean a write each time.
    public static let touchInterval: TimeInterval = 60

    public static func isLive(_ session: StoredSession, at now: Date) -> Bool {
        !session.account.isDisabled
            && now.timeIntervalSince(session.lastSeenAt) < idleTimeout
            && now.timeIntervalSince(session.createdAt) < absoluteTimeout
    }
}
