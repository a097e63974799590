import Mustache

/// One questionnaire on the dashboard: responses by quarter, downloads, its measures.
struct DashboardFormView: Sendable, MustacheParent {
    var id: String
    var title: String
    var quarterCounts: [QuarterCountView]
    var inProgress: Int
    var canDownloadResponses: Bool
    var measures: [MeasureSectionView]
    /// Responses through the public link waiting for a lead: in none of the figures below.
    var leftOut: Int = 0
    var canReviewLeftOut = false

    func child(named name: String) -> Any? {
        switch name {
        case "formID": id
        case "formTitle": title
        case "quarterCounts": quarterCounts
        case "totalSubmitted": quarterCounts.map(\.submitted).reduce(0, +)
        case "inProgress": inProgress
        case "canDownloadResponses": canDownloadResponses
        case "responsesCSV": SiteRoute.formDownload.path(id, "responses.csv")
        case "responsesXLSX": SiteRoute.formDownload.path(id, "responses.xlsx")
        case "measures": measures
        case "leftOutText": leftOut == 0 ? nil : Self.leftOutText(leftOut)
        case "canReviewLeftOut": canReviewLeftOut
        default: nil
        }
    }

    static func leftOutText(_ count: Int) -> String {
        (count == 1 ? "1 response" : "\(count) responses") + " came through the public link rather than an invitation. "
            + (count == 1 ? "It is" : "They are") + " left out of every figure below until a lead accepts "
            + (count == 1 ? "it." : "them.")
    }
}
