import Foundation

/// At most `failures` attempts within `window` seconds under one key.
public struct AttemptLimit: Sendable, Equatable {
    public let failures: Int
    public let window: TimeInterval

    public init(failures: Int, window: TimeInterval) {
        self.failures = failures
        self.window = window
    }
}

/// The attempts one `reserveAttempt` recorded, so that a success can withdraw exactly those.
public struct AttemptReservation: Sendable, Equatable {
    let ids: [Int64]
}

/// The outcome of asking to make an attempt.
public enum AttemptDecision: Sendable, Equatable {
    /// Go ahead; the attempt is already counted as a failure until it is withdrawn.
    case allowed(AttemptReservation)
    /// Refused for this many seconds; `isFirstRefusal` is true once per key and window, for the audit log.
    case refused(retryAfter: TimeInterval, isFirstRefusal: Bool)
}
