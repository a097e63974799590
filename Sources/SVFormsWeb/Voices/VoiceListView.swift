import Foundation
import Mustache
import SVFormsCore
import SVFormsStore

/// The review list: filters, one page of voices newest first, and paging.
struct VoiceListView: PageView {
    var layout: LayoutView
    var questionnaire: Questionnaire?
    var forms: [Questionnaire] = []
    var quarters: [ReportingQuarter] = []
    var query: VoiceListQuery?
    var voices: [VoiceSummary] = []
    var total = 0
    var quarantined = 0
    var timeZone: TimeZone = .gmt
    var deleted: String?

    func field(named name: String) -> Any? {
        guard let questionnaire, let query else { return name == "noVoiceForms" ? true : nil }
        switch name {
        case "formID": return questionnaire.id
        case "formTitle": return questionnaire.title
        case "hasFormChoice": return forms.count > 1
        case "formOptions": return forms.map { Self.option($0.id, $0.title, $0.id == questionnaire.id) }
        case "areaOptions":
            return [Self.option("", "Any area", query.area == nil)]
                + questionnaire.voiceAreas.map { Self.option($0.value, $0.label, $0.value == query.area) }
        case "themeOptions":
            return [Self.option("", "Any theme", query.theme == nil)]
                + questionnaire.themes.map { Self.option($0.value, $0.label, $0.value == query.theme) }
        case "quarterOptions":
            return [Self.option("", "Any quarter", query.quarter == nil)]
                + quarters.map { Self.option($0.label, $0.label, $0 == query.quarter) }
        case "statusOptions":
            return [Self.option("", "Any status", query.status == nil)]
                + VoiceStatus.allCases.map { Self.option($0.rawValue, $0.label, $0 == query.status) }
        case "search": return query.search ?? ""
        case "rows": return voices.map { row($0, questionnaire) }
        case "hasRows": return !voices.isEmpty
        case "totalText": return total == 1 ? "1 voice matches." : "\(total) voices match."
        case "previousHref":
            return query.page > 1 ? SiteRoute.voices.path() + "?" + query.queryString(formID: questionnaire.id, page: query.page - 1) : nil
        case "nextHref":
            return query.page * VoiceListQuery.pageSize < total
                ? SiteRoute.voices.path() + "?" + query.queryString(formID: questionnaire.id, page: query.page + 1) : nil
        case "quarantinedText":
            return quarantined == 0
                ? nil
                : "\(quarantined) " + (quarantined == 1 ? "voice is" : "voices are")
                    + " in quarantine: sent in a way that suggests a program, not a person. They are left out of every count until released."
        case "quarantinedHref": return SiteRoute.voices.path() + "?form=\(questionnaire.id)&status=quarantined"
        case "deletedNotice": return deleted.map { "Voice \($0) was deleted." }
        default: return nil
        }
    }

    private func row(_ voice: VoiceSummary, _ questionnaire: Questionnaire) -> [String: Any] {
        [
            "reference": voice.reference,
            "href": SiteRoute.voice.path(questionnaire.id, voice.reference)
                + (query.map { "?" + $0.queryString(formID: questionnaire.id, page: $0.page) } ?? ""),
            "submitted": DisplayTime.string(voice.submittedAt, timeZone), "statusLabel": voice.status.label,
            "areaLabel": voice.area.map { area in questionnaire.voiceAreas.first { $0.value == area }?.label ?? area } ?? "",
            "themeLabels": Self.labels(voice.themes, questionnaire.themes).joined(separator: ", "),
            "excerpt": voice.excerpt ?? "(text deleted)", "isDuplicate": voice.possibleDuplicate,
        ]
    }

    static func labels(_ values: [String], _ choices: [Choice]) -> [String] {
        values.map { value in choices.first { $0.value == value }?.label ?? value }
    }

    static func option(_ value: String, _ label: String, _ selected: Bool) -> [String: Any] {
        ["optionValue": value, "optionLabel": label, "optionSelected": selected]
    }
}
