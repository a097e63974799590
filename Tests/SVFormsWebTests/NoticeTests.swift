import Hummingbird
import HummingbirdCore
import Testing

@testable import SVFormsWeb

/// Every notice reads back from the query it travels in, on its own page only, and nothing else passes for one.
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
        #expect(Notice(URI("/admin/page?" + notice.query), on: notice.page) == notice)
        #expect(!notice.text.isEmpty && notice.text.first?.isLowercase == false && notice.text.hasSuffix("."))
    }

    @Test func theRedirectKeepsWhatElseThePageNeeds() {
        let response = Notice.people(.invited, count: 2).redirect(to: "/admin/rounds/1", also: "skipped=1", fragment: "people")
        #expect(response.headers[.location] == "/admin/rounds/1?notice=invited-2&skipped=1#people")
    }

    /// A page never shows another page's confirmation (a crafted link cannot make one say "published").
    @Test(arguments: every) func showsOnNoOtherPage(_ notice: Notice) {
        let pages: [Notice.Page] = [.account, .figures, .round, .voice, .linkResponses, .report, .meeting, .meetings]
        for page in pages where page != notice.page {
            let shown = Notice(URI("/admin/page?" + notice.query), on: page)
            // `saved=3&unchanged=2` also has a `saved`, which is all the account page asks for.
            if page == .account, case .figuresSaved = notice { continue }
            #expect(shown == nil, "\(notice) shown on \(page)")
        }
    }

    @Test(arguments: [
        ("/a", Notice.Page.round), ("/a?notice=", .round), ("/a?notice=unknown-1", .round), ("/a?notice=added-x", .round),
        ("/a?notice=published", .meeting), ("/a?notice=deleted", .meeting), ("/a?notice=saved", .meetings),
        ("/a?done=delete", .voice), ("/a?done=accepted&reference=<b>", .linkResponses), ("/a?done=accepted", .linkResponses),
        ("/a?saved=many", .figures), ("/a?done=themes", .account),
    ])
    func showsNothingForAnythingElse(_ uri: String, _ page: Notice.Page) {
        #expect(Notice(URI(uri), on: page) == nil)
    }

    /// As before the notices were one type: any `saved` on the account page, and a round's count after its one dash.
    @Test func readsTheQueriesItAlwaysRead() {
        #expect(Notice(URI("/admin/account?saved=abc"), on: .account) == .accountSaved)
        #expect(Notice(URI("/admin/rounds/1?notice=added--1"), on: .round) == .people(.added, count: 1))
        #expect(Notice(URI("/admin/figures?saved=2"), on: .figures) == .figuresSaved(saved: 2, unchanged: 0))
    }

    @Test func countsReadAsPeopleAndFigures() {
        #expect(Notice.people(.removed, count: 1).text == "1 person removed from the round.")
        #expect(Notice.people(.added, count: 3).text == "3 people added to the round.")
        #expect(Notice.figuresSaved(saved: 1, unchanged: 2).text == "1 figure saved; 2 already up to date, so left as they were.")
    }
}
