import Foundation
import Mustache
import SVFormsStore

/// One audit event as a table row.
struct AuditRowView: Sendable, MustacheParent {
    var event: AuditEvent
    var timeZone: TimeZone

    func child(named name: String) -> Any? {
        switch name {
        case "when": Self.format(event.at, timeZone)
        case "actor": event.actor
        case "action": event.action
        case "subject": event.subject ?? ""
        case "rowCount": event.rowCount.map(String.init) ?? ""
        case "client": event.client ?? ""
        default: nil
        }
    }

    /// "21 Nov 2026 23:05:07" in the partnership's time zone.
    static func format(_ date: Date, _ timeZone: TimeZone) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .standard, locale: Locale(identifier: "en_GB"), timeZone: timeZone)
        style.timeZone = timeZone
        return date.formatted(style)
    }
}
