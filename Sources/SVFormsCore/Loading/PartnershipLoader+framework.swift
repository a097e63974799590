import Foundation
import Yams

/// Reads the quarterly performance framework of `partnership.yaml`: the bodies whose meetings
/// are recorded (`meetings:`) and the framework's measures (`measures:`).
extension PartnershipLoader {
    /// `meetings: {board: NAME, sub_groups: [{id, name}]}`; without it, a board named after the partnership.
    func readMeetingBodies(_ map: YAMLMapping, defaultBoardName: String) -> [MeetingBody] {
        guard let node = map["meetings"] else { return [MeetingBody(id: MeetingBody.boardID, name: defaultBoardName)] }
        guard let m = reader.mapping(node, "\"meetings\"", allowed: ["board", "sub_groups"], required: ["board"]) else { return [] }
        let board = MeetingBody(id: MeetingBody.boardID, name: reader.string(m, "board", "\"meetings\"") ?? defaultBoardName)
        var bodies = [board]
        var seen = UniqueIDs(reader: reader, kind: "sub-group id")
        for item in reader.sequence(m, "sub_groups", "\"meetings\"") ?? [] {
            guard let g = reader.mapping(item, "a sub-group", allowed: ["id", "name"], required: ["id", "name"]),
                let id = reader.slug(g, "id", "a sub-group"), let name = reader.string(g, "name", "sub-group \"\(id)\"")
            else { continue }
            if id == MeetingBody.boardID {
                reader.report("a sub-group cannot have the id \"board\": that is the partnership board's", at: g["id"])
                continue
            }
            if seen.insert(id, at: g["id"]) { bodies.append(MeetingBody(id: id, name: name)) }
        }
        return bodies
    }

    /// The framework's measures; a survey measure's questionnaire is checked once every file is read
    /// (`lines` says where each was declared, for that message).
    func readMeasures(_ map: YAMLMapping, lines: inout [String: Int]) -> [FrameworkMeasure] {
        var measures: [FrameworkMeasure] = []
        var seen = UniqueIDs(reader: reader, kind: "measure id")
        var attendance: String?
        for node in reader.sequence(map, "measures", "the partnership") ?? [] {
            guard
                let m = reader.mapping(
                    node, "a measure", allowed: ["id", "title", "kind", "form", "unit", "better", "source"],
                    required: ["id", "title", "kind", "unit", "better", "source"]),
                let id = reader.slug(m, "id", "a measure", allowDots: true)
            else { continue }
            let what = "measure \"\(id)\""
            let title = reader.string(m, "title", what)
            let unit = reader.string(m, "unit", what)
            let better = reader.oneOf(m, "better", what, FrameworkMeasure.Better.self)
            let source = reader.string(m, "source", what)
            let kind = readKind(m, what)
            if case .attendance = kind {
                if let first = attendance {
                    reader.report("\(what) is a second attendance measure; \"\(first)\" already counts attendance", at: m["kind"])
                }
                attendance = attendance ?? id
            }
            guard let title, let unit, let better, let source, let kind, seen.insert(id, at: m["id"]) else { continue }
            lines[id] = m.line
            measures.append(FrameworkMeasure(id: id, title: title, kind: kind, unit: unit, better: better, source: source))
        }
        return measures
    }

    private func readKind(_ m: YAMLMapping, _ what: String) -> FrameworkMeasure.Kind? {
        guard let kind = reader.string(m, "kind", what) else { return nil }
        let form = reader.string(m, "form", what)
        switch kind {
        case "survey":
            guard let form else {
                reader.report("\(what) is a survey measure, so it needs \"form\": the id of the questionnaire that scores it", at: m.node)
                return nil
            }
            return .survey(formID: form)
        case "attendance", "imported":
            if form != nil { reader.report("\"form\" of \(what) is only for survey measures", at: m["form"]) }
            return kind == "attendance" ? .attendance : .imported
        default:
            reader.report("\"kind\" of \(what) is \"\(kind)\"; use one of: survey, attendance, imported", at: m["kind"])
            return nil
        }
    }
}

extension FormCatalog {
    /// Problems with survey measures whose questionnaire, or measure in it, does not exist.
    static func surveyMeasureProblems(
        _ partnership: Partnership, questionnaires: [Questionnaire], lines: [String: Int], file: String
    ) -> [LoadProblem] {
        partnership.measures.compactMap { measure in
            guard case .survey(let formID) = measure.kind else { return nil }
            let line = lines[measure.id] ?? 1
            guard let questionnaire = questionnaires.first(where: { $0.id == formID }) else {
                return LoadProblem(
                    file: file, line: line, message: "measure \"\(measure.id)\" is scored from questionnaire \"\(formID)\", which does not exist")
            }
            guard questionnaire.measures.contains(where: { $0.id == measure.id }) else {
                return LoadProblem(
                    file: file, line: line,
                    message: "measure \"\(measure.id)\" is scored from questionnaire \"\(formID)\", which has no measure with that id")
            }
            return nil
        }
    }
}
