import Foundation
import SVFormsCore
import Testing

/// Paths to the fixture and shipped forms, found from this file's location.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var everyType: String { repository.appendingPathComponent("Tests/Fixtures/every-type").path }
    static var surrey: String { repository.appendingPathComponent("forms").path }
    static var hampshire: String { repository.appendingPathComponent("forms/examples/hampshire-iow").path }

    /// The fixture questionnaire that uses every question type.
    static func everyTypeQuestionnaire() throws -> Questionnaire {
        try #require(try FormCatalog.load(directory: everyType).questionnaire(id: "every-type"))
    }
}

/// A forms folder in a fresh temporary directory, holding the fixture partnership and the given files.
struct TemporaryForms {
    let path: String

    init(_ files: [String: String], partnership: String? = nil) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-forms-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let partnershipText = try partnership ?? String(contentsOfFile: Fixtures.everyType + "/partnership.yaml", encoding: .utf8)
        try partnershipText.write(toFile: path + "/partnership.yaml", atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
    }

    /// Loads the folder and returns the problems (empty when it loads).
    func problems() -> [LoadProblem] {
        do {
            _ = try FormCatalog.load(directory: path)
            return []
        } catch {
            return error.problems
        }
    }
}
