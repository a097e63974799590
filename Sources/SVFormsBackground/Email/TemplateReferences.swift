import Foundation

/// The templates a template names: `{{>partial}}` includes and `{{<layout}}` parents. The start-up
/// check follows them from every `Template`, because swift-mustache renders a missing one as nothing
/// (an empty 200 page) rather than failing.
public enum TemplateReferences {
    /// The names `source` includes or extends, in the order they appear.
    public static func named(in source: String) -> [String] {
        var names: [String] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let marker = rest.first, marker == ">" || marker == "<",
                let close = rest.range(of: "}}")
            else { continue }
            let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// What following includes and parents from `roots` finds in `directory`: the templates that are
    /// there, and those that are not, each with the template that named it (nil for a root).
    public static func walk(from roots: [String], in directory: String) -> (found: Set<String>, missing: [(name: String, namedBy: String?)]) {
        var found = Set<String>()
        var missing: [(name: String, namedBy: String?)] = []
        var seen = Set<String>()
        var queue: [(name: String, namedBy: String?)] = roots.map { ($0, nil) }
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard seen.insert(next.name).inserted else { continue }
            guard let source = try? String(contentsOfFile: "\(directory)/\(next.name).mustache", encoding: .utf8) else {
                missing.append(next)
                continue
            }
            found.insert(next.name)
            queue += named(in: source).map { ($0, next.name) }
        }
        return (found, missing)
    }
}
