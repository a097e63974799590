import Foundation

/// A member organisation of the partnership.
public struct Organisation: Sendable, Equatable {
    public var id: String
    public var name: String
    public var type: OrganisationType
    public var sector: Sector

    public init(id: String, name: String, type: OrganisationType, sector: Sector) {
        self.id = id
        self.name = name
        self.type = type
        self.sector = sector
    }
}
