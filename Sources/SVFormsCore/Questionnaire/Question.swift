import Foundation

/// A single question on a page.
public struct Question: Sendable {
    public var id: String
    public var label: String
    public var hint: String?
    public var isOptional: Bool
    /// Replaces the standard message shown when a required question is left blank.
    public var errorMessage: String?
    public var showIf: ShowIf?
    public var kind: QuestionKind

    public init(
        id: String, label: String, hint: String? = nil, isOptional: Bool = false,
        errorMessage: String? = nil, showIf: ShowIf? = nil, kind: QuestionKind
    ) {
        self.id = id
        self.label = label
        self.hint = hint
        self.isOptional = isOptional
        self.errorMessage = errorMessage
        self.showIf = showIf
        self.kind = kind
    }
}

/// What a question asks for, with its limits. Organisation, area and rating questions
/// carry their options already resolved from the partnership and the named scale.
public enum QuestionKind: Sendable {
    case shortText(TextLimits)
    case longText(TextLimits)
    case singleChoice([Choice])
    case multipleChoice([Choice], SelectionLimits)
    case rating(RatingScale)
    case number(NumberLimits)
    case date(DateLimits)
    case email
    case organisation([Choice])
    case area([Choice])
    case consent

    /// The options a person picks from, for the kinds that have them.
    public var choices: [Choice]? {
        switch self {
        case .singleChoice(let choices), .multipleChoice(let choices, _), .organisation(let choices), .area(let choices):
            choices
        case .rating(let scale):
            scale.options
        case .shortText, .longText, .number, .date, .email, .consent:
            nil
        }
    }
}

/// The question type names used in YAML files.
public enum QuestionTypeName: String, Sendable, CaseIterable {
    case shortText = "short_text"
    case longText = "long_text"
    case singleChoice = "single_choice"
    case multipleChoice = "multiple_choice"
    case rating, number, date, email, organisation, area, consent
}

/// One option of a choice, organisation, area or rating question.
public struct Choice: Sendable, Equatable {
    public var value: String
    public var label: String
    public var hint: String?
    /// Rating options such as "Don't know": recorded, but left out of measure denominators.
    public var isExcluded: Bool

    public init(value: String, label: String, hint: String? = nil, isExcluded: Bool = false) {
        self.value = value
        self.label = label
        self.hint = hint
        self.isExcluded = isExcluded
    }
}

/// Shows a question only when an earlier question's answer is one of `values`.
public struct ShowIf: Sendable, Equatable {
    public var questionID: String
    public var values: [String]

    public init(questionID: String, values: [String]) {
        self.questionID = questionID
        self.values = values
    }
}

public struct TextLimits: Sendable, Equatable {
    public var minLength: Int
    public var maxLength: Int

    public init(minLength: Int = 0, maxLength: Int) {
        self.minLength = minLength
        self.maxLength = maxLength
    }

    public static let shortTextDefault = TextLimits(maxLength: 200)
    public static let longTextDefault = TextLimits(maxLength: 5000)
}

public struct SelectionLimits: Sendable, Equatable {
    public var minSelected: Int?
    public var maxSelected: Int?

    public init(minSelected: Int? = nil, maxSelected: Int? = nil) {
        self.minSelected = minSelected
        self.maxSelected = maxSelected
    }
}

public struct NumberLimits: Sendable, Equatable {
    public var min: Decimal?
    public var max: Decimal?
    public var wholeNumber: Bool

    public init(min: Decimal? = nil, max: Decimal? = nil, wholeNumber: Bool = true) {
        self.min = min
        self.max = max
        self.wholeNumber = wholeNumber
    }
}

/// A bound of a date question: a fixed day or "today" in the partnership's time zone.
public enum DateBound: Sendable, Equatable {
    case day(CalendarDay)
    case today
}

public struct DateLimits: Sendable, Equatable {
    public var min: DateBound?
    public var max: DateBound?

    public init(min: DateBound? = nil, max: DateBound? = nil) {
        self.min = min
        self.max = max
    }
}
