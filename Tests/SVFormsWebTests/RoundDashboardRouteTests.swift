import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SVFormsWeb

@Suite struct RoundDashboardRouteTests {
    @Test func theDashboardShowsEachRoundsEngagementWithoutNames() async throws {
        let (_, app) = try await roundServer(also: [("viewer@example.org", .viewer)])
        try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: twoRepresentatives)
            try await lead.post(round + "/invitations")
            var viewer = TestBrowser(client)
            try await viewer.signIn("viewer@example.org")
            let dashboard = try await viewer.get("/admin")
            #expect(dashboard.text.contains("2 of 2 invited, 0 started, 0 submitted"))
            #expect(dashboard.text.contains("Surrey Fire and Rescue Service 1 1 0 0 0.0%"))
            #expect(!dashboard.text.contains("Ada Police"))
            #expect(!dashboard.body.contains("href=\"\(round)\""))  // the round page names people: leads only
            let roundPage = try await viewer.get(round)
            #expect(roundPage.status == .forbidden)
        }
    }
}
