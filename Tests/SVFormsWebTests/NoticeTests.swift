import Hummingbird
import HummingbirdCore
import Testing

@testable import SVFormsWeb

/// Every notice reads back from the query it travels in, and nothing else passes for one.
@Suite struct NoticeTests {
    static let every: [Notice] = [
        .accountSaved, .figuresSaved(saved: 1, unchanged: 0), .figuresSaved(saved: 3, unchanged: 2),
        .people(.added, count: 1), .people(.imported, count: 2), .people(.invited, count: 0), .people(.reminded, count: 4),
        .people(.removed, count: 1), .voice(.themes), .voice(.status), .voice(.release), .voice(.redact),
        .linkResponse(accepted: true, reference: "ABCD2345"), .linkResponse(accepted: false, reference: "ABCD2345"),
        .report(.published), .report(.withdrawn), .report(.notPublished), .meeting(.recorded), .meeting(.saved),
        .meeting(.deleted), .meeting(.actionAdded), .meeting(.actionUpdated),
    ]

    @Test(arguments: every) func readsBackFromItsQuery(_ notice: Notice) {
        #expect(Notice(URI("/admin/page?" + notice.query)) == notice)
        #expect(!notice.text.isEmpty && notice.text.first?.isLowercase == false && notice.text.hasSuffix("."))
    }

    @Test func theRedirectKeepsWhatElseThePageNeeds() {
        let response = Notice.people(.invited, count: 2).redirect(to: "/admin/rounds/1", also: "skipped=1", fragment: "people")
        #expect(response.headers[.location] == "/admin/rounds/1?notice=invited-2&skipped=1#people")
    }

    @Test(arguments: [
        "/a", "/a?notice=", "/a?notice=unknown", "/a?notice=added-x", "/a?notice=added--1", "/a?done=delete",
        "/a?done=accepted&reference=<b>", "/a?done=themes&reference=ABCD2345", "/a?saved=many",
    ])
    func showsNothingForAnythingElse(_ uri: String) {
        #expect(Notice(URI(uri)) == nil)
    }

    @Test func countsReadAsPeopleAndFigures() {
        #expect(Notice.people(.removed, count: 1).text == "1 person removed from the round.")
        #expect(Notice.people(.added, count: 3).text == "3 people added to the round.")
        #expect(Notice.figuresSaved(saved: 1, unchanged: 2).text == "1 figure saved; 2 already up to date, so left as they were.")
    }
}
