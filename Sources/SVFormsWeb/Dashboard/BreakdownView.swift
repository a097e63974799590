import Foundation
import Mustache
import SVFormsCore

/// A breakdown of the selected quarter: by organisation type, organisation or question.
struct BreakdownView: Sendable, MustacheParent {
    var caption: String
    var groupHeading: String
    var rows: [FigureRowView]

    func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "groupHeading": groupHeading
        case "rows": rows
        case "hasRows": !rows.isEmpty
        default: nil
        }
    }
}
