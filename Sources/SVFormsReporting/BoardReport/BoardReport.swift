import Foundation
import SVFormsCore

/// A quarter's board report: every framework measure with its trend, then the sections behind
/// them. Built once per request; the public version (aggregates only, small counts suppressed)
/// is what a lead publishes, stored as JSON so the public page shows exactly what was published.
public struct BoardReport: Codable, Sendable, Equatable {
    public var quarter: String
    public var previousQuarter: String
    public var partnershipName: String
    /// Aggregates only: no per-authority response rates, no action texts, counts from people's
    /// answers under 5 suppressed.
    public var isPublic: Bool
    /// "22 November 2026", the day it was built.
    public var preparedOn: String
    public var measures: [MeasureLine]
    public var surveys: [SurveySection]
    public var attendance: AttendanceSection?
    public var responseRates: [ResponseRateSection]
    public var voices: [VoiceSection]
    public var actions: ActionSection

    /// A framework measure in the quarter, the quarter before and the last eight.
    public struct MeasureLine: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var unit: String
        public var kind: String
        public var source: String
        public var better: String
        public var value: Double?
        public var previous: Double?
        public var change: Double?
        /// "better", "worse", "no change".
        public var direction: String?
        /// Why there is no figure, or a caution.
        public var note: String?
        /// Oldest first, ending with this quarter.
        public var trend: [TrendPoint]
    }

    public struct TrendPoint: Codable, Sendable, Equatable {
        public var quarter: String
        public var value: Double?
    }

    /// A survey measure (2.2.1.a) overall and by organisation type.
    public struct SurveySection: Codable, Sendable, Equatable {
        public var measureID: String
        public var title: String
        public var formTitle: String
        /// What the score is a share of, in the questionnaire's own words.
        public var basis: String
        public var overall: FigureLine
        public var byType: [FigureLine]
        /// How many responses through the public link the score leaves out, in a sentence (nil when none).
        public var leftOut: String?
    }

    /// One figure of a survey measure; in the public report, nil counts were suppressed.
    public struct FigureLine: Codable, Sendable, Equatable {
        public var label: String
        /// Responses behind the figure (the public report gives it for the overall figure only, and
        /// shows a figure only from 5 or more).
        public var responses: Int?
        public var numerator: Int?
        public var denominator: Int?
        public var percentage: Double?
        public var lower: Double?
        public var upper: Double?
        public var change: Double?
        public var note: String?
    }

    /// 2.1.1.a: the board meetings and who came.
    public struct AttendanceSection: Codable, Sendable, Equatable {
        public var measureID: String
        public var boardName: String
        /// "12 May 2026", oldest first.
        public var boardMeetings: [String]
        public var attended: [String]
        public var absent: [String]
        public var subGroupOnly: [String]
        public var otherAttendees: [String]
        /// "Data and Analysis Working Group (DAWG), 3 June 2026".
        public var subGroupMeetings: [String]
        public var authorities: Int
    }

    /// Response rates of a survey's rounds that opened in the quarter.
    public struct ResponseRateSection: Codable, Sendable, Equatable {
        public var formTitle: String
        public var rounds: [String]
        /// Per authority; empty in the public report.
        public var rows: [RateRow]
        public var invited: Int?
        public var responded: Int?
        /// nil in the public report when the matching count of people is suppressed.
        public var authoritiesInvited: Int?
        public var authoritiesResponded: Int?

        /// Percentage of those invited who responded (1 dp); nil when nobody was invited or a count is suppressed.
        public var rate: Double? {
            guard let invited, let responded, invited > 0 else { return nil }
            return OneDecimal.percentage(responded, of: invited)
        }
    }

    public struct RateRow: Codable, Sendable, Equatable {
        public var organisation: String
        public var invited: Int
        public var responded: Int

        public var rate: Double? { invited > 0 ? OneDecimal.percentage(responded, of: invited) : nil }
    }

    /// Community voices in the quarter by area and theme; suppressed counts are nil.
    public struct VoiceSection: Codable, Sendable, Equatable {
        public var formTitle: String
        public var total: Int?
        public var themes: [String]
        public var areas: [AreaRow]
    }

    public struct AreaRow: Codable, Sendable, Equatable {
        public var area: String
        public var total: Int?
        public var themes: [Int?]
    }

    /// Actions of meetings up to the quarter's end that are still open today.
    public struct ActionSection: Codable, Sendable, Equatable {
        public var outstanding: Int
        /// Empty in the public report.
        public var rows: [ActionRow]
    }

    public struct ActionRow: Codable, Sendable, Equatable {
        public var description: String
        public var owner: String
        public var due: String?
        public var isOverdue: Bool
        public var status: String
        public var meeting: String
    }
}
