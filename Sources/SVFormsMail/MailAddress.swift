import Foundation
import SVFormsCore

/// An email address with an optional display name, safe to put in a header.
///
/// Creating one refuses CR, LF and other control characters in either part, and an address
/// that is not plausible by SVFormsCore's `EmailAddress.isPlausible` (the one rule the
/// forms use too). Addresses must also be ASCII: svforms does not use SMTPUTF8, so a
/// non-ASCII address could not be put in the envelope or the headers faithfully.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The bare address, `someone@example.org`, as used in the SMTP envelope.
    public let address: String
    /// The display name, if any; `nil` when none or blank. Any Unicode text.
    public let name: String?

    public init(_ address: String, name: String? = nil) throws(MailError) {
        guard !HeaderText.containsLineBreakOrControl(address),
            address.unicodeScalars.allSatisfy(\.isASCII),
            EmailAddress.isPlausible(address)
        else {
            throw .invalidAddress(address)
        }
        if let name, HeaderText.containsLineBreakOrControl(name) {
            throw .headerInjection(field: "display name")
        }
        self.address = address
        let trimmed = name?.trimmingCharacters(in: .whitespaces)
        self.name = (trimmed?.isEmpty ?? true) ? nil : trimmed
    }

    /// `Name <address>` (unencoded), for logs and debugging.
    public var description: String {
        name.map { "\($0) <\(address)>" } ?? address
    }
}
