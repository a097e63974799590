import Foundation
import Mustache
import SVFormsReporting

/// A small SVG line of a measure over the last eight quarters, for the report's measures table.
/// The table row beside it holds the figures; the chart's title says them in words.
struct TrendChartView: Sendable, MustacheParent {
    static let width = 128.0
    static let height = 36.0
    static let margin = 4.0

    var id: String
    var title: String
    var points: [BoardReport.TrendPoint]
    var format: @Sendable (Double) -> String

    /// "x,y x,y …" of the quarters with a value, scaled between the smallest and largest.
    var polyline: String { plotted.map { "\(Self.text($0.x)),\(Self.text($0.y))" }.joined(separator: " ") }

    private var plotted: [(x: Double, y: Double)] {
        let values = points.compactMap(\.value)
        guard let low = values.min(), let high = values.max() else { return [] }
        let step = (Self.width - 2 * Self.margin) / Double(max(points.count - 1, 1))
        let span = high - low
        return points.enumerated().compactMap { index, point in
            point.value.map { value in
                let share = span == 0 ? 0.5 : (value - low) / span
                return (Self.margin + step * Double(index), Self.height - Self.margin - share * (Self.height - 2 * Self.margin))
            }
        }
    }

    /// The figures in words: "2025/26 Q1: 12; 2025/26 Q2: no figure; …".
    var summary: String {
        points.map { "\($0.quarter): \($0.value.map(format) ?? "no figure")" }.joined(separator: "; ")
    }

    func child(named name: String) -> Any? {
        switch name {
        case "trendID": id
        case "trendTitle": title
        case "trendSummary": summary
        case "trendWidth": Self.text(Self.width)
        case "trendHeight": Self.text(Self.height)
        case "trendLine": polyline
        case "trendDots": plotted.map { ["dotX": Self.text($0.x), "dotY": Self.text($0.y)] }
        case "hasLine": plotted.count > 1
        default: nil
        }
    }

    private static func text(_ value: Double) -> String { String(format: "%.1f", value) }
}
