import Foundation
import Mustache
import SVFormsStore

/// One audit event as a table row.
struct AuditRowView: Sendable, MustacheParent {
    var event: AuditEvent
    var timeZone: TimeZone

    func child(named name: String) -> Any? {
        switch name {
        case "when": DisplayTime.string(event.at, timeZone)
        case "actor": event.actor
        case "action": event.action
        case "subject": event.subject ?? ""
        case "rowCount": event.rowCount.map(String.init) ?? ""
        case "client": event.client ?? ""
        default: nil
        }
    }
}
