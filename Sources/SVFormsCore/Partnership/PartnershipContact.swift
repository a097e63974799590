import Foundation

/// Who people ask about the partnership's surveys: named in every invitation and on every confirmation
/// page, so that staff trained against phishing can check an email is genuine before opening its link.
public struct PartnershipContact: Sendable, Hashable {
    /// A person or a team ("Community Safety Team").
    public var name: String
    public var email: String?
    public var phone: String?

    public init(name: String, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    /// "Community Safety Team (svp@example.gov.uk, 01234 567890)".
    public var sentence: String {
        let ways = [email, phone].compactMap { $0 }
        return ways.isEmpty ? name : "\(name) (\(ways.joined(separator: ", ")))"
    }
}
