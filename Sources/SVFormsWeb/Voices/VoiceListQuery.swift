import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// The review list's filters as the query string gives them, each checked against what the
/// questionnaire offers (an unknown value is ignored rather than matching nothing by surprise).
struct VoiceListQuery: Sendable {
    var area: String?
    var theme: String?
    var quarter: ReportingQuarter?
    var status: VoiceStatus?
    var search: String?
    var page: Int

    static let pageSize = 50
    /// Further than any list goes (50 million voices), and far from overflowing `page * pageSize`.
    static let lastPage = 1_000_000

    init(_ request: Request, questionnaire: Questionnaire, quarters: [ReportingQuarter]) {
        // Parsed as a form (a GET form sends spaces as "+"); a malformed query filters nothing.
        let parameters = (try? FormBody.parse(request.uri.query ?? "")) ?? FormInput()
        func value(_ name: String) -> String? {
            parameters.value(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        area = value("area").flatMap { area in questionnaire.voiceAreas.contains { $0.value == area } ? area : nil }
        theme = value("theme").flatMap { theme in questionnaire.themes.contains { $0.value == theme } ? theme : nil }
        quarter = value("quarter").flatMap { label in quarters.first { $0.label == label } }
        status = value("status").flatMap(VoiceStatus.init(rawValue:))
        search = value("q").map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)) }.flatMap { $0.isEmpty ? nil : $0 }
        // Clamped before any arithmetic: `?page=9223372036854775807` once overflowed the offset and stopped the server.
        page = min(max(1, value("page").flatMap(Int.init) ?? 1), Self.lastPage)
    }

    func filter(_ questionnaire: Questionnaire, settings: VoiceSettings, period: DateInterval?) -> VoiceFilter {
        VoiceFilter(
            formID: questionnaire.id, areaQuestionID: settings.areaQuestionID, textQuestionIDs: settings.textQuestionIDs,
            area: area, theme: theme, period: period, status: status, search: search)
    }

    /// The query string for these filters on another page of results.
    func queryString(formID: String, page: Int) -> String {
        var items = [URLQueryItem(name: "form", value: formID)]
        if let area { items.append(URLQueryItem(name: "area", value: area)) }
        if let theme { items.append(URLQueryItem(name: "theme", value: theme)) }
        if let quarter { items.append(URLQueryItem(name: "quarter", value: quarter.label)) }
        if let status { items.append(URLQueryItem(name: "status", value: status.rawValue)) }
        if let search { items.append(URLQueryItem(name: "q", value: search)) }
        if page > 1 { items.append(URLQueryItem(name: "page", value: String(page))) }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}
