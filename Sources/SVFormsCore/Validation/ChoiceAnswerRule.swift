import Yams

/// The rule every question of radios or checkboxes shares (single and multiple choice, rating,
/// organisation, area, consent): only values from the question's own list are ever accepted.
struct ChoiceAnswerRule {
    let allowed: [String]
    let multiple: Bool
    var limits = SelectionLimits()

    func check(_ input: FormInput, _ question: Question) -> AnswerCheck {
        let values = input.values(question.id).filter { !$0.isEmpty }
        if values.isEmpty { return .blank }
        guard values.allSatisfy(allowed.contains) else { return .invalid("Select one of the options shown") }
        guard multiple else {
            return Set(values).count == 1 ? .answered([values[0]]) : .invalid("Select only one answer")
        }
        let chosen = allowed.filter(values.contains)  // in the question's order, no repeats
        if let most = limits.maxSelected, chosen.count > most {
            return .invalid("Select no more than \(most) options")
        }
        if let least = limits.minSelected, chosen.count < least {
            return .invalid("Select at least \(least) options")
        }
        return .answered(chosen)
    }
}

/// The options of a choice, rating, organisation or area question, with each value's label looked up
/// rather than searched for: "Check your answers" and an export of a million cells both ask.
public struct ChoiceOptions: Sendable {
    public let choices: [Choice]
    private let labels: [String: String]

    public init(_ choices: [Choice]) {
        self.choices = choices
        labels = Dictionary(choices.map { ($0.value, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// The label of each value, or the value itself when no option has it (a retired option).
    func lines(_ values: [String]) -> [String] { values.map { labels[$0] ?? $0 } }

    /// The cell of `values`: one label as it is (an export fills a million of these, so no list is built
    /// for one), several joined with "; ".
    func cell(_ values: [String]) -> AnswerCell {
        .text(values.count == 1 ? labels[values[0]] ?? values[0] : lines(values).joined(separator: "; "))
    }

    /// Reads `options` of a single or multiple choice question.
    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> ChoiceOptions {
        guard let node = m["options"] else { return ChoiceOptions([]) }
        let choices = context.reader.options(node, context.what, allowExcluded: false)
        if node.sequence?.isEmpty == true { context.reader.report("\(context.what) has no options", at: node) }
        return ChoiceOptions(choices)
    }
}

/// A kind whose answer is one of its options (radios); `MultipleChoiceQuestion` allows several.
public protocol OptionsQuestion: QuestionType {
    var options: ChoiceOptions { get }
}

extension OptionsQuestion {
    public var choices: [Choice]? { options.choices }
    public var requiredMessage: String { "Select an answer" }

    public func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        ChoiceAnswerRule(allowed: options.choices.map(\.value), multiple: false).check(input, question)
    }

    public func readableLines(_ values: [String]) -> [String] { options.lines(values) }
    public func cell(_ values: [String]) -> AnswerCell { options.cell(values) }
}
