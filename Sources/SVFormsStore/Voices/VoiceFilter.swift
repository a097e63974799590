import Foundation
import SVFormsCore

/// What the review list is narrowed to. Every field is optional; `search` matches the text answers.
public struct VoiceFilter: Sendable, Equatable {
    public var formID: String
    public var areaQuestionID: String
    public var textQuestionIDs: [String]
    public var area: String?
    public var theme: String?
    public var period: DateInterval?
    public var status: VoiceStatus?
    public var search: String?

    public init(
        formID: String, areaQuestionID: String, textQuestionIDs: [String], area: String? = nil, theme: String? = nil,
        period: DateInterval? = nil, status: VoiceStatus? = nil, search: String? = nil
    ) {
        self.formID = formID
        self.areaQuestionID = areaQuestionID
        self.textQuestionIDs = textQuestionIDs
        self.area = area
        self.theme = theme
        self.period = period
        self.status = status
        self.search = search
    }
}
