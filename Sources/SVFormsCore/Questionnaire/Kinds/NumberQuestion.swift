import Foundation
import Yams

/// A number, with commas allowed as people write them, and optional limits.
public struct NumberQuestion: ReadableQuestionType {
    public var limits: NumberLimits

    static let typeName = "number"
    static let keys = ["min", "max", "whole_number"]

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> NumberQuestion? {
        let (reader, what) = (context.reader, context.what)
        func bound(_ key: String) -> Decimal? {
            guard let text = reader.string(m, key, what) else { return nil }
            guard let value = NumberParser.parse(text) else {
                reader.report("\"\(key)\" of \(what) must be a number", at: m[key])
                return nil
            }
            return value
        }
        let limits = NumberLimits(min: bound("min"), max: bound("max"), wholeNumber: reader.bool(m, "whole_number", what) ?? true)
        if let low = limits.min, let high = limits.max, low > high {
            reader.report("\"min\" of \(what) is more than its \"max\"", at: m["min"])
        }
        return NumberQuestion(limits: limits)
    }

    public var requiredMessage: String { "Enter a number" }

    public func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        guard input.values(question.id).count <= 1 else { return .invalid("Enter one number only") }
        guard let text = input.value(question.id) else { return .blank }
        let example = limits.wholeNumber ? "Enter a whole number, like 12" : "Enter a number, like 12 or 3.5"
        guard let number = NumberParser.parse(text) else { return .invalid(example) }
        if limits.wholeNumber, number != number.rounded() { return .invalid(example) }
        switch (limits.min, limits.max) {
        case (let low?, let high?) where number < low || number > high:
            return .invalid("Enter a number between \(low) and \(high)")
        case (let low?, nil) where number < low:
            return .invalid("Enter a number that is \(low) or more")
        case (nil, let high?) where number > high:
            return .invalid("Enter a number that is \(high) or less")
        default:
            return .answered(["\(number)"])
        }
    }

    /// Whole numbers as numbers; anything else exactly as answered (one decimal place would round it).
    public func cell(_ values: [String]) -> AnswerCell {
        guard let number = Double(values[0]) else { return .text(values[0]) }
        return number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .text(values[0])
    }
}

extension QuestionKind {
    public static func number(_ limits: NumberLimits) -> QuestionKind { QuestionKind(NumberQuestion(limits: limits)) }
}

extension Decimal {
    func rounded() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
