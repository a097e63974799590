import Foundation

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
