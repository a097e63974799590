import Foundation

/// Numbers, with commas allowed as people write them, and optional limits.
struct NumberAnswerValidator: AnswerValidator {
    let limits: NumberLimits

    var requiredMessage: String { "Enter a number" }

    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
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
}

extension Decimal {
    func rounded() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
