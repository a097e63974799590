import Crypto
import Foundation

/// The random tokens behind every cookie and one-time link: 256 bits, base64url (43 characters).
/// Only their SHA-256 is ever stored, so a leaked database hands out no live token.
public enum RandomToken {
    /// A new token from the system's secure random source.
    public static func generate() -> String {
        // Four 64-bit draws rather than 32 one-byte ones: each draw is a call into the kernel's generator.
        var generator = SystemRandomNumberGenerator()
        var bytes = Data(capacity: 32)
        for _ in 0..<4 { withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) } }
        return bytes.base64URLEncoded
    }

    /// Whether `text` looks like a token we issue (checked before any lookup).
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == 43 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The SHA-256 stored in place of the token.
    public static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}

extension Data {
    /// Unpadded base64url. Every page view and submission makes one or two (tokens, anti-forgery MACs), so the
    /// base64 bytes are mapped directly rather than through three Foundation string replacements.
    public var base64URLEncoded: String {
        let bytes = base64EncodedString().utf8.compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
