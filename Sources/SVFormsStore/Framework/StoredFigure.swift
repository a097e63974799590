import Foundation
import SVFormsCore

/// One version of an imported figure: what was entered, by whom and when.
public struct StoredFigure: Sendable, Equatable {
    public var id: Int64
    public var measureID: String
    /// The quarter's label, as entered ("2025/26 Q3").
    public var quarter: String
    public var value: FigureValue
    public var source: String
    public var note: String
    public var enteredAt: Date
    public var enteredBy: String
}

/// What saving a batch of figures did.
public struct FigureSaveOutcome: Sendable, Equatable {
    /// New figures, or corrections of earlier ones.
    public var saved: Int
    /// Figures identical to the current ones, so not saved again.
    public var unchanged: Int
}
