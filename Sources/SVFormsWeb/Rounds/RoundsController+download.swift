import Foundation
import Hummingbird
import SVFormsCore
import SVFormsExport
import SVFormsReporting
import SVFormsStore

extension RoundsController {
    /// `people.csv` and `people.xlsx`: the round's people with where each has got to and their reminders, for chasing.
    @Sendable func downloadPeople(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.signedInAccount()
        let (round, questionnaire) = try await round(context)
        let (name, format) = try downloads.downloadName(context)
        guard name == "people" else { throw WebError.notFound }
        let people = try await roundStore.representatives(roundID: round.id)
        let timeZone = catalog.partnership.timeZone
        let organisations = catalog.partnership.organisations
        let time: @Sendable (Date?) -> ExportCell = { date in date.map { ExportCell.text(LocalTimestamp.string($0, in: timeZone)) } ?? .empty }
        let today = CalendarDay.today(in: timeZone, now: clock.now())
        let export = TableExport(
            fileStem: "round-\(round.id)-people-\(today)", sheetName: "People", rowCount: people.count, kind: "round-people",
            subject: "\(round.name) (\(questionnaire.id))", asOf: people.compactMap(\.submittedAt).max() ?? round.createdAt
        ) { writer in
            try await writer.writeHeader([
                "Name", "Email", "Organisation", "Status", "Invited at", "Reminders", "Last reminded at", "Submitted at", "Reference",
            ])
            for person in people {
                try await writer.writeRow([
                    .text(person.name), .text(person.email),
                    .text(organisations.first { $0.id == person.organisationID }?.name ?? person.organisationID),
                    .text(Self.statusWord(person)), time(person.invitedAt), .integer(person.reminderCount), time(person.remindedAt),
                    time(person.submittedAt), person.responseReference.map(ExportCell.text) ?? .empty,
                ])
            }
            try await writer.finish()
        }
        return try await downloads.download(export, format, account: account, request: request, context: context)
    }
}
