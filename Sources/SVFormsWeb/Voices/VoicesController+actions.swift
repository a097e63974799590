import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension VoicesController {
    /// `POST /admin/voices/{form}/{reference}/{review|themes|status|release|redact|delete}`. Redacting and deleting
    /// cannot be undone, so without `confirm=yes` they answer with their confirmation page.
    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        let (questionnaire, voice) = try await voice(context)
        let action = context.parameters.get("action") ?? ""
        let change: VoiceChange
        switch Self.change(action, input, questionnaire, voice) {
        case .success(let made): change = made
        case .failure(let problem): return try await page(questionnaire, voice, request, context, notice: nil, problem: problem, typed: input)
        }
        let list = try await listPosition(questionnaire, request)
        if !input.isConfirmed, let confirmation = confirmation(of: change, questionnaire, voice, listQuery: list.queryString, context) {
            return presenter.response(.confirmAction, confirmation)
        }
        do {
            try await voiceStore.change(
                voice: voice.reference, formID: questionnaire.id, change, by: account.email,
                client: clients.address(request, context), at: clock.now())
        } catch let error as VoiceChangeError {
            guard let problem = Self.problem(for: error) else { throw WebError.notFound }
            return try await page(questionnaire, voice, request, context, notice: nil, problem: problem, typed: input)
        }
        if change == .delete {
            return .redirect(to: SiteRoute.voices.path() + "?form=\(questionnaire.id)&status=quarantined&deleted=\(voice.reference)", type: .normal)
        }
        let path = SiteRoute.voice.path(questionnaire.id, voice.reference)
        guard let done = Notice.VoiceAction(rawValue: action) else { return .redirect(to: path, type: .normal) }
        return Notice.voice(done).redirect(to: path, also: list.queryString)
    }

    /// The "Are you sure?" page of a change that cannot be undone; nil for the others.
    private func confirmation(
        of change: VoiceChange, _ questionnaire: Questionnaire, _ voice: StoredVoice, listQuery: String, _ context: AppRequestContext
    ) -> ConfirmActionView? {
        let voicePath = SiteRoute.voice.path(questionnaire.id, voice.reference)
        let back = voicePath + "?" + listQuery
        let action = { (name: String) in SiteRoute.voiceAction.path(questionnaire.id, voice.reference, name) + "?" + listQuery }
        switch change {
        case .redact(let questionID, let passage):
            let label = questionnaire.question(id: questionID)?.label ?? questionID
            return ConfirmActionView(
                layout: presenter.adminLayout(title: "Redact words from voice \(voice.reference)", context),
                heading: "Are you sure you want to redact these words?",
                consequences: [
                    "Every place “\(passage)” appears in the answer to “\(label)” will become \(VoiceStore.redactionMark).",
                    "The original words cannot be brought back. The audit log records who redacted them and when, never the words.",
                ],
                actionHref: action("redact"), fields: [("question", questionID), ("passage", passage)], csrfToken: presenter.csrfToken(context),
                buttonText: "Redact the words", cancelHref: back)
        case .delete:
            return ConfirmActionView(
                layout: presenter.adminLayout(title: "Delete voice \(voice.reference)", context),
                heading: "Are you sure you want to delete voice \(voice.reference) for good?",
                consequences: [
                    "Everything the person sent will be deleted, and cannot be brought back.",
                    "Delete a voice only when you are sure a program sent it, not a person. The audit log records who deleted it and when.",
                ],
                actionHref: action("delete"), csrfToken: presenter.csrfToken(context), buttonText: "Delete this voice", cancelHref: back)
        case .themes, .review, .status, .release:
            return nil
        }
    }

    /// The change a posted form asks for, or what is wrong with it.
    static func change(
        _ action: String, _ input: FormInput, _ questionnaire: Questionnaire, _ voice: StoredVoice
    ) -> Result<VoiceChange, VoiceProblem> {
        let known = Set(questionnaire.themes.map(\.value))
        switch action {
        case "themes":
            return .success(.themes(input.values("themes").filter(known.contains)))
        case "review":
            let themes = input.values("themes").filter(known.contains)
            if voice.status == .quarantined { return .success(.review(themes: themes, status: nil)) }
            guard let status = input.value("status").flatMap(VoiceStatus.init(rawValue:)), status != .quarantined else {
                return .failure(VoiceProblem(field: "status", message: "Select new, reviewed or actioned"))
            }
            return .success(.review(themes: themes, status: status))
        case "status":
            guard let status = input.value("status").flatMap(VoiceStatus.init(rawValue:)), status != .quarantined else {
                return .failure(VoiceProblem(field: "status", message: "Select new, reviewed or actioned"))
            }
            return .success(.status(status))
        case "release":
            return .success(.release)
        case "redact":
            let redactable = (questionnaire.voices?.textQuestionIDs ?? []) + (questionnaire.voices?.contactQuestionIDs ?? [])
            guard let question = input.value("question"), redactable.contains(question) else {
                return .failure(VoiceProblem(field: "redact-question", message: "Select the answer to redact from"))
            }
            let passage = input.value("passage")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !passage.isEmpty else {
                return .failure(VoiceProblem(field: "passage", message: "Enter the words to redact, exactly as they appear"))
            }
            // Checked before the confirmation page, so it never asks about words that are not there (the store checks again).
            guard voice.answers[question]?.contains(where: { $0.range(of: passage, options: .caseInsensitive) != nil }) == true else {
                return .failure(Self.passageNotFound)
            }
            return .success(.redact(questionID: question, passage: passage))
        case "delete":
            guard voice.status == .quarantined else { return .failure(Self.notQuarantined) }
            return .success(.delete)
        default:
            return .failure(VoiceProblem(field: "status", message: "That action is not available"))
        }
    }

    static func problem(for error: VoiceChangeError) -> VoiceProblem? {
        switch error {
        case .notFound: nil
        case .quarantined:
            VoiceProblem(field: "release", message: "This voice is quarantined: release it before marking it reviewed or actioned")
        case .notQuarantined: notQuarantined
        case .passageNotFound: passageNotFound
        }
    }

    static let notQuarantined = VoiceProblem(field: "status", message: "Only a quarantined voice can be released or deleted")
    static let passageNotFound = VoiceProblem(field: "passage", message: "Those words are not in that answer; copy them exactly as they appear")
}
