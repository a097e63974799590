import Foundation

/// The fields a person sent for a page, by input name; repeated names (checkboxes) keep every value.
public struct FormInput: Sendable, Equatable {
    public var fields: [String: [String]]

    public init(_ fields: [String: [String]] = [:]) {
        self.fields = fields
    }

    public func values(_ name: String) -> [String] { fields[name] ?? [] }

    /// The single value of a field; nil when it is missing or blank.
    /// The first value of `name` without surrounding spaces and line breaks; empty when there is none.
    public func trimmed(_ name: String) -> String {
        (value(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func value(_ name: String) -> String? {
        fields[name]?.first.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }

    /// The inputs a page shows for answers already saved, so the page opens with them filled in.
    public static func prefilled(from answers: Answers, for questions: [Question]) -> FormInput {
        var fields: [String: [String]] = [:]
        for question in questions {
            guard let values = answers[question.id] else { continue }
            fields.merge(question.kind.type.inputs(showing: values, id: question.id)) { _, new in new }
        }
        return FormInput(fields)
    }
}

extension Question {
    /// The names of the inputs this question posts: its id, or for a date its three boxes.
    public var inputNames: [String] { kind.type.inputNames(id) }
}

/// Saved answers by question id; every answer is a list (one value except for multiple choice).
public typealias Answers = [String: [String]]
