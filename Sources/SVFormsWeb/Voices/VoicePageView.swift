import Foundation
import Mustache
import SVFormsCore
import SVFormsStore

/// One voice for a lead: what the person said, one form to save its themes and status together, and the
/// forms to redact, release or delete it; links to the voices either side of it in the list it came from.
struct VoicePageView: PageView {
    var layout: LayoutView
    var questionnaire: Questionnaire
    var voice: StoredVoice
    var timeZone: TimeZone
    var csrfToken: String
    var notice: String?
    var problem: VoiceProblem?
    /// What a form sent back with a problem had in it, shown again so nothing typed or ticked is lost.
    var typed: FormInput?
    /// The list's filters, carried on every link and form so "next voice" stays in the same list.
    var listQuery: String
    var previous: String?
    var next: String?

    func field(named name: String) -> Any? {
        let action = { (name: String) in SiteRoute.voiceAction.path(questionnaire.id, voice.reference, name) + "?" + listQuery }
        let neighbour = { (reference: String) in SiteRoute.voice.path(questionnaire.id, reference) + "?" + listQuery }
        let themes = typed.map { Set($0.values("themes")) } ?? Set(voice.themes)
        let status = typed?.value("status").flatMap(VoiceStatus.init(rawValue:)) ?? voice.status
        switch name {
        case "reference": return voice.reference
        case "formTitle": return questionnaire.title
        case "listHref": return SiteRoute.voices.path() + "?" + listQuery
        case "previousHref": return previous.map(neighbour)
        case "nextHref": return next.map(neighbour)
        case "hasNeighbours": return previous != nil || next != nil
        case "typedPassage": return typed?.value("passage") ?? ""
        case "received": return DisplayTime.string(voice.submittedAt, timeZone)
        case "statusLabel": return voice.status.label
        case "quarantineReason": return voice.quarantineReason?.description
        case "isQuarantined": return voice.status == .quarantined
        case "isDuplicate": return voice.possibleDuplicate
        case "retentionNotes": return retentionNotes
        case "changedText": return voice.changedAt.map { "Last changed \(DisplayTime.string($0, timeZone)) by \(voice.changedBy ?? "unknown")." }
        case "answers": return answerRows
        case "themeOptions":
            return questionnaire.themes.map { theme in
                ["themeValue": theme.value, "themeLabel": theme.label, "themeChecked": themes.contains(theme.value)] as [String: Any]
            }
        case "statusOptions":
            return [VoiceStatus.new, .reviewed, .actioned].map { option in
                ["statusValue": option.rawValue, "statusOptionLabel": option.label, "statusChecked": option == status] as [String: Any]
            }
        case "redactOptions": return redactable.map { ["questionValue": $0.id, "questionLabel": $0.label] }
        case "canRedact": return !redactable.isEmpty
        case "reviewAction": return action("review")
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
            voice.contactDeletedAt.map { "Contact details deleted \(DisplayTime.string($0, timeZone)) under the retention policy." },
            voice.textDeletedAt.map { "What the person wrote was deleted \(DisplayTime.string($0, timeZone)) under the retention policy." },
        ].compactMap { $0 }
    }
}
