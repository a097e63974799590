import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// What the journey does differently for answers by open link to a screened questionnaire (community
/// voices, and an invited questionnaire whose public link is on): every form carries a signed stamp of
/// when it was shown in which journey and a field people never see, and the response is set aside when
/// either says a program sent it. A voice is also flagged when the same words just came from the same
/// client; a response through an invited questionnaire's link waits for a lead before it counts.
extension JourneyPages {
    /// What a posted page says about its sender.
    struct Screening: Sendable {
        var stamp: PageStamp
        var trapTripped: Bool
    }

    /// Whether this journey screens for programs.
    func screens(_ scope: JourneyScope) -> Bool {
        scope.invitation == nil && scope.questionnaire.screensOpenLinkAnswers
    }

    /// The stamp for a page of `draft`'s journey shown now; a browser starting one gets its first journey's id.
    func shownStamp(_ scope: JourneyScope, _ draft: Draft) -> String? {
        guard screens(scope) else { return nil }
        let journey = draft.journey ?? shownStamp.firstJourney(for: scope.antiForgeryBasis, formID: scope.questionnaire.id)
        return shownStamp.stamp(clock.now(), journey: journey, formID: scope.questionnaire.id, for: scope.antiForgeryBasis)
    }

    /// What a posted page says about its sender; a missing or altered stamp is a bad request.
    func screeningSignal(_ input: FormInput, _ scope: JourneyScope) throws(WebError) -> Screening? {
        guard screens(scope) else { return nil }
        guard
            let stamp = shownStamp.reading(
                input.value(ShownStamp.fieldName), formID: scope.questionnaire.id, for: scope.antiForgeryBasis)
        else {
            throw .badRequest
        }
        return Screening(stamp: stamp, trapTripped: !(input.value(ShownStamp.trapFieldName) ?? "").isEmpty)
    }

    /// `draft` with what `screening` says noted (see `Draft.noting`).
    func noting(_ screening: Screening?, in draft: Draft, journeyIsSpent: Bool = false, at now: Date) -> Draft {
        guard let screening else { return draft }
        return draft.noting(
            screening.stamp, trapTripped: screening.trapTripped, at: now, journeyIsSpent: journeyIsSpent, freshJourney: RandomToken.generate())
    }

    /// Why a screened journey's response is set aside, if it is.
    func screeningResult(_ draft: Draft, _ scope: JourneyScope, now: Date) -> QuarantineReason? {
        screens(scope) ? QuarantineReason.screening(draft, minimumSeconds: scope.questionnaire.minimumSeconds, now: now) : nil
    }

    /// The voice's place in the review, for a questionnaire with a voices block.
    func newVoice(
        answers: Answers, screening reason: QuarantineReason?, _ scope: JourneyScope, _ request: Request, _ context: AppRequestContext, now: Date
    ) async -> NewVoice? {
        guard let settings = scope.questionnaire.voices else { return nil }
        let words = settings.textQuestionIDs.flatMap { answers[$0] ?? [] }
        let isRepeat = await recentVoices.isRepeat(client: clients.throttleKey(request, context), words: words, at: now)
        return NewVoice(quarantineReason: reason, possibleDuplicate: isRepeat, themes: settings.themesQuestionID.flatMap { answers[$0] } ?? [])
    }

    /// A response to an invited questionnaire that did not come through an invitation waits for a lead.
    func newLinkResponse(screening reason: QuarantineReason?, _ scope: JourneyScope) -> NewLinkResponse? {
        scope.invitation == nil && scope.questionnaire.audience == .invited ? NewLinkResponse(screening: reason) : nil
    }
}
