import Hummingbird
import SVFormsStore

extension Site {
    /// The audit record of `action` now, from this request's client address, by `actor` or else whoever
    /// is signed in ("anonymous" when nobody is).
    func auditEvent(
        _ action: String, subject: String? = nil, rowCount: Int? = nil, by actor: String? = nil,
        _ request: Request, _ context: AppRequestContext
    ) -> AuditEvent {
        AuditEvent(
            at: configuration.now(), actor: actor ?? context.account?.email ?? "anonymous", action: action, subject: subject,
            rowCount: rowCount, client: clientAddress(request, context))
    }

    /// Records `auditEvent(...)` in the audit log.
    func audit(
        _ action: String, subject: String? = nil, rowCount: Int? = nil, by actor: String? = nil,
        _ request: Request, _ context: AppRequestContext
    ) async throws {
        try await database.record(auditEvent(action, subject: subject, rowCount: rowCount, by: actor, request, context))
    }
}
