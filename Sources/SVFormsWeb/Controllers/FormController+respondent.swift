import SVFormsCore
import SVFormsStore

extension FormController {
    func draft(_ respondent: Respondent, _ questionnaire: Questionnaire) async throws -> Draft {
        guard !respondent.isNew else { return Draft() }
        return try await site.database.draft(respondentKey: respondent.key, formID: questionnaire.id)?.draft ?? Draft()
    }
}
