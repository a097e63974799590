import Foundation
import SVFormsCore
import SVFormsStore

extension Site {
    /// The notices to queue with a submission, given its reference: one per lead who asked to hear of
    /// role-survey submissions (invited questionnaires); nil when nobody is to hear of it. Composed inside the submission's transaction;
    /// the caller wakes the mail worker once that has committed. A notice that cannot be composed
    /// is logged and left out: it must never cost the person their submission.
    func submissionNotices(_ questionnaire: Questionnaire, answers: Answers) async throws -> (@Sendable (String) -> [OutboxMessage])? {
        guard questionnaire.audience == .invited else { return nil }
        let accounts = try await database.accountsToNotify(.submissions)
        guard !accounts.isEmpty else { return nil }
        let organisation = questionnaire.organisationQuestion.flatMap { answers[$0.id]?.first }
            .flatMap { id in partnership.organisations.first { $0.id == id }?.name }
        let composer = mail
        let logger = self.logger
        return { reference in
            return accounts.compactMap { account in
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
