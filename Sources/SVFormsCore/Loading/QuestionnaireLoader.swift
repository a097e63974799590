import Foundation
import Yams

/// Reads one questionnaire file, resolving organisation and area questions against the partnership.
struct QuestionnaireLoader {
    let reader: YAMLReader
    /// Nil when the partnership file itself failed to load; questions are still checked.
    let partnership: Partnership?

    static let topLevelKeys = [
        "id", "version", "title", "audience", "public_link", "estimated_minutes",
        "description", "privacy", "confirmation", "scales", "pages", "measures", "voices",
    ]

    /// The questionnaire, and the node of its `id` for duplicate checks across files.
    func load(_ text: String) -> (Questionnaire, idNode: Node?)? {
        guard let root = reader.parse(text),
            let map = reader.mapping(
                root, "the questionnaire", allowed: Self.topLevelKeys,
                required: ["id", "version", "title", "audience", "pages"])
        else { return nil }
        let what = "the questionnaire"
        let id = reader.slug(map, "id", what)
        let version = reader.int(map, "version", what, minimum: 1)
        let title = reader.string(map, "title", what)
        let audience = reader.oneOf(map, "audience", what, Audience.self)
        let publicLink = reader.bool(map, "public_link", what) ?? false
        if publicLink, audience == .public {
            reader.report("\"public_link\" only applies to invited questionnaires; public ones always have a link", at: map["public_link"])
        }
        let scales = readScales(map)
        let pages = readPages(map, scales: scales)
        let measures = readMeasures(map, scales: scales, pages: pages)
        let voices = VoiceSettingsReader(reader: reader).read(map, audience: audience, questions: pages.flatMap(\.questions))

        guard let id, let version, let title, let audience else { return nil }
        let questionnaire = Questionnaire(
            id: id, version: version, title: title, audience: audience, publicLink: publicLink,
            estimatedMinutes: reader.int(map, "estimated_minutes", what, minimum: 1),
            description: reader.paragraphs(map, "description", what),
            privacy: reader.paragraphs(map, "privacy", what),
            confirmation: reader.paragraphs(map, "confirmation", what),
            scales: scales, pages: pages, measures: measures, voices: voices, sourceFile: reader.file)
        return (questionnaire, map["id"])
    }

    private func readScales(_ map: YAMLMapping) -> [String: RatingScale] {
        guard let node = map["scales"] else { return [:] }
        guard let pairs = node.mapping else {
            reader.report("\"scales\" must map each scale name to its list of options", at: node)
            return [:]
        }
        var scales: [String: RatingScale] = [:]
        for (nameNode, optionsNode) in pairs {
            guard let name = nameNode.string, YAMLReader.isSlug(name) else {
                reader.report("scale names must be lower-case identifiers", at: nameNode)
                continue
            }
            let options = reader.options(optionsNode, "scale \"\(name)\"", allowExcluded: true)
            if options.isEmpty {
                reader.report("scale \"\(name)\" has no options", at: nameNode)
            }
            scales[name] = RatingScale(name: name, options: options)
        }
        return scales
    }

    private func readPages(_ map: YAMLMapping, scales: [String: RatingScale]) -> [Page] {
        guard let nodes = reader.sequence(map, "pages", "the questionnaire") else { return [] }
        if nodes.isEmpty { reader.report("\"pages\" must list at least one page", at: map["pages"]) }
        var pageIDs = UniqueIDs(reader: reader, kind: "page id")
        var questionIDs = UniqueIDs(reader: reader, kind: "question id")
        var earlier: [String: Question] = [:]
        // Ids of earlier questions that failed to load: a show_if on them is not reported again.
        var unreadable: Set<String> = []
        var pages: [Page] = []
        for node in nodes {
            guard let m = reader.mapping(node, "a page", allowed: ["id", "title", "questions"], required: ["id", "questions"]),
                let id = reader.slug(m, "id", "a page")
            else { continue }
            _ = pageIDs.insert(id, at: m["id"])
            let what = "page \"\(id)\""
            if ["check", "submit", "confirmation"].contains(id) {
                reader.report("\"\(id)\" is reserved for svforms' own pages; choose another page id", at: m["id"])
            }
            var questions: [Question] = []
            var lines: [String: Int] = [:]
            // show_if may only look at earlier pages: a page is answered as a whole.
            let read = QuestionReader(
                reader: reader, partnership: partnership, scales: scales, earlier: earlier, unreadable: unreadable)
            for questionNode in reader.sequence(m, "questions", what) ?? [] {
                guard let (question, idNode) = read.question(questionNode) else {
                    if let id = questionNode.mapping?["id"]?.string { unreadable.insert(id) }
                    continue
                }
                _ = questionIDs.insert(question.id, at: idNode)
                questions.append(question)
                lines[question.id] = idNode?.mark?.line ?? m.line
            }
            reportInputNameClashes(questions, lines: lines)
            for question in questions { earlier[question.id] = question }
            if m["questions"]?.sequence?.isEmpty == true {
                reader.report("\(what) has no questions", at: m["questions"])
            }
            if questions.count > 1, m["title"] == nil {
                reader.report("\(what) has more than one question, so it needs a \"title\"", at: node)
            }
            if !questions.isEmpty {
                pages.append(Page(id: id, title: reader.string(m, "title", what), questions: questions))
            }
        }
        return pages
    }

    private func readMeasures(_ map: YAMLMapping, scales: [String: RatingScale], pages: [Page]) -> [Measure] {
        var measureIDs = UniqueIDs(reader: reader, kind: "measure id")
        return (reader.sequence(map, "measures", "the questionnaire") ?? []).compactMap { node in
            guard let m = reader.mapping(node, "a measure", allowed: ["id", "title", "scale", "met"], required: ["id", "title", "scale", "met"]),
                let id = reader.slug(m, "id", "a measure", allowDots: true), measureIDs.insert(id, at: m["id"])
            else { return nil }
            let what = "measure \"\(id)\""
            guard let title = reader.string(m, "title", what), let scaleName = reader.string(m, "scale", what),
                let met = reader.strings(m, "met", what)
            else { return nil }
            guard let scale = scales[scaleName] else {
                reader.report("\(what) names the unknown scale \"\(scaleName)\"", at: m["scale"])
                return nil
            }
            for value in met {
                guard let option = scale.options.first(where: { $0.value == value }) else {
                    reader.report("\(what) names \"\(value)\", which is not an option of scale \"\(scaleName)\"", at: m["met"])
                    continue
                }
                if option.isExcluded {
                    reader.report("\(what) counts \"\(value)\" as met, but that option is excluded from measures", at: m["met"])
                }
            }
            let rated = pages.flatMap(\.questions).contains { $0.kind.as(RatingQuestion.self)?.scale.name == scaleName }
            if !rated {
                reader.report("\(what) uses scale \"\(scaleName)\", but no rating question uses that scale", at: m["scale"])
            }
            return Measure(id: id, title: title, scale: scaleName, met: met)
        }
    }

    /// Two questions on one page must not post inputs of the same name (a date's
    /// `when-day` box and a question with id `when-day` would mix their answers).
    private func reportInputNameClashes(_ questions: [Question], lines: [String: Int]) {
        var owners: [String: String] = [:]
        for question in questions {
            for name in question.inputNames {
                if let owner = owners[name], owner != question.id {
                    reader.report(
                        "question \"\(question.id)\" posts an input named \"\(name)\", as question \"\(owner)\" on the same page does; rename one",
                        line: lines[question.id] ?? 1)
                }
                owners[name] = question.id
            }
        }
    }
}
