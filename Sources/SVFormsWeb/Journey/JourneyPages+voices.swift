import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// What the journey does differently for community voices sent by the public: every form carries
/// a signed "shown at" time and a field people never see, and the submitted voice is quarantined
/// when either says a program sent it, or flagged when the same words just came from the same client.
extension JourneyPages {
    /// Whether this journey screens for programs: a questionnaire with a voices block, by open link.
    func screens(_ scope: JourneyScope) -> Bool {
        scope.questionnaire.voices != nil && scope.invitation == nil
    }

    /// The stamp for a page shown now, on screened journeys.
    func shownStamp(_ scope: JourneyScope) -> String? {
        guard screens(scope) else { return nil }
        return site.shownStamp.stamp(site.configuration.now(), for: scope.antiForgeryBasis)
    }

    /// What a posted page says about its sender; a missing or altered stamp is a bad request.
    func screeningSignal(_ input: FormInput, _ scope: JourneyScope) throws(WebError) -> (shownAt: Date, tripped: Bool)? {
        guard screens(scope) else { return nil }
        guard let shownAt = site.shownStamp.shownAt(input.value(ShownStamp.fieldName), for: scope.antiForgeryBasis) else {
            throw .badRequest
        }
        let trap = input.value(ShownStamp.trapFieldName) ?? ""
        return (shownAt, !trap.isEmpty)
    }

    /// The voice's place in the review, for a questionnaire with a voices block.
    func newVoice(
        _ draft: Draft, answers: Answers, screening: (shownAt: Date, tripped: Bool)?, _ scope: JourneyScope,
        _ request: Request, _ context: AppRequestContext, now: Date
    ) async -> NewVoice? {
        guard let settings = scope.questionnaire.voices else { return nil }
        let noted = screening.map { draft.noting(shownAt: $0.shownAt, trapTripped: $0.tripped) } ?? draft
        let words = settings.textQuestionIDs.flatMap { answers[$0] ?? [] }
        let isRepeat = await site.recentVoices.isRepeat(client: site.clientThrottleKey(request, context), words: words, at: now)
        return NewVoice(
            quarantineReason: screens(scope) ? QuarantineReason.screening(noted, settings: settings, now: now) : nil,
            possibleDuplicate: isRepeat, themes: settings.themesQuestionID.flatMap { answers[$0] } ?? [])
    }
}
