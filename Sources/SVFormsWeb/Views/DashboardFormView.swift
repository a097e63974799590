import Mustache

/// One questionnaire on the dashboard: responses by quarter, downloads, its measures.
struct DashboardFormView: Sendable, MustacheParent {
    var id: String
    var title: String
    var quarterCounts: [QuarterCountView]
    var inProgress: Int
    var canDownloadResponses: Bool
    var measures: [MeasureSectionView]

    func child(named name: String) -> Any? {
        switch name {
        case "formID": id
        case "formTitle": title
        case "quarterCounts": quarterCounts
        case "totalSubmitted": quarterCounts.map(\.submitted).reduce(0, +)
        case "inProgress": inProgress
        case "canDownloadResponses": canDownloadResponses
        case "responsesCSV": AdminPaths.responses(id, "csv")
        case "responsesXLSX": AdminPaths.responses(id, "xlsx")
        case "measures": measures
        default: nil
        }
    }
}
