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
