import Foundation
import SVFormsReporting
import Testing

/// Published reports are stored documents that must outlive the code that wrote them. The fixtures
/// are reports as svforms wrote them: before versioning (`-unversioned`) and as version 1. When a
/// test here fails after `BoardReport` changed, make the new field optional or give it a default
/// (or add a version and its reader), never change a fixture.
@Suite struct PublishedReportTests {
    static func fixture(_ name: String) throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: ["published-report-v1-unversioned.json", "published-report-v1.json"])
    func aReportPublishedByEarlierCodeStillReads(_ name: String) throws {
        let report = try PublishedReport.report(from: try Self.fixture(name))
        #expect(report.quarter == "2026/27 Q2" && report.isPublic)
        #expect(report.measures.map(\.id).contains("2.2.1.a"))
        #expect(report.surveys.first?.overall.percentage != nil)
        #expect(report.attendance?.attended.contains("Surrey Fire and Rescue Service") == true)
        #expect(!report.voices.isEmpty && report.actions.outstanding == 1)
    }

    @Test func whatIsPublishedReadsBackTheSameAndSaysItsVersion() throws {
        let report = try PublishedReport.report(from: try Self.fixture("published-report-v1-unversioned.json"))
        let document = try PublishedReport.document(report)
        #expect(document.hasSuffix("\"version\":\(PublishedReport.version)}"))
        #expect(try PublishedReport.report(from: document) == report)
    }

    @Test func aDocumentItCannotReadIsAProblemNamingWhy() throws {
        let newer = try Self.fixture("published-report-v1.json").replacingOccurrences(of: "\"version\":1}", with: "\"version\":7}")
        #expect(throws: PublishedReport.Problem.self) { try PublishedReport.report(from: newer) }
        do { _ = try PublishedReport.report(from: newer) } catch { #expect(error.description.contains("document version 7")) }
        #expect(throws: PublishedReport.Problem.self) { try PublishedReport.report(from: "{\"quarter\":\"2026/27 Q2\"}") }
        #expect(throws: PublishedReport.Problem.self) { try PublishedReport.report(from: "not json") }
    }
}
