import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SVFormsWeb

@Suite struct StartupTests {
    @Test func aBrokenQuestionnaireStopsTheServerWithFileAndLine() async throws {
        let forms = FileManager.default.temporaryDirectory.appendingPathComponent("svforms-broken-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: forms, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.everyTypeForms + "/partnership.yaml", toPath: forms + "/partnership.yaml")
        try "id: broken\nversion: 1\ntitle: Broken\naudience: public\npages:\n  - id: p\n    questions:\n      - { id: q, type: stars, label: Q }\n"
            .write(toFile: forms + "/broken.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try await buildApplication(testConfiguration(forms: forms))
            Issue.record("the server started with a broken questionnaire")
        } catch let problem as StartupProblem {
            #expect(problem.description.contains("broken.yaml:8: unknown question type \"stars\""))
        }
    }

    @Test func plainHTTPBeyondThisMachineIsRefused() async throws {
        var configuration = testConfiguration()
        configuration.host = "0.0.0.0"
        await expectRefusal(configuration, saying: "SVFORMS_BASE_URL=https://")
        configuration.baseURL = "https://forms.example.org"
        _ = try await buildApplication(configuration)
        configuration.baseURL = nil
        configuration.allowInsecureHTTP = true
        _ = try await buildApplication(configuration)
    }

    @Test func mailServerSettingsNeedThePublicAddressForTheLinks() async throws {
        var configuration = testConfiguration()
        configuration.smtpURL = "smtp://127.0.0.1:2525"
        configuration.mailFrom = "svforms@partnership.example"
        await expectRefusal(configuration, saying: "SVFORMS_SMTP_URL is set but SVFORMS_BASE_URL is not")
        configuration.baseURL = "http://127.0.0.1:8080"
        _ = try await buildApplication(configuration)
    }

    /// Checks that the server refuses to start with `configuration`, saying `words`.
    private func expectRefusal(_ configuration: AppConfiguration, saying words: String) async {
        do {
            _ = try await buildApplication(configuration)
            Issue.record("the server started; expected a refusal saying: \(words)")
        } catch let problem as StartupProblem {
            #expect(problem.description.contains(words), "\(problem)")
        } catch {
            Issue.record("expected a StartupProblem, got \(error)")
        }
    }
}
