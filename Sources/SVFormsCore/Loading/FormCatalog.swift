import Foundation

/// Everything in a forms folder: the partnership and its questionnaires, all checked.
public struct FormCatalog: Sendable {
    public var partnership: Partnership
    /// In file-name order.
    public var questionnaires: [Questionnaire]

    public init(partnership: Partnership, questionnaires: [Questionnaire]) {
        self.partnership = partnership
        self.questionnaires = questionnaires
    }

    public func questionnaire(id: String) -> Questionnaire? {
        questionnaires.first { $0.id == id }
    }

    /// The questionnaires listed on the home page.
    public var publicQuestionnaires: [Questionnaire] {
        questionnaires.filter { $0.audience == .public }
    }

    public static let partnershipFileName = "partnership.yaml"

    /// Loads and checks every file in `directory` (not its sub-folders).
    /// Throws `LoadProblems` listing every problem in every file.
    public static func load(directory: String) throws(LoadProblems) -> FormCatalog {
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let partnershipPath = "\(folder)/\(partnershipFileName)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadProblems([LoadProblem(file: folder, line: 1, message: "the forms folder does not exist")])
        }
        var problems: [LoadProblem] = []
        var partnership: Partnership?
        var measureLines: [String: Int] = [:]
        if let text = readText(partnershipPath, problems: &problems, missing: "every forms folder needs a partnership.yaml") {
            let reader = YAMLReader(file: partnershipPath)
            partnership = PartnershipLoader(reader: reader).load(text, measureLines: &measureLines)
            problems += reader.problems
        }

        var questionnaires: [Questionnaire] = []
        var ids: [String: String] = [:]
        for path in questionnairePaths(in: folder) {
            guard let text = readText(path, problems: &problems, missing: "cannot be read") else { continue }
            let reader = YAMLReader(file: path)
            let loaded = QuestionnaireLoader(reader: reader, partnership: partnership).load(text)
            problems += reader.problems
            guard let (questionnaire, idNode) = loaded else { continue }
            if let other = ids[questionnaire.id] {
                problems.append(
                    LoadProblem(
                        file: path, line: idNode?.mark?.line ?? 1,
                        message: "questionnaire id \"\(questionnaire.id)\" is already used by \(other)"))
                continue
            }
            ids[questionnaire.id] = path
            questionnaires.append(questionnaire)
        }
        // Only once every file has loaded: a questionnaire with problems of its own is not "missing".
        if let partnership, problems.isEmpty {
            problems += surveyMeasureProblems(partnership, questionnaires: questionnaires, lines: measureLines, file: partnershipPath)
        }
        if problems.isEmpty, questionnaires.isEmpty {
            problems.append(LoadProblem(file: folder, line: 1, message: "the forms folder has no questionnaire files"))
        }
        guard problems.isEmpty, let partnership else { throw LoadProblems(problems) }
        return FormCatalog(partnership: partnership, questionnaires: questionnaires)
    }

    private static func questionnairePaths(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return
            names
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != partnershipFileName && !$0.hasPrefix(".") }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    private static func readText(_ path: String, problems: inout [LoadProblem], missing: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(LoadProblem(file: path, line: 1, message: missing))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append(LoadProblem(file: path, line: 1, message: "the file is not UTF-8 text"))
            return nil
        }
        return text
    }
}
