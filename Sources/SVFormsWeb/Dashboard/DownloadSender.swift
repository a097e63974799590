import Foundation
import Hummingbird
import SVFormsReporting
import SVFormsStore

/// Sending a download: audited (who, what, when, how many rows) before its first byte is sent.
struct DownloadSender: Sendable {
    let auditor: Auditor
    let auditLog: AuditStore
    /// At most two Excel files are built at once.
    let exportSlots: ExportSlots
    /// Where downloads are built before they are sent (inside the data directory, on the same disk).
    let temporaryDirectory: String

    func download(
        _ export: TableExport, _ format: TableExport.Format, account: Account, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let audit = auditor.auditEvent(
            "download.\(export.kind).\(format.rawValue)", subject: export.subject, rowCount: export.rowCount, by: account.email,
            request, context)
        let contentType =
            format == .csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        let headers: HTTPFields = [
            .contentType: contentType, .contentDisposition: "attachment; filename=\"\(export.fileName(format))\"",
            .cacheControl: "no-store",
        ]
        // HEAD asks what the download is, not for it: nothing is built, sent or recorded as downloaded.
        if request.method == .head { return Response(status: .ok, headers: headers) }
        let body: ResponseBody
        switch format {
        case .csv:
            // Audited before the first byte: the rows are fixed by the export's snapshot.
            try await auditLog.record(audit)
            body = StreamingBody.make(logger: context.logger) { output in try await export.writeCSV(output: output) }
        case .xlsx:
            let directory = temporaryDirectory
            body = try await exportSlots.run {
                try await StreamingBody.file(in: directory) { path in
                    try await export.writeXLSX(path: path, temporaryDirectory: directory)
                }
            }
            // Audited once the file exists, so a failed build is not recorded as a download.
            try await auditLog.record(audit)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// `name.csv` → ("name", .csv); the name may itself contain dots (`2.2.1.a.csv`).
    func downloadName(_ context: AppRequestContext) throws(WebError) -> (String, TableExport.Format) {
        guard let file = context.parameters.get("file"), let dot = file.lastIndex(of: "."),
            let format = TableExport.Format(rawValue: String(file[file.index(after: dot)...]))
        else { throw .notFound }
        return (String(file[..<dot]), format)
    }
}
