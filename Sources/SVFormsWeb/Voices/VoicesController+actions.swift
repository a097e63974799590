import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

extension VoicesController {
    /// `POST /admin/voices/{form}/{reference}/{themes|status|release|redact|delete}`.
    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let input = try context.postedForm()
        let (questionnaire, voice) = try await voice(context)
        let action = context.parameters.get("action") ?? ""
        let change: VoiceChange
        switch Self.change(action, input, questionnaire) {
        case .success(let made): change = made
        case .failure(let problem): return page(questionnaire, voice, context, notice: nil, problem: problem)
        }
        do {
            try await voiceStore.change(
                voice: voice.reference, formID: questionnaire.id, change, by: account.email,
                client: clients.address(request, context), at: clock.now())
        } catch let error as VoiceChangeError {
            guard let problem = Self.problem(for: error) else { throw WebError.notFound }
            return page(questionnaire, voice, context, notice: nil, problem: problem)
        }
        if change == .delete {
            return .redirect(to: SiteRoute.voices.path() + "?form=\(questionnaire.id)&status=quarantined&deleted=\(voice.reference)", type: .normal)
        }
        let path = SiteRoute.voice.path(questionnaire.id, voice.reference)
        guard let done = Notice.VoiceAction(rawValue: action) else { return .redirect(to: path, type: .normal) }
        return Notice.voice(done).redirect(to: path)
    }

    /// The change a posted form asks for, or what is wrong with it.
    static func change(_ action: String, _ input: FormInput, _ questionnaire: Questionnaire) -> Result<VoiceChange, VoiceProblem> {
        switch action {
        case "themes":
            let known = Set(questionnaire.themes.map(\.value))
            return .success(.themes(input.values("themes").filter(known.contains)))
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
            return .success(.redact(questionID: question, passage: passage))
        case "delete":
            guard input.value("confirm") == "yes" else {
                return .failure(VoiceProblem(field: "confirm", message: "Tick the box to confirm this voice should be deleted"))
            }
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
        case .notQuarantined: VoiceProblem(field: "status", message: "Only a quarantined voice can be released or deleted")
        case .passageNotFound:
            VoiceProblem(field: "passage", message: "Those words are not in that answer; copy them exactly as they appear")
        }
    }
}
