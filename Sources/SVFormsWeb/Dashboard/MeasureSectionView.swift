import Mustache

/// One measure: its quarters as a table and a chart, one quarter's breakdowns, downloads.
struct MeasureSectionView: Sendable, MustacheParent {
    var formID: String
    var measureID: String
    var title: String
    var quarters: [FigureRowView]
    var chart: BarChartView
    var breakdowns: [BreakdownView]

    func child(named name: String) -> Any? {
        switch name {
        case "measureID": measureID
        case "measureTitle": title
        case "sectionID": "measure-\(formID)-\(measureID)".replacingOccurrences(of: ".", with: "-")
        case "quarterRows": quarters
        case "chart": chart
        case "breakdowns": breakdowns
        case "measureCSV": SiteRoute.measureDownload.path(formID, measureID + ".csv")
        case "measureXLSX": SiteRoute.measureDownload.path(formID, measureID + ".xlsx")
        default: nil
        }
    }
}
