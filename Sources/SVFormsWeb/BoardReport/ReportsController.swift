import Foundation
import Hummingbird
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// The quarterly board report: `/admin/reports/{quarter}` for everyone signed in, its CSV and
/// XLSX, and publishing it (leads) as the public, read-only `/reports/{quarter}`.
struct ReportsController: Sendable {
    let frameworkStore: FrameworkStore
    let catalog: FormCatalog
    let presenter: Presenter
    let clock: SiteClock
    let auditor: Auditor
    let reporter: ResultsReporter
    let downloads: DownloadSender

    func addRoutes(to routes: SiteRouter) {
        routes.on(.reports, use: list)
        routes.on(.report, use: show)
        routes.on(.reportDownload, use: download)
        routes.on(.reportPreview, use: preview)
        routes.on(.reportPublish, use: publish)
        routes.on(.reportWithdraw, use: withdraw)
    }

    func addPublicRoutes(to routes: SiteRouter) {
        routes.on(.publicReports, use: publicList)
        routes.on(.publicReport, use: publicShow)
    }

    var calendar: ReportingCalendar { ReportingCalendar(catalog.partnership) }

    /// Every quarter that can be reported, newest first, with whether it is published.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let published = Dictionary(try await frameworkStore.publishedReports().map { ($0.quarter, $0.publishedAt) }, uniquingKeysWith: { $1 })
        let rows = try await reporter.reportableQuarters().reversed().map { quarter in
            ListPageView.Row(
                label: quarter.label, href: SiteRoute.report.path(quarter.slug),
                status: published[quarter.label].map { "Published on \(longDate($0))" } ?? "Not published")
        }
        let view = ListPageView(
            layout: presenter.adminLayout(title: "Quarterly reports", context), heading: "Quarterly reports",
            intro:
                "Each quarter’s board report: every measure of the performance framework with its trend, attendance, response rates, community voices and open actions.",
            rows: rows, emptyText: nil)
        return presenter.response(.reportList, view)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let quarter = try quarter(context)
        let report = try await reporter.boardReport(for: quarter, isPublic: false, suppressCounts: !account.role.includes(.lead))
        let published = try await frameworkStore.publishedReport(quarter: quarter.label)
        let notice = Notice(request, on: .report)?.text
        var layout = presenter.adminLayout(title: "Report \(quarter.label)", context)
        layout.isWide = true
        let view = BoardReportView(
            layout: layout, report: report,
            admin: .init(
                slug: quarter.slug, publishedOn: published.map { longDate($0.publishedAt) }, canPublish: account.role.includes(.lead),
                csrfToken: presenter.csrfToken(context), notice: notice))
        return presenter.response(.report, view)
    }

    /// `report.csv` and `report.xlsx`: the same content as the page.
    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let quarter = try quarter(context)
        let (name, format) = try downloads.downloadName(context)
        guard name == "report" else { throw WebError.notFound }
        let export = try await reporter.boardReportExport(for: quarter, suppressCounts: !account.role.includes(.lead))
        return try await downloads.download(export, format, account: account, request: request, context: context)
    }

    /// The public version exactly as it would be published, with a warning for each measure without a figure.
    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let quarter = try quarter(context)
        let report = try await reporter.boardReport(for: quarter, isPublic: true, suppressCounts: true)
        var layout = presenter.adminLayout(title: "Preview of the public report \(quarter.label)", context)
        layout.isWide = true
        let view = BoardReportView(
            layout: layout, report: report, admin: nil, preview: .init(slug: quarter.slug, csrfToken: presenter.csrfToken(context)))
        return presenter.response(.report, view)
    }

    /// Publishes a snapshot of the public report: what the public page shows until it is withdrawn or published again.
    /// The preview's "Continue" posts here without `confirm`, which answers with the "Are you sure?" page.
    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let quarter = try quarter(context)
        let input = try context.postedForm()
        let report = try await reporter.boardReport(for: quarter, isPublic: true, suppressCounts: true)
        guard input.isConfirmed else {
            let republishing = try await frameworkStore.publishedReport(quarter: quarter.label) != nil
            let view = ConfirmActionView(
                layout: presenter.adminLayout(title: "Publish the report \(quarter.label)", context),
                heading: "Are you sure you want to publish the \(quarter.label) report?",
                consequences: [
                    "Anyone will be able to read it at \(SiteRoute.publicReport.path(quarter.slug)), without signing in. It will be listed at "
                        + "\(SiteRoute.publicReports.path()) and linked from the footer of every public page.",
                    republishing
                        ? "It replaces the version published before, with today’s figures."
                        : "You can withdraw it later, but people may already have read or saved it.",
                ],
                warnings: BoardReportView.publishingWarnings(report), actionHref: SiteRoute.reportPublish.path(quarter.slug),
                csrfToken: presenter.csrfToken(context), buttonText: "Yes, publish the report", isDestructive: false,
                cancelHref: SiteRoute.reportPreview.path(quarter.slug), cancelText: "No, go back to the preview")
            return presenter.response(.confirmAction, view)
        }
        try await frameworkStore.publishReport(
            quarter: quarter.label, content: try PublishedReport.document(report), by: account.email, at: clock.now())
        try await auditor.audit("report.publish", subject: quarter.label, by: account.email, request, context)
        return Notice.report(.published).redirect(to: SiteRoute.report.path(quarter.slug))
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let quarter = try quarter(context)
        let input = try context.postedForm()
        guard input.isConfirmed else {
            guard try await frameworkStore.publishedReport(quarter: quarter.label) != nil else {
                return Notice.report(.notPublished).redirect(to: SiteRoute.report.path(quarter.slug))
            }
            let view = ConfirmActionView(
                layout: presenter.adminLayout(title: "Withdraw the report \(quarter.label)", context),
                heading: "Are you sure you want to withdraw the published \(quarter.label) report?",
                consequences: [
                    "Its public page, \(SiteRoute.publicReport.path(quarter.slug)), will stop working and it will no longer be listed at "
                        + "\(SiteRoute.publicReports.path()). Anyone who saved or printed it keeps their copy.",
                    "The board report stays here, and you can publish it again.",
                ],
                actionHref: SiteRoute.reportWithdraw.path(quarter.slug), csrfToken: presenter.csrfToken(context),
                buttonText: "Withdraw the report", cancelHref: SiteRoute.report.path(quarter.slug))
            return presenter.response(.confirmAction, view)
        }
        let withdrawn = try await frameworkStore.withdrawReport(quarter: quarter.label)
        if withdrawn { try await auditor.audit("report.withdraw", subject: quarter.label, by: account.email, request, context) }
        return Notice.report(withdrawn ? .withdrawn : .notPublished).redirect(to: SiteRoute.report.path(quarter.slug))
    }

    /// Published reports, newest first.
    @Sendable func publicList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let rows = try await frameworkStore.publishedReports().compactMap { published -> ListPageView.Row? in
            guard let quarter = ReportingQuarter(label: published.quarter, yearStartMonth: calendar.yearStartMonth) else { return nil }
            return ListPageView.Row(
                label: quarter.label, href: SiteRoute.publicReport.path(quarter.slug), status: "Published on \(longDate(published.publishedAt))")
        }
        let view = ListPageView(
            layout: presenter.layout(title: "Performance reports"), heading: "\(catalog.partnership.displayName) performance reports",
            intro: "The partnership’s quarterly reports on its performance framework, as published by the partnership.",
            rows: rows, emptyText: "No report has been published yet.")
        return presenter.response(.reportList, view)
    }

    @Sendable func publicShow(_ request: Request, context: AppRequestContext) async throws -> Response {
        let quarter = try quarter(context)
        guard let published = try await frameworkStore.publishedReport(quarter: quarter.label) else { throw WebError.notFound }
        let report = try PublishedReport.report(from: published.content)
        var layout = presenter.layout(title: "Performance report \(quarter.label)")
        layout.isWide = true
        let view = BoardReportView(layout: layout, report: report, admin: nil, publishedOn: longDate(published.publishedAt))
        return presenter.response(.report, view)
    }

    /// The quarter in the URL, if it has started; 404 otherwise.
    private func quarter(_ context: AppRequestContext) throws(WebError) -> ReportingQuarter {
        guard let slug = context.parameters.get("quarter"),
            let quarter = ReportingQuarter(slug: slug, yearStartMonth: calendar.yearStartMonth),
            quarter <= calendar.quarter(containing: clock.now())
        else { throw .notFound }
        return quarter
    }

    private func longDate(_ date: Date) -> String {
        CalendarDay.today(in: catalog.partnership.timeZone, now: date).longDescription
    }
}
