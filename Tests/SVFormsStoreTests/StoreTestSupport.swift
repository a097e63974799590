import Foundation
import SVFormsCore

@testable import SVFormsStore

/// A database in its own temporary directory, as the server opens it.
func scratchDatabase() throws -> AppDatabase {
    try AppDatabase(directory: FileManager.default.temporaryDirectory.appendingPathComponent("svforms-store-\(UUID().uuidString)").path)
}

/// 15 June 2025, 16:06 in London: the tests' "now".
let storeTestNow = Date(timeIntervalSince1970: 1_750_000_000)

/// A message for the outbox, with a payload the store never looks inside.
func outboxMessage(_ recipient: String = "lead@example.org", kind: String = "submission") -> OutboxMessage {
    OutboxMessage(
        messageID: "<\(UUID().uuidString)@svforms.test>", kind: kind, recipient: recipient, subject: "Subject",
        payload: Data("{\"personal\":\"link\"}".utf8))
}

/// A June 2025 round with these people (name, email) at Surrey Police.
func roundWith(_ people: [(String, String)], in database: AppDatabase, reminderDaysBefore: Int? = nil) async throws -> SurveyRound {
    let round = try await database.rounds.createRound(
        NewSurveyRound(
            formID: "role-understanding", name: "June", opensOn: CalendarDay(year: 2025, month: 6, day: 1)!,
            closesOn: CalendarDay(year: 2025, month: 6, day: 30)!, reminderDaysBefore: reminderDaysBefore),
        by: "lead@example.org", at: storeTestNow)
    try await database.rounds.addRepresentatives(
        people.map { NewRepresentative(name: $0.0, email: $0.1, organisationID: "surrey-police") }, to: round.id)
    return round
}

/// A personal email for `person`, as the web layer composes one (a random token's hash).
func personalMail(_ person: Representative, kind: String = "invitation") -> PersonalMail {
    var generator = SystemRandomNumberGenerator()
    return PersonalMail(
        tokenHash: Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }),
        message: outboxMessage(person.email, kind: kind))
}
