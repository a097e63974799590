import Mustache

/// The signed-in home page: what has come in, and every measure, per questionnaire.
struct DashboardView: PageView {
    var layout: LayoutView
    var forms: [DashboardFormView]

    func field(named name: String) -> Any? {
        switch name {
        case "forms": forms
        default: nil
        }
    }
}

/// One questionnaire on the dashboard.
struct DashboardFormView: Sendable, MustacheParent {
    var id: String
    var title: String
    var responsesByQuarter: [(quarter: String, submitted: Int, inProgress: Int)]
    var inProgress: Int
    var canDownloadResponses: Bool
    var measures: [MeasureSectionView]

    func child(named name: String) -> Any? {
        switch name {
        case "formID": id
        case "formTitle": title
        case "quarterCounts":
            responsesByQuarter.map { ["countQuarter": $0.quarter, "countSubmitted": $0.submitted, "countInProgress": $0.inProgress] as [String: Any] }
        case "totalSubmitted": responsesByQuarter.map(\.submitted).reduce(0, +)
        case "inProgress": inProgress
        case "canDownloadResponses": canDownloadResponses
        case "responsesCSV": AdminPaths.responses(id, "csv")
        case "responsesXLSX": AdminPaths.responses(id, "xlsx")
        case "measures": measures
        default: nil
        }
    }
}

/// One measure: its quarters as a table and a chart, the selected quarter's breakdowns, downloads.
struct MeasureSectionView: Sendable, MustacheParent {
    var formID: String
    var measureID: String
    var title: String
    var quarters: [FigureRowView]
    var chart: BarChartView
    var quarterOptions: [(label: String, isSelected: Bool)]
    var selectedQuarter: String
    var breakdowns: [BreakdownView]

    func child(named name: String) -> Any? {
        switch name {
        case "measureID": measureID
        case "measureTitle": title
        case "quarterRows": quarters
        case "chart": chart
        case "selectID": "quarter-\(formID)-\(measureID)".replacingOccurrences(of: ".", with: "-")
        case "quarterOptions": quarterOptions.map { ["optionLabel": $0.label, "optionSelected": $0.isSelected] as [String: Any] }
        case "selectedQuarter": selectedQuarter
        case "breakdowns": breakdowns
        case "measureCSV": AdminPaths.measure(formID, measureID, "csv")
        case "measureXLSX": AdminPaths.measure(formID, measureID, "xlsx")
        default: nil
        }
    }
}
