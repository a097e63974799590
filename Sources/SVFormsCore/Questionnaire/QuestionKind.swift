import Foundation

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
