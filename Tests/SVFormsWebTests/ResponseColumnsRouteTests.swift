import Foundation
import Hummingbird
import HummingbirdTesting
import SVFormsStore
import SVFormsWeb
import Testing

@Suite struct ResponseColumnsRouteTests {
    @Test func answersToQuestionsAnEarlierVersionAskedAreKept() async throws {
        let configuration = testConfiguration()
        try await addAccount("lead@example.org", role: .lead, to: configuration)
        let database = try AppDatabase(directory: configuration.dataDirectory)
        let june = Date(timeIntervalSince1970: 1_750_000_000)
        _ = try await database.responses.submit(
            respondentKey: nil, formID: "every-type", formVersion: 2,
            answers: ["organisation": ["test-police"], "old-question": ["kept, not lost"], "safe": ["agree"]], at: june)
        _ = try await database.responses.submit(
            respondentKey: nil, formID: "every-type", formVersion: 3, answers: ["organisation": ["test-schools"], "count": ["-3"]], at: june)
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            var lead = TestBrowser(client)
            try await lead.signIn("lead@example.org")
            let csv = try await lead.get("/admin/forms/every-type/responses.csv").body
            let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)
            #expect(lines[0].contains(",old-question (earlier version),9.9.9.z ratings counted,9.9.9.z ratings met"))
            #expect(lines[1].contains(",\"kept, not lost\",1,1"))
            #expect(lines[1].contains(",2,2025-06-15T16:06:40+01:00,2025/26 Q1,Testshire Police,Specified authorities,"))
            // A whole number answer is a number, negative or not: never neutralised like text.
            #expect(lines[2].contains(",-3,"))
            #expect(lines[2].contains(",Testshire Schools,Relevant authorities,"))
        }
    }
}
