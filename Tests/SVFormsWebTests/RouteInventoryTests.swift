import Foundation
import Hummingbird
import Logging
import Testing

@testable import SVFormsWeb

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
        let declared = SiteRoute.all.map { "\($0.method) \($0.pattern)" }
        #expect(declared.count == Set(declared).count, "a route is declared twice in SiteRoute.all")
        #expect(Set(declared) == served, "SiteRoute.all is not what the router serves")
    }

    /// Who may use each route is declared once, in `SiteRoute`, and routes.tsv (which the attack suite
    /// tries every route against) says the same.
    @Test func eachRoutesDeclaredAccessIsTheAttackSuitesAccess() throws {
        let listed = try Self.listedRoutesWithAccess()
        let declared = Dictionary(uniqueKeysWithValues: SiteRoute.all.map { ("\($0.method) \($0.pattern)", $0.access.description) })
        for (route, access) in listed {
            #expect(declared[route] == access, "\(route): routes.tsv says \(access), SiteRoute says \(declared[route] ?? "nothing")")
        }
        #expect(listed.count == declared.count)
    }

    /// Templates link to fixed pages by literal paths (`href="/admin/rounds"`): each must be a declared
    /// route, with the method its tag uses, so renaming a route cannot leave a dead link behind.
    @Test func everyFixedLinkInTheTemplatesIsADeclaredRoute() throws {
        let root = Repository.path("templates")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") } ?? []
        var links: [(file: String, method: String, path: String)] = []
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for match in text.matches(of: /<(a|form|link)\b[^>]*>/) {
                let tag = String(match.output.0)
                guard let target = tag.firstMatch(of: /(?:href|action)="(\/[^"{]*)"/)?.output.1 else { continue }
                let method = tag.contains("method=\"post\"") ? "POST" : "GET"
                let path = String(target.split(separator: "?", maxSplits: 1)[0].split(separator: "#", maxSplits: 1)[0])
                links.append((file, method, path))
            }
        }
        #expect(links.count > 20, "the templates were read: \(links.count) links")
        for link in links {
            let declared = SiteRoute.all.contains { route in
                "\(route.method)" == link.method && Self.matches(route.pattern, link.path)
            }
            #expect(declared, "\(link.file): \(link.method) \(link.path) is not a declared route")
        }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        let want = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let have = path.split(separator: "/", omittingEmptySubsequences: false)
        return want.count == have.count && zip(want, have).allSatisfy { $0.hasPrefix("{") ? !$1.isEmpty : $0 == $1 }
    }

    /// Bodies are read and anti-forgery tokens checked in one place, `FormPostCheck`, which `SiteRouter`
    /// puts in front of every POST handler: no other code in the web module does either.
    @Test func onlyTheFormCheckReadsBodiesAndChecksTokens() throws {
        let root = Repository.path("Sources/SVFormsWeb")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 100)
        for file in files where !file.hasSuffix("FormPostCheck.swift") && !file.hasSuffix("FormBody.swift") {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            #expect(!text.contains("FormBody.read("), "\(file) reads a body itself")
            #expect(!text.contains("antiForgery.isValid("), "\(file) checks an anti-forgery token itself")
        }
    }

    @Test func aRouteBuildsItsOwnURL() {
        #expect(SiteRoute.voice.path("community-voice", "ABCD1234") == "/admin/voices/community-voice/ABCD1234")
        #expect(SiteRoute.dashboard.path() == "/admin")
        #expect(SiteRoute.home.path() == "/")
        #expect(SiteRoute.roundRemovePerson.path("3", "7") == "/admin/rounds/3/people/7/remove")
    }

    /// "METHOD path" of each line of routes.tsv (tab-separated: method, path, access, example, form page).
    static func listedRoutes() throws -> [String] {
        try listedRoutesWithAccess().map(\.route)
    }

    static func listedRoutesWithAccess() throws -> [(route: String, access: String)] {
        try String(contentsOfFile: Repository.path("Tests/system/routes.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { line in
                let columns = line.split(separator: "\t")
                return ("\(columns[0]) \(columns[1])", String(columns[2]))
            }
    }
}
