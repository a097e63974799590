import Foundation
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import SVFormsWeb
import Testing

@Suite struct DashboardRouteTests {
    @Test func responsesAreCountedByQuarterAndStatus() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))  // 15 June 2025: 2025/26 Q1
        var configuration = testConfiguration(forms: Repository.surreyForms)
        configuration.now = { clock.now }
        try await addAccount("viewer@example.org", role: .viewer, to: configuration)
        try await seedRoleSurveys([("surrey-police", "good", "A"), ("surrey-police", "some", "B")], at: clock.now, in: configuration)
        clock.advance(by: 110 * 86_400)  // 3 October: 2025/26 Q3, with Q2 empty
        try await AppDatabase(directory: configuration.dataDirectory)
            .responses.updateDraft(respondentKey: Data(repeating: 4, count: 32), formID: "role-understanding", formVersion: 1, at: clock.now) { $0 }
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            let dashboard = try await viewer.get("/admin")
            #expect(dashboard.text.contains("2025/26 Q1 2 0 2025/26 Q2 0 0 2025/26 Q3 0 1"))
            // Q1: 9 good of 18 counted = 50.0%; Q2 and Q3 have no ratings.
            #expect(dashboard.text.contains("2025/26 Q1 9 18 50.0%"))
            #expect(
                dashboard.body.contains(
                    "<desc id=\"chart-role-understanding-2-2-1-a-desc\">2025/26 Q1: 50.0%; 2025/26 Q2: no ratings; 2025/26 Q3: no ratings</desc>"))
            // The breakdowns show the latest quarter with ratings unless another is chosen.
            #expect(dashboard.text.contains("Measure 2.2.1.a by organisation, 2025/26 Q1"))
            #expect(dashboard.body.contains("<option value=\"2025/26 Q1\" selected>"))
            let chosen = try await viewer.get("/admin?quarter=2025%2F26%20Q3")
            #expect(chosen.text.contains("Measure 2.2.1.a by organisation type, 2025/26 Q3"))
            #expect(chosen.body.contains("<option value=\"2025/26 Q3\" selected>"))
        }
    }
}
