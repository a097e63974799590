import Foundation
import Hummingbird
import SVFormsStore

/// Writes the audit log: every record gets the time, the client address and the signed-in actor.
struct Auditor: Sendable {
    let auditLog: AuditStore
    let clients: ClientAddresses
    let now: @Sendable () -> Date

    /// The audit record of `action` now, from this request's client address, by `actor` or else whoever
    /// is signed in ("anonymous" when nobody is).
    func auditEvent(
        _ action: String, subject: String? = nil, rowCount: Int? = nil, by actor: String? = nil,
        _ request: Request, _ context: AppRequestContext
    ) -> AuditEvent {
        AuditEvent(
            at: now(), actor: actor ?? context.account?.email ?? "anonymous", action: action, subject: subject,
            rowCount: rowCount, client: clients.address(request, context))
    }

    /// Records `auditEvent(...)` in the audit log.
    func audit(
        _ action: String, subject: String? = nil, rowCount: Int? = nil, by actor: String? = nil,
        _ request: Request, _ context: AppRequestContext
    ) async throws {
        try await auditLog.record(auditEvent(action, subject: subject, rowCount: rowCount, by: actor, request, context))
    }
}
