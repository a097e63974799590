import Foundation
import SVFormsCore

/// A quarter's board report: every framework measure with its trend, then the sections behind
/// them. Built once per request; the public version (aggregates only, small counts suppressed)
/// is what a lead publishes, stored as JSON so the public page shows exactly what was published.
struct BoardReport: Codable, Sendable, Equatable {
    var quarter: String
    var previousQuarter: String
    var partnershipName: String
    /// Aggregates only: no per-authority response rates, no action texts, counts from people's
    /// answers under 5 suppressed.
    var isPublic: Bool
    /// "22 November 2026", the day it was built.
    var preparedOn: String
    var measures: [MeasureLine]
    var surveys: [SurveySection]
    var attendance: AttendanceSection?
    var responseRates: [ResponseRateSection]
    var voices: [VoiceSection]
    var actions: ActionSection

    /// A framework measure in the quarter, the quarter before and the last eight.
    struct MeasureLine: Codable, Sendable, Equatable {
        var id: String
        var title: String
        var unit: String
        var kind: String
        var source: String
        var better: String
        var value: Double?
        var previous: Double?
        var change: Double?
        /// "better", "worse", "no change".
        var direction: String?
        /// Why there is no figure, or a caution.
        var note: String?
        /// Oldest first, ending with this quarter.
        var trend: [TrendPoint]
    }

    struct TrendPoint: Codable, Sendable, Equatable {
        var quarter: String
        var value: Double?
    }

    /// A survey measure (2.2.1.a) overall and by organisation type.
    struct SurveySection: Codable, Sendable, Equatable {
        var measureID: String
        var title: String
        var formTitle: String
        /// What the score is a share of, in the questionnaire's own words.
        var basis: String
        var overall: FigureLine
        var byType: [FigureLine]
        /// How many responses through the public link the score leaves out, in a sentence (nil when none).
        var leftOut: String?
    }

    /// One figure of a survey measure; in the public report, nil counts were suppressed.
    struct FigureLine: Codable, Sendable, Equatable {
        var label: String
        /// Responses behind the figure (the public report gives it for the overall figure only, and
        /// shows a figure only from 5 or more).
        var responses: Int?
        var numerator: Int?
        var denominator: Int?
        var percentage: Double?
        var lower: Double?
        var upper: Double?
        var change: Double?
        var note: String?
    }

    /// 2.1.1.a: the board meetings and who came.
    struct AttendanceSection: Codable, Sendable, Equatable {
        var measureID: String
        var boardName: String
        /// "12 May 2026", oldest first.
        var boardMeetings: [String]
        var attended: [String]
        var absent: [String]
        var subGroupOnly: [String]
        var otherAttendees: [String]
        /// "Data and Analysis Working Group (DAWG), 3 June 2026".
        var subGroupMeetings: [String]
        var authorities: Int
    }

    /// Response rates of a survey's rounds that opened in the quarter.
    struct ResponseRateSection: Codable, Sendable, Equatable {
        var formTitle: String
        var rounds: [String]
        /// Per authority; empty in the public report.
        var rows: [RateRow]
        var invited: Int?
        var responded: Int?
        /// nil in the public report when the matching count of people is suppressed.
        var authoritiesInvited: Int?
        var authoritiesResponded: Int?

        /// Percentage of those invited who responded (1 dp); nil when nobody was invited or a count is suppressed.
        var rate: Double? {
            guard let invited, let responded, invited > 0 else { return nil }
            return OneDecimal.percentage(responded, of: invited)
        }
    }

    struct RateRow: Codable, Sendable, Equatable {
        var organisation: String
        var invited: Int
        var responded: Int

        var rate: Double? { invited > 0 ? OneDecimal.percentage(responded, of: invited) : nil }
    }

    /// Community voices in the quarter by area and theme; suppressed counts are nil.
    struct VoiceSection: Codable, Sendable, Equatable {
        var formTitle: String
        var total: Int?
        var themes: [String]
        var areas: [AreaRow]
    }

    struct AreaRow: Codable, Sendable, Equatable {
        var area: String
        var total: Int?
        var themes: [Int?]
    }

    /// Actions of meetings up to the quarter's end that are still open today.
    struct ActionSection: Codable, Sendable, Equatable {
        var outstanding: Int
        /// Empty in the public report.
        var rows: [ActionRow]
    }

    struct ActionRow: Codable, Sendable, Equatable {
        var description: String
        var owner: String
        var due: String?
        var isOverdue: Bool
        var status: String
        var meeting: String
    }
}
