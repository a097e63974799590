import SVFormsBackground

/// Every template a page renders (the emails' are `EmailTemplate`). Rendering takes one of these, so no
/// page can name a template that the start-up check does not know; the partials and layouts they
/// include are found by reading the templates themselves (`TemplateReferences`).
enum Template: String, CaseIterable, Sendable {
    case index, start, question, confirmation, error, dashboard, audit, rounds, round, mail
    case checkAnswers = "check_answers"
    case simpleForm = "simple_form"
    case meetings, meeting, figures, report
    case reportList = "report_list"
    case voices, voice, retention
    case linkResponses = "link_responses"
    case confirmAction = "confirm_action"
    case roundPerson = "round_person"
}
