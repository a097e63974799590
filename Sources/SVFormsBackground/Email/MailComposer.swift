import Foundation
import Mustache
import SVFormsCore
import SVFormsMail
import SVFormsStore

/// Builds svforms' emails — text and HTML from the templates under `templates/email/` — as the
/// outbox rows that carry them. Everything about a message (its Message-ID, its date) is fixed here,
/// so each retry sends the same message.
public struct MailComposer: Sendable {
    public let templates: TemplateLibrary
    public let from: MailAddress
    public let links: MailLinks
    public let partnership: Partnership
    public let now: @Sendable () -> Date

    /// Refuses to start when an email's template, or anything it includes, is missing.
    public init(
        templates: TemplateLibrary, from: MailAddress, links: MailLinks, partnership: Partnership, now: @escaping @Sendable () -> Date
    ) throws(TemplateProblem) {
        try templates.check(EmailTemplate.allCases.map(\.rawValue))
        self.templates = templates
        self.from = from
        self.links = links
        self.partnership = partnership
        self.now = now
    }

    /// An invitation (or reminder) to answer `round`, with a fresh personal link.
    public func invitation(
        _ person: Representative, round: SurveyRound, questionnaire: Questionnaire, isReminder: Bool
    ) throws -> PersonalMail {
        let token = RandomToken.generate()
        let subject = (isReminder ? "Reminder: " : "") + "\(questionnaire.title) (\(round.name))"
        let view = InvitationEmailView(
            subject: subject, personName: person.name, partnershipName: partnership.name, formTitle: questionnaire.title,
            organisationName: partnership.organisations.first { $0.id == person.organisationID }?.name ?? person.organisationID,
            estimatedMinutes: questionnaire.estimatedMinutes, closesOn: round.closesOn.longDescription,
            link: links.invitation(token), isReminder: isReminder, roundName: round.name, contact: partnership.contact)
        let message = try compose(
            kind: isReminder ? "reminder" : "invitation", to: MailAddress(person.email, name: person.name), subject: subject,
            parts: (.invitationText, .invitationHTML), view: view)
        return PersonalMail(tokenHash: RandomToken.hash(token), message: message)
    }

    /// The notice for a lead who asked to hear of each submission; names the organisation, never the answers.
    public func submissionNotice(to account: Account, questionnaire: Questionnaire, reference: String, organisation: String?) throws -> OutboxMessage
    {
        let subject = "Submitted: \(questionnaire.title)" + (organisation.map { " (\($0))" } ?? "")
        let view = SubmissionEmailView(
            subject: subject, formTitle: questionnaire.title,
            submittedAt: LocalTimestamp.string(now(), in: partnership.timeZone), organisationName: organisation, reference: reference,
            dashboardLink: links.dashboard, accountLink: links.account)
        return try compose(
            kind: "submission", to: MailAddress(account.email), subject: subject, parts: (.submissionText, .submissionHTML), view: view)
    }

    /// The confirmation a representative asked for: their reference and what happens next, never their answers.
    public func receipt(to person: Representative, questionnaire: Questionnaire, reference: String) throws -> OutboxMessage {
        let subject = "Received: \(questionnaire.title)"
        let view = ReceiptEmailView(
            subject: subject, personName: person.name, formTitle: questionnaire.title,
            organisationName: partnership.organisation(id: person.organisationID)?.name ?? person.organisationID,
            submittedAt: LocalTimestamp.string(now(), in: partnership.timeZone), reference: reference,
            nextSteps: questionnaire.confirmation, partnershipName: partnership.name, contact: partnership.contact.map { ContactLines(contact: $0) })
        return try compose(
            kind: "receipt", to: MailAddress(person.email, name: person.name), subject: subject, parts: (.receiptText, .receiptHTML),
            view: view)
    }

    /// The daily digest for one lead.
    func digest(to account: Account, day: CalendarDay, count: Int, sections: [DigestEmailView.Section]) throws -> OutboxMessage {
        let subject = "Community voices: \(count) new on \(day.longDescription)"
        let view = DigestEmailView(
            subject: subject, count: count, day: day.longDescription, sections: sections,
            dashboardLink: links.dashboard, accountLink: links.account)
        return try compose(kind: "digest", to: MailAddress(account.email), subject: subject, parts: (.digestText, .digestHTML), view: view)
    }

    /// Renders both parts, builds (and so checks) the message, and wraps it for the outbox.
    private func compose(
        kind: String, to recipient: MailAddress, subject: String, parts: (text: EmailTemplate, html: EmailTemplate), view: some MustacheParent
    ) throws -> OutboxMessage {
        let message = try MailMessage(
            from: from, to: [recipient], subject: subject,
            text: templates.render(parts.text.rawValue, view).trimmingCharacters(in: .whitespacesAndNewlines) + "\n",
            html: templates.render(parts.html.rawValue, view),
            messageID: MailMessage.newMessageID(domain: Self.domain(of: from.address)), date: now())
        return OutboxMessage(
            messageID: message.messageID, kind: kind, recipient: recipient.address, subject: subject,
            payload: try OutboxPayload(message).encoded())
    }

    public static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "svforms.invalid"
    }
}

/// Where emails link to: absolute addresses, built by the web module from its own routes.
public struct MailLinks: Sendable {
    /// A representative's personal link, from its token.
    public var invitation: @Sendable (String) -> String
    public var dashboard: String
    /// Where a lead changes which emails they get.
    public var account: String

    public init(invitation: @escaping @Sendable (String) -> String, dashboard: String, account: String) {
        self.invitation = invitation
        self.dashboard = dashboard
        self.account = account
    }
}
