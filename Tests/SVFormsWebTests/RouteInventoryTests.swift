import Foundation
import Hummingbird
import Logging
@testable import SVFormsWeb
import Testing

/// The attack suite (Tests/system/test_attack_routes.py) tries every route in `Tests/system/routes.tsv`
/// with the access it declares; this keeps that list equal to the routes the server really has,
/// so a new route cannot be added without saying who may use it.
@Suite struct RouteInventoryTests {
    @Test func theAttackSuitesRouteListIsTheServersRouteList() async throws {
        let configuration = testConfiguration(forms: Repository.surreyForms)
        let (site, _) = try await makeSite(configuration, logger: Logger(label: "test"))
        let served = Set(makeRouter(site: site).routes.map { "\($0.method) \($0.path)" })
        let listed = try Self.listedRoutes()
        #expect(listed.count == Set(listed).count, "a route is listed twice in routes.tsv")
        #expect(served.subtracting(listed).sorted() == [], "served but not in Tests/system/routes.tsv")
        #expect(Set(listed).subtracting(served).sorted() == [], "in Tests/system/routes.tsv but not served")
    }

    /// "METHOD path" of each line of routes.tsv (tab-separated: method, path, access, example, form page).
    static func listedRoutes() throws -> [String] {
        try String(contentsOfFile: Repository.path("Tests/system/routes.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { line in
                let columns = line.split(separator: "\t")
                return "\(columns[0]) \(columns[1])"
            }
    }
}
