import Yams

extension YAMLReader {
    /// Reads a list of options, each `{ value, label, hint }` (and `excluded` on scales).
    func options(_ node: Node, _ what: String, allowExcluded: Bool) -> [Choice] {
        guard let items = node.sequence else {
            report("the options of \(what) must be a list", at: node)
            return []
        }
        var values = UniqueIDs(reader: self, kind: "option value", within: what)
        let keys = ["value", "label", "hint"] + (allowExcluded ? ["excluded"] : [])
        return items.compactMap { item in
            guard let m = mapping(item, "an option of \(what)", allowed: keys, required: ["value", "label"]),
                let value = slug(m, "value", "an option of \(what)"),
                let label = string(m, "label", "option \"\(value)\" of \(what)"),
                values.insert(value, at: m["value"])
            else { return nil }
            let optionWhat = "option \"\(value)\" of \(what)"
            return Choice(
                value: value, label: label, hint: string(m, "hint", optionWhat),
                isExcluded: bool(m, "excluded", optionWhat) ?? false)
        }
    }
}
