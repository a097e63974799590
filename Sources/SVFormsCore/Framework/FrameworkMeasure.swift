import Foundation

/// One measure of the partnership's quarterly performance framework, as declared under
/// `measures:` in `partnership.yaml`: where its figure comes from and which way is better.
public struct FrameworkMeasure: Sendable, Hashable {
    /// Where a measure's quarterly figure comes from.
    public enum Kind: Sendable, Hashable {
        /// Scored from a questionnaire's measure of the same id (2.2.1.a from the role survey).
        case survey(formID: String)
        /// Counted from the attendance register: authorities at one or more board meetings (2.1.1.a).
        case attendance
        /// Entered or uploaded by a lead each quarter (police and health figures, 1.1.1.a–d).
        case imported
    }

    /// Which way a change is good news.
    public enum Better: String, Sendable, CaseIterable {
        case higher, lower
    }

    public var id: String
    public var title: String
    public var kind: Kind
    /// What the figure counts, in the plural ("admissions", "authorities"), or "percent".
    public var unit: String
    public var better: Better
    /// Who supplies the figure ("ICB data", "Constabulary").
    public var source: String

    public init(id: String, title: String, kind: Kind, unit: String, better: Better, source: String) {
        self.id = id
        self.title = title
        self.kind = kind
        self.unit = unit
        self.better = better
        self.source = source
    }

    /// The kind as written in the file.
    public var kindName: String {
        switch kind {
        case .survey: "survey"
        case .attendance: "attendance"
        case .imported: "imported"
        }
    }

    public var isImported: Bool { kind == .imported }
}
