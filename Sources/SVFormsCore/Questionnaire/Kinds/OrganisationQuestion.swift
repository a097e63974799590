import Yams

/// The organisation a person answers for: the partnership's organisations of the listed types.
public struct OrganisationQuestion: ReadableQuestionType, OptionsQuestion {
    public var options: ChoiceOptions

    static let typeName = "organisation"
    static let keys = ["types"]

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> OrganisationQuestion? {
        let (reader, what) = (context.reader, context.what)
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
        guard let partnership = context.partnership else { return OrganisationQuestion(options: ChoiceOptions([])) }
        let choices = partnership.organisations.filter { types.contains($0.type) }.map { Choice(value: $0.id, label: $0.name) }
        if choices.isEmpty {
            reader.report("\(what) offers no organisations: none in partnership.yaml has the types listed", at: m["types"] ?? m.node)
        }
        return OrganisationQuestion(options: ChoiceOptions(choices))
    }
}

extension QuestionKind {
    public static func organisation(_ choices: [Choice]) -> QuestionKind {
        QuestionKind(OrganisationQuestion(options: ChoiceOptions(choices)))
    }
}
