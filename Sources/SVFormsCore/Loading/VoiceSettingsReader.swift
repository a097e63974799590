import Yams

/// Reads a questionnaire's `voices:` block, checking that each named question exists and is of
/// a kind that can play its part (an area question for `area`, text for `text`, and so on).
struct VoiceSettingsReader {
    let reader: YAMLReader

    static let keys = ["area", "themes", "extra_themes", "feeling", "text", "contact", "minimum_seconds", "retention"]
    private let what = "the voices block"

    func read(_ map: YAMLMapping, audience: Audience?, questions: [Question]) -> VoiceSettings? {
        guard let node = map["voices"] else { return nil }
        if audience == .invited {
            reader.report("\"voices\" only applies to public questionnaires", at: node)
        }
        guard let m = reader.mapping(node, what, allowed: Self.keys, required: ["area", "text"]) else { return nil }
        let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let area = question(m, "area", byID, kind: "an area question") { $0.is(AreaQuestion.self) }
        let themes = question(m, "themes", byID, kind: "a multiple-choice question") { $0.is(MultipleChoiceQuestion.self) }
        let feeling = question(m, "feeling", byID, kind: "a rating question") { $0.is(RatingQuestion.self) }
        let text = questionList(m, "text", byID, kind: "a short_text or long_text question") {
            $0.is(ShortTextQuestion.self) || $0.is(LongTextQuestion.self)
        }
        let contact = questionList(m, "contact", byID, kind: "a text or email question") {
            $0.is(ShortTextQuestion.self) || $0.is(LongTextQuestion.self) || $0.is(EmailQuestion.self)
        }
        for id in Set(text).intersection(contact) {
            reader.report("question \"\(id)\" is listed as both text and contact in \(what); choose one", at: m["contact"])
        }
        let extraThemes = m["extra_themes"].map { reader.options($0, "extra_themes", allowExcluded: false) } ?? []
        let asked = themes.flatMap { byID[$0]?.kind.choices } ?? []
        for theme in extraThemes where asked.contains(where: { $0.value == theme.value }) {
            reader.report("extra theme \"\(theme.value)\" is already an option of \"\(themes ?? "")\"", at: m["extra_themes"])
        }
        let minimum = reader.int(m, "minimum_seconds", what, minimum: 0) ?? VoiceSettings.defaultMinimumSeconds
        let retention = readRetention(m)
        guard let area, !text.isEmpty else { return nil }
        return VoiceSettings(
            areaQuestionID: area, themesQuestionID: themes, extraThemes: extraThemes, feelingQuestionID: feeling,
            textQuestionIDs: text, contactQuestionIDs: contact, minimumSeconds: minimum, retention: retention)
    }

    private func readRetention(_ m: YAMLMapping) -> RetentionPolicy {
        guard let node = m["retention"],
            let r = reader.mapping(node, "the retention of the voices block", allowed: ["contact_days", "text_days"])
        else { return RetentionPolicy() }
        let defaults = RetentionPolicy()
        let contact = reader.int(r, "contact_days", "the retention", minimum: 1) ?? defaults.contactDays
        let text = reader.int(r, "text_days", "the retention", minimum: 1) ?? defaults.textDays
        if contact > text {
            reader.report("contact details are kept longer (\(contact) days) than the text they belong to (\(text) days)", at: node)
        }
        return RetentionPolicy(contactDays: contact, textDays: text)
    }

    private func question(
        _ m: YAMLMapping, _ key: String, _ byID: [String: Question], kind: String, _ fits: (QuestionKind) -> Bool
    ) -> String? {
        guard let id = reader.string(m, key, what) else { return nil }
        return check(id, key, byID, kind: kind, at: m[key], fits) ? id : nil
    }

    private func questionList(
        _ m: YAMLMapping, _ key: String, _ byID: [String: Question], kind: String, _ fits: (QuestionKind) -> Bool
    ) -> [String] {
        (reader.strings(m, key, what) ?? []).filter { check($0, key, byID, kind: kind, at: m[key], fits) }
    }

    private func check(
        _ id: String, _ key: String, _ byID: [String: Question], kind: String, at node: Node?, _ fits: (QuestionKind) -> Bool
    ) -> Bool {
        guard let question = byID[id] else {
            reader.report("\"\(key)\" of \(what) names \"\(id)\", which is not a question of this questionnaire", at: node)
            return false
        }
        guard fits(question.kind) else {
            reader.report("\"\(key)\" of \(what) names \"\(id)\", which must be \(kind)", at: node)
            return false
        }
        return true
    }
}
