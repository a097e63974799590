import Foundation

/// One option of a choice, organisation, area or rating question.
public struct Choice: Sendable, Equatable {
    public var value: String
    public var label: String
    public var hint: String?
    /// Rating options such as "Don't know": recorded, but left out of measure denominators.
    public var isExcluded: Bool

    public init(value: String, label: String, hint: String? = nil, isExcluded: Bool = false) {
        self.value = value
        self.label = label
        self.hint = hint
        self.isExcluded = isExcluded
    }
}
