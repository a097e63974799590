import Foundation
import Mustache
import SVFormsCore

/// One row of a measure table: a quarter or a group, and its figure as people read it.
struct FigureRowView: Sendable, MustacheParent {
    var label: String
    var figure: MeasureFigure

    func child(named name: String) -> Any? {
        switch name {
        case "rowLabel": label
        case "numerator": figure.numerator
        case "denominator": figure.denominator
        case "percentageText": figure.percentage.map(Self.percent) ?? "No ratings"
        case "intervalText": Self.interval(figure)
        case "changeText": figure.change.map(Self.change) ?? ""
        // With no ratings the percentage column already says so.
        case "noteText": figure.denominator == 0 ? "" : figure.note ?? ""
        default: nil
        }
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }

    static func interval(_ figure: MeasureFigure) -> String {
        guard let lower = figure.lowerBound, let upper = figure.upperBound else { return "" }
        return String(format: "%.1f%% to %.1f%%", lower, upper)
    }

    /// "+4.2 pp", "−7.5 pp" (a true minus sign), "0.0 pp".
    static func change(_ value: Double) -> String {
        let magnitude = String(format: "%.1f pp", abs(value))
        return value > 0 ? "+" + magnitude : value < 0 ? "\u{2212}" + magnitude : magnitude
    }
}
