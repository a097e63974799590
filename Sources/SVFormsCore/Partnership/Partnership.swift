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
    /// Who to ask about the surveys; nil until the partnership sets it (the dashboard asks for it).
    public var contact: PartnershipContact?
    /// The board first, then its sub-groups in file order.
    public var meetingBodies: [MeetingBody]
    /// The quarterly performance framework, in file order (may be empty).
    public var measures: [FrameworkMeasure]

    public init(
        name: String, shortName: String? = nil, timeZone: TimeZone, reportingYearStartMonth: Int,
        organisations: [Organisation], areas: [Area], safeguardingContacts: [SafeguardingContact],
        meetingBodies: [MeetingBody]? = nil, measures: [FrameworkMeasure] = [], contact: PartnershipContact? = nil
    ) {
        self.name = name
        self.shortName = shortName
        self.timeZone = timeZone
        self.reportingYearStartMonth = reportingYearStartMonth
        self.organisations = organisations
        self.areas = areas
        self.safeguardingContacts = safeguardingContacts
        self.meetingBodies = meetingBodies ?? [MeetingBody(id: MeetingBody.boardID, name: "\(shortName ?? name) board")]
        self.measures = measures
        self.contact = contact
    }

    /// The name used in page headers.
    public var displayName: String { shortName ?? name }

    /// The specified and relevant authorities: the organisations 2.1.1.a and response rates count.
    public var authorities: [Organisation] { organisations.filter { $0.type != .other } }

    public func organisation(id: String) -> Organisation? { organisations.first { $0.id == id } }

    public func meetingBody(id: String) -> MeetingBody? { meetingBodies.first { $0.id == id } }

    public func measure(id: String) -> FrameworkMeasure? { measures.first { $0.id == id } }

    /// The framework's attendance measure (2.1.1.a), if it declares one.
    public var attendanceMeasure: FrameworkMeasure? { measures.first { $0.kind == .attendance } }

    /// How pages name what board attendance counts towards: "measure 2.1.1.a", or a description.
    public var attendanceMeasureName: String { attendanceMeasure.map { "measure \($0.id)" } ?? "the attendance measure" }
}
