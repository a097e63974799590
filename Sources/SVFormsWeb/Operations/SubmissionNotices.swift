import Foundation
import Logging
import SVFormsBackground
import SVFormsCore
import SVFormsStore

/// The emails a submission of the role survey sends: to the leads who asked for them, and the
/// confirmation the representative asked for on the check-answers page.
struct SubmissionNotices: Sendable {
    let partnership: Partnership
    let mail: MailComposer
    let logger: Logger

    /// The notices to queue with a submission of an invited questionnaire (the role survey), given its
    /// reference and the leads who asked to hear of submissions: the store reads those accounts and calls
    /// this inside the submission's transaction, and the caller wakes the mail worker once that has
    /// committed. Nil for questionnaires nobody is told about. A notice that cannot be composed is logged
    /// and left out: it must never cost the person their submission.
    /// `queued` is marked when any notice was composed, so the worker is woken only when there is mail.
    func submissionNotices(
        _ questionnaire: Questionnaire, answers: Answers, receiptTo person: Representative? = nil, queued: MailQueued
    ) -> (@Sendable (String, [Account]) -> [OutboxMessage])? {
        guard questionnaire.audience == .invited else { return nil }
        let organisation = questionnaire.organisationQuestion.flatMap { answers[$0.id]?.first }
            .flatMap { id in partnership.organisations.first { $0.id == id }?.name }
        let composer = mail
        let logger = self.logger
        return { reference, accounts in
            let compose = { (what: String, make: () throws -> OutboxMessage) -> OutboxMessage? in
                do { return try make() } catch {
                    logger.error("cannot build \(what)", metadata: ["error": .string("\(error)")])
                    return nil
                }
            }
            var notices = accounts.compactMap { account in
                compose("a submission notice") {
                    try composer.submissionNotice(to: account, questionnaire: questionnaire, reference: reference, organisation: organisation)
                }
            }
            if let person,
                let receipt = compose(
                    "a confirmation email", { try composer.receipt(to: person, questionnaire: questionnaire, reference: reference) })
            {
                notices.append(receipt)
            }
            if !notices.isEmpty { queued.mark() }
            return notices
        }
    }
}

/// Whether a submission queued any mail: its notices are composed inside the store's transaction, and the
/// mail worker is woken only when there is something to send (a busy role survey with nobody to tell
/// would otherwise wake it for every submission).
final class MailQueued: @unchecked Sendable {
    private let lock = NSLock()
    private var queued = false

    var any: Bool { lock.withLock { queued } }

    func mark() { lock.withLock { queued = true } }
}
