import Foundation
import Yams

/// Reads one question: common keys, then the keys its type allows.
struct QuestionReader {
    let reader: YAMLReader
    let partnership: Partnership?
    let scales: [String: RatingScale]
    /// Questions on earlier pages, which `show_if` may refer to.
    let earlier: [String: Question]
    /// Earlier questions that failed to load (already reported).
    let unreadable: Set<String>

    static let commonKeys = ["id", "type", "label", "hint", "optional", "error_message", "show_if"]

    static func keys(for type: QuestionTypeName) -> [String] {
        switch type {
        case .shortText, .longText: ["min_length", "max_length"]
        case .singleChoice: ["options"]
        case .multipleChoice: ["options", "min_selected", "max_selected"]
        case .rating: ["scale"]
        case .number: ["min", "max", "whole_number"]
        case .date: ["min", "max"]
        case .organisation: ["types"]
        case .email, .area, .consent: []
        }
    }

    static func requiredKeys(for type: QuestionTypeName) -> [String] {
        switch type {
        case .singleChoice, .multipleChoice: ["options"]
        case .rating: ["scale"]
        default: []
        }
    }

    /// The question and the node of its id.
    func question(_ node: Node) -> (Question, Node?)? {
        let type = questionType(node)
        let allowed = Self.commonKeys + (type.map(Self.keys(for:)) ?? QuestionTypeName.allCases.flatMap(Self.keys(for:)))
        let rawID = node.mapping?["id"]?.string
        let what = rawID.map { "question \"\($0)\"" } ?? "a question"
        guard
            let m = reader.mapping(
                node, what, allowed: allowed, required: ["id", "type", "label"] + (type.map(Self.requiredKeys(for:)) ?? [])),
            let id = reader.slug(m, "id", what)
        else { return nil }
        let label = reader.string(m, "label", what)
        let showIf = readShowIf(m, questionID: id)
        guard let type, let label, let kind = readKind(type, m, what) else { return nil }
        let question = Question(
            id: id, label: label, hint: reader.string(m, "hint", what),
            isOptional: reader.bool(m, "optional", what) ?? false,
            errorMessage: reader.string(m, "error_message", what), showIf: showIf, kind: kind)
        return (question, m["id"])
    }

    /// The declared type, reporting an unknown one.
    private func questionType(_ node: Node) -> QuestionTypeName? {
        guard let typeNode = node.mapping?["type"] else { return nil }
        guard typeNode.scalar != nil, let raw = typeNode.string else {
            reader.report("\"type\" of a question must be one of the type names, written as text", at: typeNode)
            return nil
        }
        guard let type = QuestionTypeName(rawValue: raw) else {
            let known = QuestionTypeName.allCases.map(\.rawValue).joined(separator: ", ")
            reader.report("unknown question type \"\(raw)\"; use one of: \(known)", at: typeNode)
            return nil
        }
        return type
    }

    private func readKind(_ type: QuestionTypeName, _ m: YAMLMapping, _ what: String) -> QuestionKind? {
        switch type {
        case .shortText: return .shortText(readTextLimits(m, what, default: .shortTextDefault))
        case .longText: return .longText(readTextLimits(m, what, default: .longTextDefault))
        case .singleChoice: return .singleChoice(readChoices(m, what))
        case .multipleChoice: return .multipleChoice(readChoices(m, what), readSelectionLimits(m, what))
        case .rating:
            guard let name = reader.string(m, "scale", what) else { return nil }
            guard let scale = scales[name] else {
                reader.report("\(what) names the unknown scale \"\(name)\"", at: m["scale"])
                return nil
            }
            return .rating(scale)
        case .number: return .number(readNumberLimits(m, what))
        case .date: return .date(DateLimits(min: readDateBound(m, "min", what), max: readDateBound(m, "max", what)))
        case .email: return .email
        case .organisation: return .organisation(organisationChoices(m, what))
        case .area: return .area((partnership?.areas ?? []).map { Choice(value: $0.id, label: $0.name) })
        case .consent: return .consent
        }
    }

    private func readChoices(_ m: YAMLMapping, _ what: String) -> [Choice] {
        guard let node = m["options"] else { return [] }
        let choices = reader.options(node, what, allowExcluded: false)
        if node.sequence?.isEmpty == true { reader.report("\(what) has no options", at: node) }
        return choices
    }

    private func organisationChoices(_ m: YAMLMapping, _ what: String) -> [Choice] {
        var types = Set(OrganisationType.allCases)
        if let raw = reader.strings(m, "types", what) {
            types = []
            for value in raw {
                guard let type = OrganisationType(rawValue: value) else {
                    reader.report("\"types\" of \(what) lists \"\(value)\"; use specified, relevant or other", at: m["types"])
                    continue
                }
                types.insert(type)
            }
        }
        guard let partnership else { return [] }
        let choices = partnership.organisations.filter { types.contains($0.type) }.map { Choice(value: $0.id, label: $0.name) }
        if choices.isEmpty {
            reader.report("\(what) offers no organisations: none in partnership.yaml has the types listed", at: m["types"] ?? m.node)
        }
        return choices
    }

    private func readTextLimits(_ m: YAMLMapping, _ what: String, default limits: TextLimits) -> TextLimits {
        let minLength = reader.int(m, "min_length", what, minimum: 0) ?? limits.minLength
        let maxLength = reader.int(m, "max_length", what, minimum: 1) ?? limits.maxLength
        if minLength > maxLength {
            reader.report("\"min_length\" of \(what) is more than its \"max_length\"", at: m["min_length"])
        }
        return TextLimits(minLength: minLength, maxLength: maxLength)
    }

    private func readSelectionLimits(_ m: YAMLMapping, _ what: String) -> SelectionLimits {
        let limits = SelectionLimits(
            minSelected: reader.int(m, "min_selected", what, minimum: 1),
            maxSelected: reader.int(m, "max_selected", what, minimum: 1))
        if let low = limits.minSelected, let high = limits.maxSelected, low > high {
            reader.report("\"min_selected\" of \(what) is more than its \"max_selected\"", at: m["min_selected"])
        }
        return limits
    }

    private func readNumberLimits(_ m: YAMLMapping, _ what: String) -> NumberLimits {
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
        return limits
    }

    private func readDateBound(_ m: YAMLMapping, _ key: String, _ what: String) -> DateBound? {
        guard let text = reader.string(m, key, what) else { return nil }
        if text == "today" { return .today }
        guard let day = CalendarDay(iso: text) else {
            reader.report("\"\(key)\" of \(what) must be a date like 2025-04-01, or today", at: m[key])
            return nil
        }
        return .day(day)
    }

    private func readShowIf(_ m: YAMLMapping, questionID: String) -> ShowIf? {
        guard let node = m["show_if"] else { return nil }
        let what = "show_if of \"\(questionID)\""
        guard let s = reader.mapping(node, what, allowed: ["question", "equals", "any_of"], required: ["question"]),
            let sourceID = reader.string(s, "question", what)
        else { return nil }
        guard let source = earlier[sourceID] else {
            if unreadable.contains(sourceID) { return nil }
            reader.report(
                "\(what) refers to \"\(sourceID)\", which is not a question on an earlier page; show_if can only look back",
                at: s["question"])
            return nil
        }
        let values: [String]?
        switch (s["equals"], s["any_of"]) {
        case (.some, .some), (nil, nil):
            reader.report("\(what) needs exactly one of \"equals\" or \"any_of\"", at: node)
            values = nil
        case (.some(let equals), nil):
            if equals.scalar == nil {
                reader.report("\"equals\" of \(what) takes one value; use \"any_of\" for several", at: equals)
                values = nil
            } else {
                values = reader.strings(s, "equals", what)
            }
        case (nil, .some): values = reader.strings(s, "any_of", what)
        }
        guard let values else { return nil }
        let possible = source.kind.choices.map { $0.map(\.value) } ?? (isConsent(source) ? ["yes"] : nil)
        if let possible {
            for value in values where !possible.contains(value) {
                reader.report("\(what) looks for \"\(value)\", which \"\(sourceID)\" can never answer", at: node)
            }
        }
        return ShowIf(questionID: sourceID, values: values)
    }

    private func isConsent(_ question: Question) -> Bool {
        if case .consent = question.kind { true } else { false }
    }
}
