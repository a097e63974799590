import Foundation
import SVFormsCore
import SVFormsStore

extension ResultsReporter {
    /// A survey measure in the quarter, overall and by organisation type. In the public report a
    /// figure shows only when 5 or more responses and 5 or more counted ratings stand behind it, its
    /// change only when the quarter before passes the same test, and neither rating counts nor the
    /// responses of each type are given (a type's count could be worked out from the total).
    public func surveySection(
        _ measure: FrameworkMeasure, _ report: MeasureReport, _ questionnaire: Questionnaire, quarter: ReportingQuarter, isPublic: Bool
    ) async throws -> BoardReport.SurveySection {
        let now = try await responsesByType(questionnaire, quarter)
        let before = try await responsesByType(questionnaire, quarter.previous)
        let previous = report.score(for: quarter.previous)
        let line = { (label: String, group: String?, figure: MeasureFigure, earlier: MeasureFigure?) -> BoardReport.FigureLine in
            let responses = group.map { now.byType[$0, default: 0] } ?? now.total
            guard isPublic else {
                return BoardReport.FigureLine(
                    label: label, responses: responses, numerator: figure.numerator, denominator: figure.denominator,
                    percentage: figure.percentage, lower: figure.lowerBound, upper: figure.upperBound, change: figure.change, note: figure.note)
            }
            guard Publication.showsFigure(responses: responses, ratings: figure.denominator) else {
                return BoardReport.FigureLine(label: label, note: Publication.tooFewText)
            }
            let earlierResponses = group.map { before.byType[$0, default: 0] } ?? before.total
            let changeShown = Publication.showsFigure(responses: earlierResponses, ratings: earlier?.denominator ?? 0)
            return BoardReport.FigureLine(
                label: label, responses: group == nil ? responses : nil, percentage: figure.percentage, lower: figure.lowerBound,
                upper: figure.upperBound, change: changeShown ? figure.change : nil, note: figure.note)
        }
        let score = report.score(for: quarter)
        let leftOut = try await leftOutCounts(of: questionnaire, quarters: [quarter])[quarter] ?? 0
        return BoardReport.SurveySection(
            measureID: measure.id, title: measure.title, formTitle: questionnaire.title, basis: Self.basis(of: measure.id, in: questionnaire),
            overall: line("All organisations", nil, score?.overall ?? MeasureFigure(numerator: 0, denominator: 0), previous?.overall),
            byType: (score?.byOrganisationType ?? []).map { group in
                let type = OrganisationType(rawValue: group.id)
                let earlier = previous?.byOrganisationType.first { $0.id == group.id }?.figure
                return line(type?.label ?? group.label, type?.rawValue ?? "", group.figure, earlier)
            },
            leftOut: leftOut == 0 ? nil : Self.leftOutSentence(leftOut, isPublic: isPublic))
    }

    /// "3 responses …": in public a small count is suppressed like every count of people.
    static func leftOutSentence(_ count: Int, isPublic: Bool) -> String {
        let number = SmallCount.text(count, suppress: isPublic)
        let plural = count != 1 || isPublic && count < SmallCount.threshold
        return "\(number.prefix(1).uppercased() + number.dropFirst()) \(plural ? "responses" : "response") came through the survey's "
            + "public link rather than an invitation and \(plural ? "are" : "is") left out of this score until a lead accepts \(plural ? "them" : "it")."
    }

    /// What a survey measure's score is a share of, from the questionnaire's own scale:
    /// "ratings of Good understanding or Full understanding, as a share of ratings (Don't know left out)".
    public static func basis(of measureID: String, in questionnaire: Questionnaire) -> String {
        guard let scored = questionnaire.measures.first(where: { $0.id == measureID }),
            let scale = questionnaire.scales[scored.scale]
        else { return "the share of ratings that meet the measure" }
        let met = scale.options.filter { scored.met.contains($0.value) }.map(\.label)
        let excluded = scale.options.filter(\.isExcluded).map(\.label)
        let share = "ratings of \(met.joined(separator: " or ")), as a share of ratings"
        return excluded.isEmpty ? share : share + " (\(excluded.joined(separator: ", ")) left out)"
    }

    /// Responses submitted in the quarter, in all and by the type of organisation they named
    /// ("" for none of the partnership's).
    private func responsesByType(_ questionnaire: Questionnaire, _ quarter: ReportingQuarter) async throws -> (total: Int, byType: [String: Int]) {
        let period = period(quarter)
        let total = try await database.reporting.responseCounts(formID: questionnaire.id, periods: [period]).first ?? 0
        var byType: [String: Int] = [:]
        if let organisationQuestion = questionnaire.organisationQuestion?.id {
            for (id, count) in try await database.reporting.answerCounts(formID: questionnaire.id, questionID: organisationQuestion, in: period) {
                byType[catalog.partnership.organisation(id: id)?.type.rawValue ?? "", default: 0] += count
            }
        }
        byType[""] = total - byType.filter { !$0.key.isEmpty }.values.reduce(0, +)
        return (total, byType)
    }

    /// 2.1.1.a's section, when the framework has an attendance measure.
    public func attendanceSection(_ meetings: [Meeting], quarter: ReportingQuarter) -> BoardReport.AttendanceSection? {
        let partnership = catalog.partnership
        guard let measure = partnership.attendanceMeasure else { return nil }
        let days = calendar.days(of: quarter)
        let figure = AttendanceFigure(meetings: meetings, days: days, partnership: partnership)
        let subGroupMeetings = meetings.filter { days.contains($0.heldOn) && $0.bodyID != MeetingBody.boardID }.reversed().map {
            "\(partnership.meetingBody(id: $0.bodyID)?.name ?? $0.bodyID), \($0.heldOn.longDescription)"
        }
        return BoardReport.AttendanceSection(
            measureID: measure.id, boardName: partnership.meetingBody(id: MeetingBody.boardID)?.name ?? "The board",
            boardMeetings: figure.boardMeetings.map(\.heldOn.longDescription), attended: figure.attended.map(\.name),
            absent: figure.absent.map(\.name), subGroupOnly: figure.subGroupOnly.map(\.name),
            otherAttendees: figure.otherAttendees.map(\.name), subGroupMeetings: subGroupMeetings,
            authorities: partnership.authorities.count)
    }

    /// For each survey measure's questionnaire, its rounds that opened in the quarter, per authority.
    func responseRateSections(quarter: ReportingQuarter, isPublic: Bool) async throws -> [BoardReport.ResponseRateSection] {
        let partnership = catalog.partnership
        let days = calendar.days(of: quarter)
        let formIDs = partnership.measures.compactMap { measure -> String? in
            if case .survey(let formID) = measure.kind { return formID } else { return nil }
        }
        let distinctFormIDs = formIDs.enumerated().filter { formIDs.firstIndex(of: $0.element) == $0.offset }.map(\.element)
        var sections: [BoardReport.ResponseRateSection] = []
        for formID in distinctFormIDs {
            let rounds = try await database.rounds.rounds().filter { $0.formID == formID && days.contains($0.opensOn) }.reversed()
            var invited: [String: Int] = [:]
            var responded: [String: Int] = [:]
            for round in rounds {
                for person in try await database.rounds.representatives(roundID: round.id) where person.invitedAt != nil {
                    invited[person.organisationID, default: 0] += 1
                    if person.submittedAt != nil { responded[person.organisationID, default: 0] += 1 }
                }
            }
            let rows = partnership.authorities.map {
                BoardReport.RateRow(organisation: $0.name, invited: invited[$0.id] ?? 0, responded: responded[$0.id] ?? 0)
            }
            let invitedCount = rows.map(\.invited).reduce(0, +)
            let respondedCount = rows.map(\.responded).reduce(0, +)
            let authoritiesInvited = rows.filter { $0.invited > 0 }.count
            let authoritiesResponded = rows.filter { $0.responded > 0 }.count
            sections.append(
                BoardReport.ResponseRateSection(
                    formTitle: catalog.questionnaire(id: formID)?.title ?? formID, rounds: rounds.map(\.name),
                    rows: isPublic ? [] : rows,
                    invited: isPublic ? Publication.count(invitedCount) : invitedCount,
                    responded: isPublic ? Publication.count(respondedCount) : respondedCount,
                    authoritiesInvited: isPublic ? Publication.authorities(authoritiesInvited, besidePeople: invitedCount) : authoritiesInvited,
                    authoritiesResponded: isPublic
                        ? Publication.authorities(authoritiesResponded, besidePeople: respondedCount) : authoritiesResponded))
        }
        return sections
    }

    /// Community voices in the quarter by area and theme, for each voice questionnaire.
    func voiceSections(quarter: ReportingQuarter, suppress: Bool) async throws -> [BoardReport.VoiceSection] {
        var sections: [BoardReport.VoiceSection] = []
        for questionnaire in catalog.questionnaires {
            guard let counts = try await voiceCounts(of: questionnaire, quarters: [quarter]) else { continue }
            let shown = { (count: Int) in SmallCount.shown(count, suppress: suppress) }
            sections.append(
                BoardReport.VoiceSection(
                    formTitle: questionnaire.title, total: shown(counts.totals[0]), themes: questionnaire.themes.map(\.label),
                    areas: questionnaire.voiceAreas.map { area in
                        BoardReport.AreaRow(
                            area: area.label, total: shown(counts.area(area.value, quarter: 0)),
                            themes: questionnaire.themes.map { shown(counts.theme($0.value, area: area.value, quarter: 0)) })
                    }))
        }
        return sections
    }

    /// Actions from meetings up to the quarter's last day that are still open or in progress.
    func actionSection(_ meetings: [Meeting], through lastDay: CalendarDay, isPublic: Bool) async throws -> BoardReport.ActionSection {
        let partnership = catalog.partnership
        let today = CalendarDay.today(in: partnership.timeZone, now: now())
        let byID = Dictionary(meetings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let outstanding = try await database.framework.actions(through: lastDay).filter(\.status.isOutstanding)
        let rows = outstanding.map { action in
            let meeting = byID[action.meetingID]
            return BoardReport.ActionRow(
                description: action.description, owner: partnership.organisation(id: action.ownerID)?.name ?? action.ownerID,
                due: action.dueOn?.longDescription, isOverdue: action.dueOn.map { $0 < today } ?? false, status: action.status.label,
                meeting: meeting.map { "\(partnership.meetingBody(id: $0.bodyID)?.name ?? $0.bodyID), \($0.heldOn.longDescription)" } ?? "")
        }
        return BoardReport.ActionSection(outstanding: rows.count, rows: isPublic ? [] : rows)
    }
}
