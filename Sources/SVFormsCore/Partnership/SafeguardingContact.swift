import Foundation

/// Where to get help; shown on every public form page.
public struct SafeguardingContact: Sendable, Hashable {
    public var name: String
    public var phone: String?
    public var url: String?
    public var description: String?

    public init(name: String, phone: String? = nil, url: String? = nil, description: String? = nil) {
        self.name = name
        self.phone = phone
        self.url = url
        self.description = description
    }
}
