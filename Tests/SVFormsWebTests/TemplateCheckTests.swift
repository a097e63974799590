import Foundation
import Testing

@testable import SVFormsBackground
@testable import SVFormsWeb

/// The server refuses to start, naming the template, when any template a page or email renders
/// (or any partial or layout those include) is missing or does not parse: swift-mustache alone
/// would render a missing one as an empty page.
@Suite struct TemplateCheckTests {
    /// Every template file in the repository, as the renderer names them ("partials/choices").
    static let shipped: [String] = {
        let root = Repository.path("templates")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }.sorted()
    }()

    /// A copy of the shipped templates to break.
    static func copyOfTemplates() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Repository.path("templates"), toPath: copy)
        return copy
    }

    /// What pages and emails render, as the server checks them at start-up.
    static let rendered = Template.allCases.map(\.rawValue) + EmailTemplate.allCases.map(\.rawValue)

    /// Loads the templates as `makeSite` does: the pages' renderer and the mail composer each check theirs.
    static func load(_ directory: String) async throws(TemplateProblem) {
        let library = try await TemplateLibrary(directory: directory)
        _ = try PageRenderer(library)
        try library.check(EmailTemplate.allCases.map(\.rawValue))
    }

    @Test func everyShippedTemplateIsRenderedOrIncludedSoNoneIsDeadWeight() {
        let walked = TemplateReferences.walk(from: Self.rendered, in: Repository.path("templates"))
        #expect(walked.missing.isEmpty)
        #expect(Self.shipped.count > 30, "the folder was read: \(Self.shipped)")
        #expect(Set(Self.shipped).subtracting(walked.found).isEmpty, "no page or email renders these")
    }

    /// Each template in turn removed from a copy: the renderer refuses to load, naming it (and what includes it).
    @Test(arguments: shipped) func aMissingTemplateStopsTheServerWithItsName(_ name: String) async throws {
        let templates = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        try FileManager.default.removeItem(atPath: "\(templates)/\(name).mustache")
        do throws(TemplateProblem) {
            try await Self.load(templates)
            Issue.record("the renderer loaded without \(name).mustache")
        } catch {
            #expect(error.description.contains("missing templates in \(templates): \(name).mustache"), "\(error)")
            if name.hasPrefix("partials/") || name == "layout" { #expect(error.description.contains("(named by ")) }
        }
    }

    @Test func aTemplateThatDoesNotParseStopsTheServerWithFileAndLine() async throws {
        let templates = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        try "<p>\n{{#open}}never closed\n".write(toFile: templates + "/partials/traps.mustache", atomically: true, encoding: .utf8)
        do throws(TemplateProblem) {
            try await Self.load(templates)
            Issue.record("the renderer loaded a template that does not parse")
        } catch {
            #expect(error.description.contains("partials/traps.mustache"), "\(error)")
            #expect(error.description.contains("template syntax error"), "\(error)")
        }
    }

    @Test func theServerRefusesToStartWithoutATemplate() async throws {
        let templates = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        try FileManager.default.removeItem(atPath: templates + "/partials/voice_section.mustache")
        var configuration = testConfiguration()
        configuration.templatesDirectory = templates
        do {
            _ = try await buildApplication(configuration)
            Issue.record("the server started without partials/voice_section.mustache")
        } catch let problem as StartupProblem {
            #expect(problem.description.contains("partials/voice_section.mustache (named by dashboard.mustache)"), "\(problem)")
        }
    }

    @Test func referencesAreReadFromIncludesAndParentsOnly() {
        let source = "{{<layout}}{{$content}}{{> partials/a }}{{name}}{{#list}}{{>partials/b}}{{/list}}{{/content}}{{/layout}}{{!x}}"
        #expect(TemplateReferences.named(in: source) == ["layout", "partials/a", "partials/b"])
        #expect(TemplateReferences.named(in: "{{>") == [] && TemplateReferences.named(in: "{{ unclosed") == [])
    }
}
