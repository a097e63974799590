import Foundation
import Hummingbird
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// The downloads: response-level data for leads, scored measures for everyone signed in.
/// Each download is audited (who, what, when, how many rows) before its first byte is sent.
struct DownloadsController: Sendable {
    let catalog: FormCatalog
    let reporter: ResultsReporter
    let downloads: DownloadSender

    func addRoutes(to routes: SiteRouter) {
        routes.on(.formDownload, use: responses)
        routes.on(.measureDownload, use: measure)
    }

    /// `responses.csv` and `responses.xlsx`; `voice-counts.csv` and `.xlsx`.
    @Sendable func responses(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (name, format) = try downloads.downloadName(context)
        let questionnaire = try questionnaire(context)
        if name == "voice-counts" {
            // Everyone signed in; viewers get counts under 5 as "fewer than 5".
            let account = try context.signedInAccount()
            guard let export = try await reporter.voiceCountsExport(of: questionnaire, suppress: !account.role.includes(.lead))
            else { throw WebError.notFound }
            return try await downloads.download(export, format, account: account, request: request, context: context)
        }
        guard name == "responses" else { throw WebError.notFound }
        let account = try context.require(.lead)  // the route is for viewers; this file is for leads
        let export = try await reporter.responsesExport(of: questionnaire)
        return try await downloads.download(export, format, account: account, request: request, context: context)
    }

    /// `{measure}.csv` and `{measure}.xlsx`, e.g. `2.2.1.a.csv`.
    @Sendable func measure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (name, format) = try downloads.downloadName(context)
        let questionnaire = try questionnaire(context)
        guard let measure = questionnaire.measures.first(where: { $0.id == name }) else { throw WebError.notFound }
        let account = try context.signedInAccount()
        let export = try await reporter.measureExport(measure, of: questionnaire)
        return try await downloads.download(export, format, account: account, request: request, context: context)
    }

    private func questionnaire(_ context: AppRequestContext) throws(WebError) -> Questionnaire {
        guard let id = context.parameters.get("form"), let questionnaire = catalog.questionnaire(id: id) else { throw .notFound }
        return questionnaire
    }
}
