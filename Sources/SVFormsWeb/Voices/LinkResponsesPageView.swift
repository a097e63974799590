import Foundation
import Mustache
import SVFormsCore
import SVFormsStore

/// Responses that came through an invited questionnaire's public link, for a lead to accept or delete.
struct LinkResponsesPageView: PageView {
    var layout: LayoutView
    /// Each questionnaire whose public link is on (or that still has responses waiting), with what waits.
    var forms: [(questionnaire: Questionnaire, waiting: [WaitingLinkResponse])]
    var partnership: Partnership
    var csrfToken: String
    var notice: String?
    /// The response whose deletion was not confirmed.
    var unconfirmed: String?

    func field(named name: String) -> Any? {
        switch name {
        case "forms": forms.map(form)
        case "hasForms": !forms.isEmpty
        case "csrfToken": csrfToken
        case "notice": notice
        case "hasErrors": unconfirmed != nil
        case "errors": unconfirmed.map { [["href": "#confirm-\($0)", "message": "Tick the box to confirm response \($0) should be deleted"]] } ?? []
        default: nil
        }
    }

    private func form(_ entry: (questionnaire: Questionnaire, waiting: [WaitingLinkResponse])) -> [String: Any] {
        let questionnaire = entry.questionnaire
        let count = entry.waiting.count
        return [
            "formTitle": questionnaire.title,
            "waitingText": count == 0
                ? "No responses are waiting."
                : (count == 1 ? "1 response is waiting." : "\(count) responses are waiting."),
            "responses": entry.waiting.map { response($0, questionnaire) },
        ]
    }

    private func response(_ response: WaitingLinkResponse, _ questionnaire: Questionnaire) -> [String: Any] {
        let rows: [[String: Any]] = questionnaire.questions.compactMap { question in
            guard let values = response.answers[question.id] else { return nil }
            return ["questionLabel": question.label, "answerLines": question.answerLines(values)]
        }
        return [
            "reference": response.reference,
            "received": DisplayTime.string(response.submittedAt, partnership.timeZone),
            "screening": response.screening.map { "Our checks suggest a program sent this: \($0.description)." } ?? false,
            "answers": rows,
            "acceptAction": SiteRoute.linkResponseDecision.path(questionnaire.id, response.reference, "accept"),
            "deleteAction": SiteRoute.linkResponseDecision.path(questionnaire.id, response.reference, "delete"),
            "isUnconfirmed": unconfirmed == response.reference,
        ]
    }
}
