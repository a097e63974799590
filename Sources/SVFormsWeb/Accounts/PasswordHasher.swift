import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool because one hash takes about 0.2 s at cost 12 and
/// would otherwise hold up one of the two cooperative threads that serve every request.
///
/// bcrypt reads only the first 72 bytes of its input, so the password is first reduced to
/// the base64 of its SHA-256 (44 bytes): every character of a long passphrase counts.
public struct PasswordHasher: Sendable {
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// The shortest and longest passwords accepted.
    public static let lengths = 8...1024

    /// A bcrypt hash of the password, computed off the cooperative threads.
    public func hash(_ password: String) async throws -> String {
        let input = Self.prepared(password)
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(input, cost: cost) }
    }

    /// Whether the password matches the hash, checked off the cooperative threads.
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        let input = Self.prepared(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) }
    }

    /// The base64 SHA-256 of the password: what bcrypt actually hashes.
    static func prepared(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    /// Why a new password is refused, or nil when it is acceptable.
    public static func problem(with password: String) -> String? {
        if password.count < lengths.lowerBound { return "Password must be at least \(lengths.lowerBound) characters" }
        if password.count > lengths.upperBound { return "Password must be \(lengths.upperBound) characters or fewer" }
        return nil
    }
}
