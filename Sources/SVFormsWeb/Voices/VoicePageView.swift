import Foundation
import Mustache
import SVFormsCore
import SVFormsStore

/// One voice for a lead: what the person said, and the forms to theme, redact, mark, release or delete it.
struct VoicePageView: PageView {
    var layout: LayoutView
    var questionnaire: Questionnaire
    var voice: StoredVoice
    var timeZone: TimeZone
    var csrfToken: String
    var notice: String?
    var problem: VoiceProblem?

    func field(named name: String) -> Any? {
        let action = { (name: String) in SiteRoute.voiceAction.path(questionnaire.id, voice.reference, name) }
        switch name {
        case "reference": return voice.reference
        case "formTitle": return questionnaire.title
        case "listHref": return SiteRoute.voices.path() + "?form=\(questionnaire.id)"
        case "received": return AuditRowView.format(voice.submittedAt, timeZone)
        case "statusLabel": return voice.status.label
        case "quarantineReason": return voice.quarantineReason?.description
        case "isQuarantined": return voice.status == .quarantined
        case "isDuplicate": return voice.possibleDuplicate
        case "retentionNotes": return retentionNotes
        case "changedText": return voice.changedAt.map { "Last changed \(AuditRowView.format($0, timeZone)) by \(voice.changedBy ?? "unknown")." }
        case "answers": return answerRows
        case "themeOptions":
            return questionnaire.themes.map { theme in
                ["themeValue": theme.value, "themeLabel": theme.label, "themeChecked": voice.themes.contains(theme.value)] as [String: Any]
            }
        case "statusOptions":
            return [VoiceStatus.new, .reviewed, .actioned].map { status in
                ["statusValue": status.rawValue, "statusOptionLabel": status.label, "statusChecked": status == voice.status] as [String: Any]
            }
        case "redactOptions": return redactable.map { ["questionValue": $0.id, "questionLabel": $0.label] }
        case "canRedact": return !redactable.isEmpty
        case "themesAction": return action("themes")
        case "statusAction": return action("status")
        case "releaseAction": return action("release")
        case "redactAction": return action("redact")
        case "deleteAction": return action("delete")
        case "csrfToken": return csrfToken
        case "notice": return notice
        case "hasErrors": return problem != nil
        case "errors": return problem.map { [["href": "#\($0.field)", "message": $0.message]] } ?? []
        default: return nil
        }
    }

    /// Every question answered, in questionnaire order, and what retention removed.
    private var answerRows: [[String: Any]] {
        let settings = questionnaire.voices
        return questionnaire.questions.compactMap { question in
            if let values = voice.answers[question.id] {
                return ["questionLabel": question.label, "answerLines": question.answerLines(values)]
            }
            let deleted =
                (settings?.textQuestionIDs.contains(question.id) == true && voice.textDeletedAt != nil)
                || (settings?.contactQuestionIDs.contains(question.id) == true && voice.contactDeletedAt != nil)
            return deleted ? ["questionLabel": question.label, "answerLines": ["Deleted under the retention policy"]] : nil
        }
    }

    /// Text and contact answers this voice still holds.
    private var redactable: [Question] {
        let ids = (questionnaire.voices?.textQuestionIDs ?? []) + (questionnaire.voices?.contactQuestionIDs ?? [])
        return ids.compactMap { id in voice.answers[id] == nil ? nil : questionnaire.question(id: id) }
    }

    private var retentionNotes: [String] {
        [
            voice.contactDeletedAt.map { "Contact details deleted \(AuditRowView.format($0, timeZone)) under the retention policy." },
            voice.textDeletedAt.map { "What the person wrote was deleted \(AuditRowView.format($0, timeZone)) under the retention policy." },
        ].compactMap { $0 }
    }
}
