import Foundation
import Yams

/// Reads one YAML file node by node, collecting every problem with its line
/// instead of stopping at the first, so `svforms check` can list them all.
final class YAMLReader {
    let file: String
    private(set) var problems: [LoadProblem] = []

    init(file: String) {
        self.file = file
    }

    func report(_ message: String, at node: Node?) {
        report(message, line: node?.mark?.line ?? 1)
    }

    func report(_ message: String, line: Int) {
        problems.append(LoadProblem(file: file, line: line, message: message))
    }

    /// Parses the text, reporting syntax errors with their line.
    func parse(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report("the file is empty", line: 1)
                return nil
            }
            return node
        } catch let error as YamlError {
            report(Self.describe(error), line: Self.line(of: error))
        } catch {
            report("YAML syntax error: \(error)", line: 1)
        }
        return nil
    }

    /// Reads a mapping, reporting keys that are not in `allowed` and `required` keys that are missing.
    func mapping(_ node: Node, _ what: @autoclosure () -> String, allowed: [String], required: [String] = []) -> YAMLMapping? {
        guard let pairs = node.mapping else {
            report("\(what()) must be a mapping of keys to values", at: node)
            return nil
        }
        var entries: [String: Node] = [:]
        var suggested: Set<String> = []
        for (keyNode, value) in pairs {
            guard let key = keyNode.string else {
                report("\(what()) has a key that is not text", at: keyNode)
                continue
            }
            if allowed.contains(key) {
                entries[key] = value
            } else {
                let suggestion = Self.suggestion(for: key, among: allowed)
                if let suggestion { suggested.insert(suggestion) }
                report("unknown key \"\(key)\" in \(what())" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""), at: keyNode)
            }
        }
        let mapping = YAMLMapping(node: node, entries: entries)
        // A misspelt required key is one problem, already reported with its suggestion.
        for key in required where entries[key] == nil && !suggested.contains(key) {
            report("\(what()) is missing the required key \"\(key)\"", at: node)
        }
        return mapping
    }

    // MARK: Scalars

    func string(_ mapping: YAMLMapping, _ key: String, _ what: String) -> String? {
        guard let node = mapping[key] else { return nil }
        guard node.scalar != nil, let value = node.string?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            report("\"\(key)\" of \(what) must be text", at: node)
            return nil
        }
        if value.isEmpty {
            report("\"\(key)\" of \(what) is empty", at: node)
            return nil
        }
        return value
    }

    /// An identifier: lower-case letters, digits, `-` and `_`, starting with a letter.
    func slug(_ mapping: YAMLMapping, _ key: String, _ what: String, allowDots: Bool = false) -> String? {
        guard let value = string(mapping, key, what) else { return nil }
        guard Self.isSlug(value, allowDots: allowDots) else {
            report(
                "\"\(key)\" of \(what) must be a lower-case identifier (letters, digits, - and _), not \"\(value)\"",
                at: mapping[key])
            return nil
        }
        return value
    }

    func int(_ mapping: YAMLMapping, _ key: String, _ what: String, minimum: Int? = nil) -> Int? {
        guard let node = mapping[key] else { return nil }
        guard node.scalar != nil, let value = node.int else {
            report("\"\(key)\" of \(what) must be a whole number", at: node)
            return nil
        }
        if let minimum, value < minimum {
            report("\"\(key)\" of \(what) must be \(minimum) or more", at: node)
            return nil
        }
        return value
    }

    func bool(_ mapping: YAMLMapping, _ key: String, _ what: String) -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard node.scalar != nil, let value = node.bool else {
            report("\"\(key)\" of \(what) must be true or false", at: node)
            return nil
        }
        return value
    }

    func sequence(_ mapping: YAMLMapping, _ key: String, _ what: String) -> [Node]? {
        guard let node = mapping[key] else { return nil }
        guard let items = node.sequence else {
            report("\"\(key)\" of \(what) must be a list", at: node)
            return nil
        }
        return Array(items)
    }

    /// A list of texts, also accepting a single text for a one-item list.
    func strings(_ mapping: YAMLMapping, _ key: String, _ what: String) -> [String]? {
        guard let node = mapping[key] else { return nil }
        let items = node.sequence.map(Array.init) ?? [node]
        var values: [String] = []
        for item in items {
            guard item.scalar != nil, let value = item.string, !value.isEmpty else {
                report("\"\(key)\" of \(what) must be a list of texts", at: item)
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// Text made of paragraphs separated by blank lines.
    func paragraphs(_ mapping: YAMLMapping, _ key: String, _ what: String) -> [String] {
        guard let text = string(mapping, key, what) else { return [] }
        return text.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

/// The keys of a YAML mapping that passed the allowed-key check.
struct YAMLMapping {
    let node: Node
    let entries: [String: Node]

    subscript(key: String) -> Node? { entries[key] }

    var line: Int { node.mark?.line ?? 1 }
}
