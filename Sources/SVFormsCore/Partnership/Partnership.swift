import Foundation

/// The partnership that owns the questionnaires: its members, areas and reporting calendar.
public struct Partnership: Sendable {
    public var name: String
    public var shortName: String?
    public var timeZone: TimeZone
    /// Month (1–12) in which the reporting year starts; 4 gives UK financial quarters.
    public var reportingYearStartMonth: Int
    public var organisations: [Organisation]
    public var areas: [Area]
    public var safeguardingContacts: [SafeguardingContact]

    public init(
        name: String, shortName: String? = nil, timeZone: TimeZone, reportingYearStartMonth: Int,
        organisations: [Organisation], areas: [Area], safeguardingContacts: [SafeguardingContact]
    ) {
        self.name = name
        self.shortName = shortName
        self.timeZone = timeZone
        self.reportingYearStartMonth = reportingYearStartMonth
        self.organisations = organisations
        self.areas = areas
        self.safeguardingContacts = safeguardingContacts
    }

    /// The name used in page headers.
    public var displayName: String { shortName ?? name }
}

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

/// An organisation's standing under the Serious Violence Duty.
public enum OrganisationType: String, Sendable, CaseIterable {
    case specified, relevant, other

    /// How the type is headed in breakdowns and downloads.
    public var label: String {
        switch self {
        case .specified: "Specified authorities"
        case .relevant: "Relevant authorities"
        case .other: "Other organisations"
        }
    }
}

/// The kind of public service an organisation provides.
public enum Sector: String, Sendable, CaseIterable {
    case police, probation
    case youthJustice = "youth-justice"
    case fireAndRescue = "fire-and-rescue"
    case health
    case localAuthority = "local-authority"
    case publicHealth = "public-health"
    case education, prison
    case youthCustody = "youth-custody"
    case policingBody = "policing-body"
    case violenceReductionUnit = "violence-reduction-unit"
    case communitySafety = "community-safety"
    case safeguarding, housing, voluntary, other
}

/// A district or borough the partnership covers.
public struct Area: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Where to get help; shown on every public form page.
public struct SafeguardingContact: Sendable, Equatable {
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
