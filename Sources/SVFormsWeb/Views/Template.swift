/// Every template a page or an email renders. Rendering takes one of these, so no page can name a
/// template that the start-up check does not know; the partials and layouts they include are found
/// by reading the templates themselves (`TemplateReferences`).
enum Template: String, CaseIterable, Sendable {
    // Pages
    case index, start, question, confirmation, error, dashboard, audit, rounds, round, mail
    case checkAnswers = "check_answers", simpleForm = "simple_form"
    case meetings, meeting, figures, report, reportList = "report_list"
    case voices, voice, retention, linkResponses = "link_responses"
    // Emails: a plain-text and an HTML part each
    case invitationText = "email/invitation_text", invitationHTML = "email/invitation_html"
    case submissionText = "email/submission_text", submissionHTML = "email/submission_html"
    case digestText = "email/digest_text", digestHTML = "email/digest_html"
}
