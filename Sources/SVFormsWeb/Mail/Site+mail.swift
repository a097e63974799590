import Foundation
import SVFormsCore
import SVFormsStore

extension Site {
    /// The notices to queue with a submission of an invited questionnaire (the role survey), given its
    /// reference and the leads who asked to hear of submissions: the store reads those accounts and calls
    /// this inside the submission's transaction, and the caller wakes the mail worker once that has
    /// committed. Nil for questionnaires nobody is told about. A notice that cannot be composed is logged
    /// and left out: it must never cost the person their submission.
    func submissionNotices(_ questionnaire: Questionnaire, answers: Answers) -> (@Sendable (String, [Account]) -> [OutboxMessage])? {
        guard questionnaire.audience == .invited else { return nil }
        let organisation = questionnaire.organisationQuestion.flatMap { answers[$0.id]?.first }
            .flatMap { id in partnership.organisations.first { $0.id == id }?.name }
        let composer = mail
        let logger = self.logger
        return { reference, accounts in
            accounts.compactMap { account in
                do {
                    return try composer.submissionNotice(to: account, questionnaire: questionnaire, reference: reference, organisation: organisation)
                } catch {
                    logger.error("cannot build a submission notice", metadata: ["error": .string("\(error)")])
                    return nil
                }
            }
        }
    }
}
