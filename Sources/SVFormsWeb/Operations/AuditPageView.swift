import Foundation
import Mustache
import SVFormsStore

/// The audit log for admins: newest first, a page at a time.
struct AuditPageView: PageView {
    var layout: LayoutView
    var rows: [AuditRowView]
    var total: Int
    var newerHref: String?
    var olderHref: String?

    func field(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "total": total
        case "newerHref": newerHref
        case "olderHref": olderHref
        case "hasPages": newerHref != nil || olderHref != nil
        default: nil
        }
    }
}
