import Foundation

/// A measure's figure for one group of a breakdown (an organisation type, an organisation
/// or a question) in one quarter.
public struct GroupScore: Sendable, Equatable {
    /// Stable identifier for downloads and links: the type's raw value, the organisation's
    /// or question's id, or "" for ratings whose organisation is not stated.
    public let id: String
    /// What a reader sees: "Specified authorities", "Testshire Police", a question's label.
    public let label: String
    public let figure: MeasureFigure

    public init(id: String, label: String, figure: MeasureFigure) {
        self.id = id
        self.label = label
        self.figure = figure
    }
}
