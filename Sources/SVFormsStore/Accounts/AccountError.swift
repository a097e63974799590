import Foundation

/// What the store refuses, as the domain understands it.
public enum AccountError: Error, Equatable {
    case emailAlreadyUsed
    case noSuchAccount
    case lastActiveAdmin
}
