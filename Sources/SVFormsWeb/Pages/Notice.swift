import Hummingbird
import HummingbirdCore
import SVFormsCore

/// What a page says once after a change ("The meeting is recorded."). The handler that made the change
/// redirects with the notice in the query (`redirect(to:)`), so a reload repeats nothing, and the page it
/// lands on reads it back (`Notice(request)`). Every confirmation's words are here, in one place.
enum Notice: Equatable, Sendable {
    case accountSaved
    case figuresSaved(saved: Int, unchanged: Int)
    case people(PeopleChange, count: Int)
    case voice(VoiceAction)
    case linkResponse(accepted: Bool, reference: String)
    case report(ReportChange)
    case meeting(MeetingChange)

    enum PeopleChange: String, Sendable { case added, imported, invited, reminded, removed }
    enum VoiceAction: String, Sendable { case themes, status, release, redact }
    enum ReportChange: String, Sendable {
        case published, withdrawn
        case notPublished = "not-published"
    }
    enum MeetingChange: String, Sendable {
        case recorded, saved, deleted
        case actionAdded = "action-added"
        case actionUpdated = "action-updated"
    }

    /// The notice in `request`'s query, if it holds one; anything else shows nothing.
    init?(_ request: Request) { self.init(request.uri) }

    init?(_ uri: URI) {
        let query = uri.queryParameters
        func value(_ name: String) -> String? { query[Substring(name)].map(String.init) }
        if let key = value("notice") {
            if let change = ReportChange(rawValue: key) {
                self = .report(change)
            } else if let change = MeetingChange(rawValue: key) {
                self = .meeting(change)
            } else if let dash = key.lastIndex(of: "-"), let change = PeopleChange(rawValue: String(key[..<dash])),
                let count = Int(key[key.index(after: dash)...]), count >= 0
            {
                self = .people(change, count: count)
            } else {
                return nil
            }
        } else if let done = value("done") {
            if let reference = value("reference") {
                guard Reference.isWellFormed(reference), done == "accepted" || done == "deleted" else { return nil }
                self = .linkResponse(accepted: done == "accepted", reference: reference)
            } else {
                guard let action = VoiceAction(rawValue: done) else { return nil }
                self = .voice(action)
            }
        } else if let saved = value("saved") {
            if saved.isEmpty {
                self = .accountSaved
            } else {
                guard let count = Int(saved) else { return nil }
                self = .figuresSaved(saved: count, unchanged: value("unchanged").flatMap(Int.init) ?? 0)
            }
        } else {
            return nil
        }
    }

    /// The query that carries it.
    var query: String {
        switch self {
        case .accountSaved: "saved"
        case .figuresSaved(let saved, let unchanged): "saved=\(saved)&unchanged=\(unchanged)"
        case .people(let change, let count): "notice=\(change.rawValue)-\(count)"
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
        case .voice(let action):
            switch action {
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
