import Yams

/// Tracks ids already used in a list and reports a repeat with the line of the first use.
struct UniqueIDs {
    let reader: YAMLReader
    /// What the ids are, for the message: "question id", "option value".
    let kind: String
    /// Where they are, for the message: "scale \"understanding\"".
    let within: String?
    private var firstLines: [String: Int] = [:]

    init(reader: YAMLReader, kind: String, within: String? = nil) {
        self.reader = reader
        self.kind = kind
        self.within = within
    }

    /// Returns false (and reports) when `id` was already used.
    mutating func insert(_ id: String, at node: Node?) -> Bool {
        let line = node?.mark?.line ?? 1
        if let first = firstLines[id] {
            reader.report("duplicate \(kind) \"\(id)\"\(within.map { " in \($0)" } ?? "") (first used on line \(first))", line: line)
            return false
        }
        firstLines[id] = line
        return true
    }
}
