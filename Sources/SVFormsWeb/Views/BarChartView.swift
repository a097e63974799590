import Foundation
import Mustache

/// A server-rendered SVG bar chart of a measure's percentage by quarter. The table beside it is
/// the accessible source; the chart carries a title and a text description of the same figures.
struct BarChartView: Sendable, MustacheParent {
    struct Bar: Sendable, MustacheParent {
        var label: String
        /// Nil when the quarter has no ratings: no bar, "no data" under the label.
        var percentage: Double?
        var x: Double
        var width: Double

        func child(named name: String) -> Any? {
            switch name {
            case "barLabel": label
            case "hasValue": percentage != nil
            case "barX": Self.format(x)
            case "barWidth": Self.format(width)
            case "barY": Self.format(BarChartView.plotTop + BarChartView.plotHeight * (1 - (percentage ?? 0) / 100))
            case "barHeight": Self.format(BarChartView.plotHeight * (percentage ?? 0) / 100)
            case "valueText": percentage.map { String(format: "%.1f%%", $0) } ?? "no data"
            case "valueY": Self.format(BarChartView.plotTop + BarChartView.plotHeight * (1 - (percentage ?? 0) / 100) - 6)
            case "centreX": Self.format(x + width / 2)
            default: nil
            }
        }

        static func format(_ value: Double) -> String { String(format: "%.1f", value) }
    }

    static let width = 640.0
    static let plotTop = 24.0
    static let plotHeight = 180.0
    static let plotLeft = 48.0
    static var height: Double { plotTop + plotHeight + 40 }

    var id: String
    var title: String
    var bars: [Bar]

    init(id: String, title: String, values: [(label: String, percentage: Double?)]) {
        self.id = id
        self.title = title
        let slot = (Self.width - Self.plotLeft) / Double(max(values.count, 1))
        bars = values.enumerated().map { index, value in
            Bar(label: value.label, percentage: value.percentage, x: Self.plotLeft + slot * Double(index) + slot * 0.15, width: slot * 0.7)
        }
    }

    /// The figures in words, for people who cannot see the chart.
    var summary: String {
        bars.map { "\($0.label): \($0.percentage.map { String(format: "%.1f%%", $0) } ?? "no ratings")" }.joined(separator: "; ")
    }

    func child(named name: String) -> Any? {
        switch name {
        case "chartID": id
        case "chartTitle": title
        case "chartSummary": summary
        case "bars": bars
        case "chartWidth": Bar.format(Self.width)
        case "chartHeight": Bar.format(Self.height)
        case "axisLeft": Bar.format(Self.plotLeft)
        case "axisRight": Bar.format(Self.width)
        case "axisTop": Bar.format(Self.plotTop)
        case "axisBottom": Bar.format(Self.plotTop + Self.plotHeight)
        case "axisMiddle": Bar.format(Self.plotTop + Self.plotHeight / 2)
        case "labelY": Bar.format(Self.plotTop + Self.plotHeight + 20)
        default: nil
        }
    }
}
