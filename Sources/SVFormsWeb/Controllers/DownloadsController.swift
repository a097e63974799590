import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// The downloads: response-level data for leads, scored measures for everyone signed in.
/// Each download is audited (who, what, when, how many rows) before its first byte is sent.
struct DownloadsController: Sendable {
    let site: Site

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("forms/:form/:file", use: responses)
        group.get("forms/:form/measures/:file", use: measure)
    }

    /// `responses.csv` and `responses.xlsx`; `voice-counts.csv` and `.xlsx`.
    @Sendable func responses(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (name, format) = try fileName(context)
        let questionnaire = try questionnaire(context)
        if name == "voice-counts" {
            // Everyone signed in; viewers get counts under 5 as "fewer than 5".
            let account = try context.require(.viewer)
            guard let export = try await site.reporter.voiceCountsExport(of: questionnaire, suppress: !account.role.includes(.lead))
            else { throw WebError.notFound }
            return try await send(export, format, account: account, request: request, context: context)
        }
        guard name == "responses" else { throw WebError.notFound }
        let account = try context.require(.lead)
        let export = try await site.reporter.responsesExport(of: questionnaire)
        return try await send(export, format, account: account, request: request, context: context)
    }

    /// `{measure}.csv` and `{measure}.xlsx`, e.g. `2.2.1.a.csv`.
    @Sendable func measure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (name, format) = try fileName(context)
        let questionnaire = try questionnaire(context)
        guard let measure = questionnaire.measures.first(where: { $0.id == name }) else { throw WebError.notFound }
        let account = try context.require(.viewer)
        let export = try await site.reporter.measureExport(measure, of: questionnaire)
        return try await send(export, format, account: account, request: request, context: context)
    }

    private func send(
        _ export: TableExport, _ format: TableExport.Format, account: Account, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let audit = AuditEvent(
            at: site.configuration.now(), actor: account.email, action: "download.\(export.kind).\(format.rawValue)",
            subject: export.subject, rowCount: export.rowCount, client: site.clientAddress(request, context))
        let body: ResponseBody
        let contentType: String
        switch format {
        case .csv:
            contentType = "text/csv; charset=utf-8"
            // Audited before the first byte: the rows are fixed by the export's snapshot.
            try await site.database.record(audit)
            body = StreamingBody.make(logger: context.logger) { output in try await export.writeCSV(output: output) }
        case .xlsx:
            contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            let directory = site.temporaryDirectory
            body = try await site.exportSlots.run {
                try await StreamingBody.file(in: directory) { path in
                    try await export.writeXLSX(path: path, temporaryDirectory: directory)
                }
            }
            // Audited once the file exists, so a failed build is not recorded as a download.
            try await site.database.record(audit)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: contentType, .contentDisposition: "attachment; filename=\"\(export.fileName(format))\"",
                .cacheControl: "no-store",
            ],
            body: body)
    }

    private func questionnaire(_ context: AppRequestContext) throws(WebError) -> Questionnaire {
        guard let id = context.parameters.get("form"), let questionnaire = site.catalog.questionnaire(id: id) else { throw .notFound }
        return questionnaire
    }

    /// `name.csv` → ("name", .csv); the name may itself contain dots (`2.2.1.a.csv`).
    private func fileName(_ context: AppRequestContext) throws(WebError) -> (String, TableExport.Format) {
        guard let file = context.parameters.get("file"), let dot = file.lastIndex(of: "."),
            let format = TableExport.Format(rawValue: String(file[file.index(after: dot)...]))
        else { throw .notFound }
        return (String(file[..<dot]), format)
    }
}
