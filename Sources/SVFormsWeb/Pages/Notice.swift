import Hummingbird
import HummingbirdCore
import SVFormsCore

/// What a page says once after a change ("The meeting is recorded."). The handler that made the change
/// redirects with the notice in the query (`redirect(to:)`), so a reload repeats nothing, and the page it
/// lands on reads back only its own (`Notice(request, on: .round)`). Every confirmation's words are here, in one place.
enum Notice: Equatable, Sendable {
    case accountSaved
    case figuresSaved(saved: Int, unchanged: Int)
    case people(PeopleChange, count: Int)
    case roundDates(RoundDatesChange)
    case person(PersonChange)
    case voice(VoiceAction)
    case linkResponse(accepted: Bool, reference: String)
    case report(ReportChange)
    case meeting(MeetingChange)

    enum PeopleChange: String, Sendable { case added, imported, invited, reminded, removed }
    enum RoundDatesChange: String, Sendable { case closed, extended }
    enum PersonChange: String, Sendable {
        case corrected, invited, reminded
        case correctedAndSent = "corrected-sent"
        case remindedRecently = "reminded-recently"
        case notSent = "not-sent"
        case roundClosed = "round-closed"
    }
    enum VoiceAction: String, Sendable { case themes, status, release, redact, review }
    enum ReportChange: String, Sendable {
        case published, withdrawn
        case notPublished = "not-published"
    }
    enum MeetingChange: String, Sendable {
        case recorded, saved, deleted
        case actionAdded = "action-added"
        case actionUpdated = "action-updated"
    }

    /// The pages that show notices: each shows only its own, read from the query as it writes them.
    enum Page: Sendable {
        case account, figures, round, roundPerson, voice, linkResponses, report, meeting, meetings
    }

    /// The notice for `page` in `request`'s query, if it holds one; anything else shows nothing.
    init?(_ request: Request, on page: Page) { self.init(request.uri, on: page) }

    init?(_ uri: URI, on page: Page) {
        // Each parameter is read as `query["name"]`, where the fuzz suite finds every parameter a handler reads.
        let query = uri.queryParameters
        switch page {
        case .account:
            guard query["saved"] != nil else { return nil }
            self = .accountSaved
        case .figures:
            guard let saved = query["saved"].map(String.init).flatMap(Int.init) else { return nil }
            self = .figuresSaved(saved: saved, unchanged: query["unchanged"].map(String.init).flatMap(Int.init) ?? 0)
        case .round:
            if let change = query["notice"].map(String.init).flatMap(RoundDatesChange.init(rawValue:)) {
                self = .roundDates(change)
                return
            }
            // "added-3"; the count is whatever follows the one dash.
            guard let parts = query["notice"].map(String.init)?.split(separator: "-"), parts.count == 2,
                let change = PeopleChange(rawValue: String(parts[0])), let count = Int(parts[1])
            else { return nil }
            self = .people(change, count: count)
        case .roundPerson:
            guard let change = query["notice"].map(String.init).flatMap(PersonChange.init(rawValue:)) else { return nil }
            self = .person(change)
        case .voice:
            guard let action = query["done"].map(String.init).flatMap(VoiceAction.init(rawValue:)) else { return nil }
            self = .voice(action)
        case .linkResponses:
            guard let done = query["done"].map(String.init), done == "accepted" || done == "deleted",
                let reference = query["reference"].map(String.init), Reference.isWellFormed(reference)
            else { return nil }
            self = .linkResponse(accepted: done == "accepted", reference: reference)
        case .report:
            guard let change = query["notice"].map(String.init).flatMap(ReportChange.init(rawValue:)) else { return nil }
            self = .report(change)
        case .meeting:
            guard let change = query["notice"].map(String.init).flatMap(MeetingChange.init(rawValue:)), change != .deleted else { return nil }
            self = .meeting(change)
        case .meetings:
            guard query["notice"].map(String.init) == MeetingChange.deleted.rawValue else { return nil }
            self = .meeting(.deleted)
        }
    }

    /// The page that shows it.
    var page: Page {
        switch self {
        case .accountSaved: .account
        case .figuresSaved: .figures
        case .people, .roundDates: .round
        case .person: .roundPerson
        case .voice: .voice
        case .linkResponse: .linkResponses
        case .report: .report
        case .meeting(.deleted): .meetings
        case .meeting: .meeting
        }
    }

    /// The query that carries it.
    var query: String {
        switch self {
        case .accountSaved: "saved"
        case .figuresSaved(let saved, let unchanged): "saved=\(saved)&unchanged=\(unchanged)"
        case .people(let change, let count): "notice=\(change.rawValue)-\(count)"
        case .roundDates(let change): "notice=\(change.rawValue)"
        case .person(let change): "notice=\(change.rawValue)"
        case .voice(let action): "done=\(action.rawValue)"
        case .linkResponse(let accepted, let reference): "done=\(accepted ? "accepted" : "deleted")&reference=\(reference)"
        case .report(let change): "notice=\(change.rawValue)"
        case .meeting(let change): "notice=\(change.rawValue)"
        }
    }

    /// A redirect to `path` showing this notice; `also` adds more of the query (`skipped=2`), `fragment` a place on the page.
    func redirect(to path: String, also: String? = nil, fragment: String? = nil) -> Response {
        .redirect(to: path + "?" + query + (also.map { "&" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? ""), type: .normal)
    }

    /// What the page says.
    var text: String {
        switch self {
        case .accountSaved: return "Your choices are saved."
        case .figuresSaved(let saved, let unchanged):
            return "\(saved == 1 ? "1 figure" : "\(saved) figures") saved"
                + (unchanged > 0 ? "; \(unchanged) already up to date, so left as they were." : ".")
        case .people(let change, let count):
            let people = count == 1 ? "1 person" : "\(count) people"
            switch change {
            case .added, .imported: return "\(people) added to the round."
            case .invited: return "Invitations queued for \(people)."
            case .reminded: return "Reminders queued for \(people)."
            case .removed: return "\(people.prefix(1).uppercased() + people.dropFirst()) removed from the round."
            }
        case .roundDates(let change):
            switch change {
            case .closed: return "The round is closed: personal links no longer open the questionnaire."
            case .extended: return "The closing date is changed."
            }
        case .person(let change):
            switch change {
            case .corrected: return "Their details are saved."
            case .correctedAndSent:
                return "Their details are saved. A new invitation is queued for the new address; links sent to the old one no longer work."
            case .invited: return "A new invitation is queued. Links sent to them before no longer work."
            case .reminded: return "A reminder is queued."
            case .remindedRecently: return "No reminder was sent: they were reminded in the last 24 hours."
            case .notSent: return "Nothing was sent: their email could not be written (see the server log). Check their address."
            case .roundClosed: return "Nothing was sent: the round is not open, and personal links only work while it is open."
            }
        case .voice(let action):
            switch action {
            case .review: return "Your review is saved."
            case .themes: return "The themes are saved."
            case .status: return "The status is saved."
            case .release: return "The voice is released: it now counts in reports as a new voice."
            case .redact: return "The words are redacted. The original text is gone; the audit log records who redacted it and when."
            }
        case .linkResponse(let accepted, let reference):
            return accepted
                ? "Response \(reference) is accepted: it now counts in the measures, the dashboard and the downloads."
                : "Response \(reference) was deleted."
        case .report(let change):
            switch change {
            case .published: return "The report is published. Anyone with the link can read it."
            case .withdrawn: return "The report is withdrawn: its public page is gone."
            case .notPublished: return "The report was not published, so there was nothing to withdraw."
            }
        case .meeting(let change):
            switch change {
            case .recorded: return "The meeting is recorded."
            case .saved: return "Your changes are saved."
            case .deleted: return "The meeting was deleted, with its attendance and actions."
            case .actionAdded: return "The action is added."
            case .actionUpdated: return "The action’s status is changed."
            }
        }
    }
}
