import Foundation

/// The question type names used in YAML files.
public enum QuestionTypeName: String, Sendable, CaseIterable {
    case shortText = "short_text"
    case longText = "long_text"
    case singleChoice = "single_choice"
    case multipleChoice = "multiple_choice"
    case rating, number, date, email, organisation, area, consent
}
