import Foundation
import GRDB
import SVFormsCore
import Testing

@testable import SVFormsStore

private let now = Date(timeIntervalSince1970: 1_780_000_000)
private let q1 = ReportingQuarter(yearStart: 2026, number: 1, yearStartMonth: 4)

private func figure(_ measure: String, _ quarter: ReportingQuarter, _ tenths: Int, source: String = "ICB", note: String = "") -> FigureSheet.Entry {
    let sheet = FigureSheet(
        measures: [FrameworkMeasure(id: measure, title: "", kind: .imported, unit: "", better: .lower, source: source)],
        calendar: ReportingCalendar(timeZone: TimeZone(identifier: "Europe/London")!, yearStartMonth: 4), currentQuarter: quarter)
    return try! sheet.entry(measure: measure, quarter: quarter.label, value: FigureValue(tenths: tenths).description, source: source, note: note)
        .get()
}

@Suite struct FrameworkStoreTests {
    @Test func aCorrectionIsANewVersionAndAnUnchangedFigureIsNotSavedAgain() async throws {
        let database = try scratchDatabase()
        let first = try await database.framework.saveFigures([figure("1.1.1.a", q1, 350), figure("1.1.1.b", q1, 1200)], by: "a@example.org", at: now)
        #expect(first == FigureSaveOutcome(saved: 2, unchanged: 0))
        let second = try await database.framework.saveFigures(
            [figure("1.1.1.a", q1, 360, note: "corrected"), figure("1.1.1.b", q1, 1200)], by: "b@example.org", at: now.addingTimeInterval(60))
        #expect(second == FigureSaveOutcome(saved: 1, unchanged: 1))
        let current = try await database.framework.currentFigures().sorted { $0.measureID < $1.measureID }
        #expect(current.map(\.value.tenths) == [360, 1200])
        let history = try await database.framework.figureHistory(measureID: "1.1.1.a", quarter: q1.label)
        #expect(history.map(\.value.tenths) == [350, 360])
        #expect(history.map(\.enteredBy) == ["a@example.org", "b@example.org"])
        #expect(history.map(\.note) == ["", "corrected"])
    }

    @Test func figuresAreHistoryThatSQLiteItselfKeeps() async throws {
        let database = try scratchDatabase()
        _ = try await database.framework.saveFigures([figure("1.1.1.a", q1, 350)], by: "a@example.org", at: now)
        for statement in ["UPDATE imported_figure SET value_tenths = 1", "DELETE FROM imported_figure"] {
            await #expect(throws: DatabaseError.self) { try await database.writer.write { try $0.execute(sql: statement) } }
        }
        let kept = try await database.framework.currentFigures().map(\.value.tenths)
        #expect(kept == [350])
    }

    @Test func meetingsKeepTheirAttendanceAndActionsAndGoTogether() async throws {
        let database = try scratchDatabase()
        let day = try #require(CalendarDay(iso: "2026-05-12"))
        let id = try await database.framework.createMeeting(
            MeetingDraft(bodyID: "board", heldOn: day, attendees: ["police", "council"], note: "Budget"), by: "lead@example.org", at: now)
        let actionID = try #require(
            try await database.framework.addAction(
                ActionDraft(description: "Share data", ownerID: "police", dueOn: day.adding(days: 30), status: .open), to: id,
                by: "lead@example.org", at: now))
        let nowhere = try await database.framework.addAction(
            ActionDraft(description: "Nowhere", ownerID: "police", dueOn: nil, status: .open), to: id + 1, by: "x", at: now)
        #expect(nowhere == nil)
        let recorded = try await database.framework.meeting(id: id)?.attendees
        #expect(recorded == ["police", "council"])

        let updated = try await database.framework.updateMeeting(
            id, MeetingDraft(bodyID: "data", heldOn: day, attendees: ["fire"], note: ""), by: "x", at: now)
        let updatedAttendees = try await database.framework.meeting(id: id)?.attendees
        let updatedMissing = try await database.framework.updateMeeting(
            id + 1, MeetingDraft(bodyID: "data", heldOn: day, attendees: [], note: ""), by: "x", at: now)
        #expect(updated && updatedAttendees == ["fire"] && !updatedMissing)

        let done = try await database.framework.setActionStatus(actionID, of: id, to: .done, by: "x", at: now)
        let othersAction = try await database.framework.setActionStatus(actionID, of: id + 1, to: .open, by: "x", at: now)
        let statuses = try await database.framework.actions(meetingID: id).map(\.status)
        let before = try await database.framework.actions(through: day.adding(days: -1))
        #expect(done && !othersAction && statuses == [.done] && before.isEmpty)

        let deleted = try await database.framework.deleteMeeting(id)
        let meetingsLeft = try await database.framework.meetings()
        let actionsLeft = try await database.framework.actions()
        #expect(deleted?.bodyID == "data" && meetingsLeft.isEmpty && actionsLeft.isEmpty)
        let orphans = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM meeting_attendance") }
        #expect(orphans == 0)
    }

    @Test func aPublishedReportCanBeReplacedAndWithdrawn() async throws {
        let database = try scratchDatabase()
        try await database.framework.publishReport(quarter: q1.label, content: #"{"v":1}"#, by: "lead@example.org", at: now)
        try await database.framework.publishReport(quarter: q1.label, content: #"{"v":2}"#, by: "lead@example.org", at: now.addingTimeInterval(60))
        let published = try await database.framework.publishedReport(quarter: q1.label)?.content
        let quarters = try await database.framework.publishedReports().map(\.quarter)
        #expect(published == #"{"v":2}"# && quarters == [q1.label])
        await #expect(throws: DatabaseError.self) {
            try await database.framework.publishReport(quarter: "2026/27 Q2", content: "not json", by: "x", at: now)
        }
        let withdrawn = try await database.framework.withdrawReport(quarter: q1.label)
        let again = try await database.framework.withdrawReport(quarter: q1.label)
        let gone = try await database.framework.publishedReport(quarter: q1.label) == nil
        #expect(withdrawn && !again && gone)
    }
}
