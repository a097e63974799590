import Foundation
import Mustache
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// The imported measures' figures for the last eight quarters and the forms to enter more; or,
/// with `history`, every version of one figure.
struct FiguresPageView: PageView {
    /// One measure's last eight quarters.
    struct MeasureTable: Sendable, MustacheParent {
        var measure: FrameworkMeasure
        var rows: [(quarter: ReportingQuarter, figure: StoredFigure?)]

        func child(named name: String) -> Any? {
            switch name {
            case "measureID": measure.id
            case "measureTitle": measure.title
            case "unit": measure.unit
            case "rows":
                rows.map { row -> [String: Any] in
                    [
                        "quarter": row.quarter.label, "valueText": row.figure.map { ReportFormat.number($0.value.doubleValue) } ?? "Not entered",
                        "source": row.figure?.source ?? "", "note": row.figure?.note ?? "",
                        "historyHref": row.figure.map { _ in SiteRoute.figureHistory.path(measure.id, row.quarter.slug) } ?? false,
                    ]
                }
            default: nil
            }
        }
    }

    var layout: LayoutView
    var heading: String
    var notice: String?
    var timeZone: TimeZone
    var tables: [MeasureTable] = []
    var figureFields: [QuestionView] = []
    var importFields: [QuestionView] = []
    var history: [StoredFigure] = []
    var errors: [ErrorLinkView] = []
    var csrfToken: String

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "notice": notice
        case "tables": tables
        case "hasTables": !tables.isEmpty
        case "isHistory": !history.isEmpty
        case "history":
            history.enumerated().map { index, figure -> [String: Any] in
                [
                    "valueText": ReportFormat.number(figure.value.doubleValue), "source": figure.source, "note": figure.note,
                    "enteredBy": figure.enteredBy, "isCurrent": index == 0,
                    "enteredAt": DisplayTime.string(figure.enteredAt, timeZone),
                ]
            }
        case "figureFields": figureFields
        case "importFields": importFields
        case "hasErrors": !errors.isEmpty
        case "errors": errors
        case "csrfToken": csrfToken
        default: nil
        }
    }
}
