import Foundation
import Hummingbird
import SVFormsCore
import SVFormsStore

/// `/i/{token}`: a representative's personal link. It opens their own draft from any browser until
/// the round closes, and after they submit it shows their confirmation. Unknown links are 404s,
/// and too many of them from one client address are refused for a while.
struct InvitationController: Sendable {
    let roundStore: RoundStore
    let catalog: FormCatalog
    let clock: SiteClock
    let clients: ClientAddresses
    let throttle: AttemptThrottle
    let pages: JourneyPages

    func addRoutes(to routes: SiteRouter) {
        routes.on(.invitationStart, use: start)
        routes.on(.invitationCheck, use: checkAnswers)
        routes.on(.invitationSubmit, use: submit)
        routes.on(.invitationConfirmation, use: confirmation)
        routes.on(.invitationPage, use: showPage)
        routes.on(.invitationPageAnswers, use: answerPage)
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try await scope(request, context)
        if let reference = scope.invitation?.representative.responseReference { return pages.confirmation(scope, reference: reference) }
        return try await pages.start(scope)
    }

    @Sendable func showPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try await scope(request, context)
        if let done = alreadySubmitted(scope) { return done }
        return try await pages.showPage(context.parameters.require("page"), request, scope)
    }

    @Sendable func answerPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try await scope(request, context)
        if let done = alreadySubmitted(scope) { return done }
        return try await pages.answerPage(context.parameters.require("page"), request, context, scope)
    }

    @Sendable func checkAnswers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try await scope(request, context)
        if let done = alreadySubmitted(scope) { return done }
        return try await pages.checkAnswers(scope)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try await scope(request, context)
        if let done = alreadySubmitted(scope) { return done }
        return try await pages.submit(request, context, scope).0
    }

    @Sendable func confirmation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try await scope(request, context)
        return pages.confirmation(scope, reference: scope.invitation?.representative.responseReference)
    }

    /// Once they have submitted, every page of the link shows their confirmation.
    private func alreadySubmitted(_ scope: JourneyScope) -> Response? {
        scope.invitation?.representative.submittedAt == nil ? nil : .redirect(to: scope.confirmation, type: .normal)
    }

    /// The journey of the link's representative. Someone who has submitted only sees their confirmation;
    /// outside the round's dates the link says so plainly.
    private func scope(_ request: Request, _ context: AppRequestContext) async throws -> JourneyScope {
        let token = context.parameters.get("token") ?? ""
        let now = clock.now()
        guard RandomToken.isWellFormed(token), let found = try await roundStore.invitation(tokenHash: RandomToken.hash(token)),
            let questionnaire = catalog.questionnaire(id: found.round.formID)
        else {
            // Only failures count, so a real link always opens, even for many people behind one
            // address; a 256-bit token cannot be guessed anyway, and the limit keeps guessing slow.
            let client = ClientAddress.throttleKey(clients.address(request, context))
            if case .refused(let wait, _) = try await throttle.unknownLink(client: client, at: now) {
                throw WebError.tooManyAttempts(retryAfter: Int(wait.rounded(.up)))
            }
            throw WebError.notFound
        }

        let today = CalendarDay.today(in: catalog.partnership.timeZone, now: now)
        if found.representative.submittedAt == nil {
            if today < found.round.opensOn { throw WebError.roundNotOpenYet(opensOn: found.round.opensOn) }
            if let closedAt = found.round.closedAt {
                throw WebError.roundClosed(closedOn: CalendarDay.today(in: catalog.partnership.timeZone, now: closedAt))
            }
            if today > found.round.closesOn { throw WebError.roundClosed(closedOn: found.round.closesOn) }
        }
        return .invitation(questionnaire, token: token, round: found.round, representative: found.representative)
    }
}
