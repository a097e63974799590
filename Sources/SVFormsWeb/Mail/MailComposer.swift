import Foundation
import Mustache
import SVFormsCore
import SVFormsMail
import SVFormsStore

/// Builds svforms' emails — text and HTML from the templates under `templates/email/` — as the
/// outbox rows that carry them. Everything about a message (its Message-ID, its date) is fixed here,
/// so each retry sends the same message.
struct MailComposer: Sendable {
    let renderer: PageRenderer
    let from: MailAddress
    /// Where links in emails point: the public address, or the local one in development.
    let baseURL: String
    let partnership: Partnership
    let now: @Sendable () -> Date

    /// An invitation (or reminder) to answer `round`, with a fresh personal link.
    func invitation(
        _ person: Representative, round: SurveyRound, questionnaire: Questionnaire, isReminder: Bool
    ) throws -> PersonalMail {
        let token = RandomToken.generate()
        let subject = (isReminder ? "Reminder: " : "") + "\(questionnaire.title) (\(round.name))"
        let view = InvitationEmailView(
            subject: subject, personName: person.name, partnershipName: partnership.name, formTitle: questionnaire.title,
            organisationName: partnership.organisations.first { $0.id == person.organisationID }?.name ?? person.organisationID,
            estimatedMinutes: questionnaire.estimatedMinutes, closesOn: round.closesOn.longDescription,
            link: baseURL + InvitationPaths.start(token), isReminder: isReminder)
        let message = try compose(
            kind: isReminder ? "reminder" : "invitation", to: MailAddress(person.email, name: person.name), subject: subject,
            templates: (.invitationText, .invitationHTML), view: view)
        return PersonalMail(tokenHash: RandomToken.hash(token), message: message)
    }

    /// The notice for a lead who asked to hear of each submission; names the organisation, never the answers.
    func submissionNotice(to account: Account, questionnaire: Questionnaire, reference: String, organisation: String?) throws -> OutboxMessage {
        let subject = "Submitted: \(questionnaire.title)" + (organisation.map { " (\($0))" } ?? "")
        let view = SubmissionEmailView(
            subject: subject, formTitle: questionnaire.title,
            submittedAt: LocalTimestamp.string(now(), in: partnership.timeZone), organisationName: organisation, reference: reference,
            dashboardLink: baseURL + AdminPaths.dashboard, accountLink: baseURL + AdminPaths.account)
        return try compose(kind: "submission", to: MailAddress(account.email), subject: subject, templates: (.submissionText, .submissionHTML), view: view)
    }

    /// The daily digest for one lead.
    func digest(to account: Account, day: CalendarDay, count: Int, sections: [DigestEmailView.Section]) throws -> OutboxMessage {
        let subject = "Community voices: \(count) new on \(day.longDescription)"
        let view = DigestEmailView(
            subject: subject, count: count, day: day.longDescription, sections: sections,
            dashboardLink: baseURL + AdminPaths.dashboard, accountLink: baseURL + AdminPaths.account)
        return try compose(kind: "digest", to: MailAddress(account.email), subject: subject, templates: (.digestText, .digestHTML), view: view)
    }

    /// Renders both parts, builds (and so checks) the message, and wraps it for the outbox.
    private func compose(
        kind: String, to recipient: MailAddress, subject: String, templates: (text: Template, html: Template), view: some MustacheParent
    ) throws -> OutboxMessage {
        let message = try MailMessage(
            from: from, to: [recipient], subject: subject,
            text: renderer.html(templates.text, view).trimmingCharacters(in: .whitespacesAndNewlines) + "\n",
            html: renderer.html(templates.html, view),
            messageID: MailMessage.newMessageID(domain: Self.domain(of: from.address)), date: now())
        return OutboxMessage(
            messageID: message.messageID, kind: kind, recipient: recipient.address, subject: subject,
            payload: try OutboxPayload(message).encoded())
    }

    static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "svforms.invalid"
    }
}
