import Yams

extension YAMLReader {
    static func isSlug(_ value: String, allowDots: Bool = false) -> Bool {
        guard let first = value.unicodeScalars.first, ("a"..."z").contains(first) || (allowDots && ("0"..."9").contains(first)) else {
            return false
        }
        return value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || (allowDots && $0 == ".")
        }
    }

    /// The allowed key within two edits of `key`, if any ("lable" → "label").
    static func suggestion(for key: String, among allowed: [String]) -> String? {
        let best = allowed.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= 2 else { return nil }
        return best.0
    }

    /// Levenshtein distance, small strings only.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, charA) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, charB) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (charA == charB ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            mark.line
        case .duplicatedKeysInMapping(_, let context):
            context.mark.line
        default:
            1
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            "YAML syntax error: \(problem)" + (context.map { " (\($0.text))" } ?? "")
        case .duplicatedKeysInMapping(let duplicates, _):
            "the key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appears more than once in the same mapping"
        case .reader(let problem, _, _, _):
            "the file cannot be read as UTF-8 text: \(problem)"
        default:
            "YAML error: \(error)"
        }
    }
}
