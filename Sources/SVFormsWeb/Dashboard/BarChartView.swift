import Foundation
import Mustache

/// A server-rendered SVG bar chart: a measure's percentage by quarter, or counts of voices. The
/// table beside it is the accessible source; the chart carries a title and a text description
/// of the same figures.
struct BarChartView: Sendable, MustacheParent {
    struct Bar: Sendable, MustacheParent {
        var label: String
        /// The bar's height as a share of the plot (nil: no bar, only its text).
        var fraction: Double?
        /// What the bar says above it and in the description ("42.5%", "12", "fewer than 5").
        var text: String
        /// The same in the chart's description, where a missing value is explained ("no ratings").
        var spoken: String
        var x: Double
        var width: Double

        func child(named name: String) -> Any? {
            let top = BarChartView.plotTop + BarChartView.plotHeight * (1 - (fraction ?? 0))
            switch name {
            case "barLabel": return label
            case "hasValue": return fraction != nil
            case "barX": return Self.format(x)
            case "barWidth": return Self.format(width)
            case "barY": return Self.format(top)
            case "barHeight": return Self.format(BarChartView.plotHeight * (fraction ?? 0))
            case "valueText": return text
            case "valueY": return Self.format(top - 6)
            case "centreX": return Self.format(x + width / 2)
            default: return nil
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
    /// The axis labels at the bottom, middle and top of the plot.
    var ticks: (bottom: String, middle: String, top: String)

    /// Percentages from 0 to 100; a quarter with no ratings has no bar and says "no data".
    init(id: String, title: String, values: [(label: String, percentage: Double?)]) {
        self.init(
            id: id, title: title, ticks: ("0%", "50%", "100%"),
            bars: values.map { value in
                let text = value.percentage.map { String(format: "%.1f%%", $0) }
                return (value.label, value.percentage.map { $0 / 100 }, text ?? "no data", text ?? "no ratings")
            })
    }

    /// Counts, scaled to the largest; a count that may not be shown (nil) has no bar, only `hiddenText`.
    init(id: String, title: String, counts: [(label: String, count: Int?)], hiddenText: String) {
        let top = max(counts.compactMap(\.count).max() ?? 0, 1)
        let middle = Double(top) / 2
        self.init(
            id: id, title: title,
            ticks: ("0", middle == middle.rounded() ? String(Int(middle)) : String(format: "%.1f", middle), String(top)),
            bars: counts.map { count in
                let text = count.count.map(String.init) ?? hiddenText
                return (count.label, count.count.map { Double($0) / Double(top) }, text, text)
            })
    }

    private init(id: String, title: String, ticks: (String, String, String), bars values: [(String, Double?, String, String)]) {
        self.id = id
        self.title = title
        self.ticks = ticks
        let slot = (Self.width - Self.plotLeft) / Double(max(values.count, 1))
        bars = values.enumerated().map { index, value in
            Bar(
                label: value.0, fraction: value.1, text: value.2, spoken: value.3, x: Self.plotLeft + slot * Double(index) + slot * 0.15,
                width: slot * 0.7)
        }
    }

    /// The figures in words, for people who cannot see the chart.
    var summary: String {
        bars.map { "\($0.label): \($0.spoken)" }.joined(separator: "; ")
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
        case "tickBottom": ticks.bottom
        case "tickMiddle": ticks.middle
        case "tickTop": ticks.top
        default: nil
        }
    }
}
