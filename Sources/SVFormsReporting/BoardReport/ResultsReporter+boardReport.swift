import Foundation
import SVFormsCore
import SVFormsStore

extension ResultsReporter {
    /// How many quarters a measure's trend covers, ending with the one reported.
    static let trendLength = 8

    /// The board report for `quarter`. `isPublic` builds what may be published: aggregates only,
    /// with every count drawn from people's answers under 5 suppressed. `suppressCounts` (viewers)
    /// suppresses small voice counts in the signed-in report too.
    public func boardReport(for quarter: ReportingQuarter, isPublic: Bool, suppressCounts: Bool) async throws -> BoardReport {
        let partnership = catalog.partnership
        let trend = calendar.quarters(from: Self.firstOfTrend(ending: quarter), through: quarter)
        let lastDay = calendar.days(of: quarter).upperBound
        let meetings = try await database.framework.meetings(through: lastDay)
        let figures = try await database.framework.currentFigures()
        var measures: [BoardReport.MeasureLine] = []
        var surveys: [BoardReport.SurveySection] = []
        for measure in partnership.measures {
            let points: [MeasureTrend.Point]
            switch measure.kind {
            case .imported:
                let values = Dictionary(
                    figures.filter { $0.measureID == measure.id }.map { ($0.quarter, $0.value.doubleValue) }, uniquingKeysWith: { $1 })
                points = trend.map {
                    MeasureTrend.Point(quarter: $0, value: values[$0.label], note: values[$0.label] == nil ? "No figure entered" : nil)
                }
            case .attendance:
                points = trend.map { quarter in
                    let figure = AttendanceFigure(meetings: meetings, days: calendar.days(of: quarter), partnership: partnership)
                    return MeasureTrend.Point(
                        quarter: quarter, value: figure.value.map(Double.init), note: figure.value == nil ? AttendanceFigure.noMeetingNote : nil)
                }
            case .survey(let formID):
                guard let questionnaire = catalog.questionnaire(id: formID),
                    let scored = questionnaire.measures.first(where: { $0.id == measure.id })
                else { continue }
                let report = try await self.report(scored, of: questionnaire, quarters: trend)
                surveys.append(try await surveySection(measure, report, questionnaire, quarter: quarter, isPublic: isPublic))
                // In public, a quarter's score is shown only when 5 or more responses stand behind it.
                let responses = try await database.reporting.responseCounts(formID: questionnaire.id, periods: trend.map(period))
                points = zip(report.quarters, responses).map { score, count in
                    let hidden = isPublic && !Publication.showsTrendPoint(responses: count, ratings: score.overall.denominator)
                    return MeasureTrend.Point(
                        quarter: score.quarter, value: hidden ? nil : score.overall.percentage,
                        note: hidden ? Publication.tooFewText : score.overall.note)
                }
            }
            measures.append(Self.line(MeasureTrend(measure: measure, points: points)))
        }
        return BoardReport(
            quarter: quarter.label, previousQuarter: quarter.previous.label, partnershipName: partnership.name, isPublic: isPublic,
            preparedOn: CalendarDay.today(in: partnership.timeZone, now: now()).longDescription,
            measures: measures, surveys: surveys,
            attendance: attendanceSection(meetings, quarter: quarter),
            responseRates: try await responseRateSections(quarter: quarter, isPublic: isPublic),
            voices: try await voiceSections(quarter: quarter, suppress: isPublic || suppressCounts),
            actions: try await actionSection(meetings, through: lastDay, isPublic: isPublic))
    }

    public static func firstOfTrend(ending quarter: ReportingQuarter) -> ReportingQuarter {
        (1..<trendLength).reduce(quarter) { earlier, _ in earlier.previous }
    }

    public static func line(_ trend: MeasureTrend) -> BoardReport.MeasureLine {
        let measure = trend.measure
        return BoardReport.MeasureLine(
            id: measure.id, title: measure.title, unit: measure.unit, kind: measure.kindName, source: measure.source,
            better: measure.better.rawValue, value: trend.current?.value, previous: trend.previous?.value, change: trend.change,
            direction: trend.direction, note: trend.current?.note,
            trend: trend.points.map { BoardReport.TrendPoint(quarter: $0.quarter.label, value: $0.value) })
    }

    /// The quarters a lead can report on: from the earliest with anything recorded (and at least the
    /// quarter just ended, which is the one a board usually reports) to the current one.
    public func reportableQuarters() async throws -> [ReportingQuarter] {
        let current = calendar.quarter(containing: now())
        var first = current.previous
        for questionnaire in catalog.questionnaires {
            if let date = try await database.reporting.firstSubmission(formID: questionnaire.id) {
                first = min(first, calendar.quarter(containing: date))
            }
        }
        if let oldest = try await database.framework.meetings().last { first = min(first, calendar.quarter(containing: oldest.heldOn)) }
        for figure in try await database.framework.currentFigures() {
            if let quarter = ReportingQuarter(label: figure.quarter, yearStartMonth: calendar.yearStartMonth) { first = min(first, quarter) }
        }
        return calendar.quarters(from: first, through: current)
    }
}
