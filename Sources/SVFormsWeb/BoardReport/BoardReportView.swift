import Foundation
import Mustache
import SVFormsCore
import SVFormsReporting

/// The board report page, signed in (`/admin/reports/{quarter}`) or published (`/reports/{quarter}`):
/// one template for both, so the public page is the signed-in one without what it may not show.
struct BoardReportView: PageView {
    /// What only the signed-in page has: downloads, publishing and the quarter picker.
    struct Admin: Sendable {
        var slug: String
        var publishedOn: String?
        var canPublish: Bool
        var csrfToken: String
        var notice: String?
    }

    /// The public version shown to a lead before publishing, with what to check and the way on.
    struct Preview: Sendable {
        var slug: String
        var csrfToken: String
    }

    var layout: LayoutView
    var report: BoardReport
    var admin: Admin?
    /// On the public page: when it was published.
    var publishedOn: String?
    var preview: Preview?

    /// "No figure is entered for 1.1.1.a (…): the public report will say so." One per measure without a figure.
    static func publishingWarnings(_ report: BoardReport) -> [String] {
        report.measures.filter { $0.value == nil }.map { line in
            "No figure is entered for \(line.id) (\(line.title)) in \(report.quarter): the public report will show it without one."
        }
    }

    func field(named name: String) -> Any? {
        switch name {
        case "reportTitle": "\(report.partnershipName): performance report, \(report.quarter)"
        case "quarter": report.quarter
        case "previousQuarter": report.previousQuarter
        case "preparedOn": report.preparedOn
        case "isPublic": report.isPublic
        case "publishedOn": publishedOn ?? admin?.publishedOn
        case "admin": admin.map(adminFields)
        case "preview": preview.map(previewFields)
        case "measures": report.measures.map(measureRow)
        case "hasMeasures": !report.measures.isEmpty
        case "surveys": report.surveys.map(surveySection)
        case "attendance": report.attendance.map(attendanceSection)
        case "responseRates": report.responseRates.map(rateSection)
        case "voices": report.voices.map(voiceSection)
        case "actionsText":
            report.actions.outstanding == 1
                ? "1 action from meetings up to the end of \(report.quarter) is open or in progress today."
                : "\(report.actions.outstanding) actions from meetings up to the end of \(report.quarter) are open or in progress today."
        case "actionRows": report.actions.rows.map(actionRow)
        case "hasActionRows": !report.actions.rows.isEmpty
        default: nil
        }
    }

    // A missing text is given as `false`, so its {{#section}} is skipped (nil in [String: Any] would print "nil").
    private func adminFields(_ admin: Admin) -> [String: Any] {
        [
            "csvHref": SiteRoute.reportDownload.path(admin.slug, "report.csv"), "xlsxHref": SiteRoute.reportDownload.path(admin.slug, "report.xlsx"),
            "publishHref": SiteRoute.reportPreview.path(admin.slug), "withdrawHref": SiteRoute.reportWithdraw.path(admin.slug),
            "publicHref": SiteRoute.publicReport.path(admin.slug), "isPublished": admin.publishedOn != nil, "canPublish": admin.canPublish,
            "csrfToken": admin.csrfToken, "notice": admin.notice ?? false,
        ]
    }

    private func previewFields(_ preview: Preview) -> [String: Any] {
        let warnings = Self.publishingWarnings(report)
        return [
            "continueHref": SiteRoute.reportPublish.path(preview.slug), "backHref": SiteRoute.report.path(preview.slug),
            "csrfToken": preview.csrfToken, "warnings": warnings.isEmpty ? false : warnings,
        ]
    }

    private func measureRow(_ line: BoardReport.MeasureLine) -> [String: Any] {
        let chart = TrendChartView(
            id: "trend-" + line.id.replacingOccurrences(of: ".", with: "-"), title: "\(line.id) over the last \(line.trend.count) quarters",
            points: line.trend, format: { ReportFormat.value($0, unit: line.unit) })
        return [
            "measureID": line.id, "measureTitle": line.title, "unitText": line.unit == "percent" ? "%" : line.unit,
            "valueText": ReportFormat.value(line.value, unit: line.unit), "previousText": ReportFormat.value(line.previous, unit: line.unit),
            "changeText": ReportFormat.change(line.change, unit: line.unit, direction: line.direction),
            "betterText": line.better == "higher" ? "Higher is better" : "Lower is better",
            "note": line.note ?? false, "source": line.source, "trend": chart,
        ]
    }

    private func surveySection(_ survey: BoardReport.SurveySection) -> [String: Any] {
        let row = { (figure: BoardReport.FigureLine) -> [String: Any] in
            [
                "rowLabel": figure.label, "percentText": ReportFormat.percent(figure.percentage),
                "intervalText": figure.lower.map { "\(ReportFormat.oneDecimal($0))% to \(ReportFormat.oneDecimal(figure.upper ?? $0))%" } ?? "–",
                "ratingsText": figure.denominator.map { "\(figure.numerator ?? 0) of \($0)" } ?? "–",
                "responsesText": figure.responses.map { ReportFormat.count($0) }
                    ?? (figure.percentage == nil ? SmallCount.suppressedText : "\(SmallCount.threshold) or more"),
                "changeText": ReportFormat.change(figure.change, unit: "percent", direction: nil), "note": figure.note ?? false,
            ]
        }
        return [
            "surveyID": survey.measureID, "surveyTitle": survey.title, "surveyForm": survey.formTitle, "surveyBasis": survey.basis,
            "surveyLeftOut": survey.leftOut ?? false,
            "rows": [row(survey.overall)] + survey.byType.map(row),
        ]
    }

    private func attendanceSection(_ attendance: BoardReport.AttendanceSection) -> [String: Any] {
        [
            "attendanceID": attendance.measureID, "boardName": attendance.boardName,
            "boardMeetings": attendance.boardMeetings.joined(separator: "; "),
            "hasBoardMeetings": !attendance.boardMeetings.isEmpty, "attendedCount": attendance.attended.count,
            "authorityCount": attendance.authorities, "attended": attendance.attended,
            "absent": attendance.absent.map { ["name": $0, "subGroupOnly": attendance.subGroupOnly.contains($0)] },
            "hasAbsent": !attendance.absent.isEmpty, "otherAttendees": attendance.otherAttendees.joined(separator: "; "),
            "hasOtherAttendees": !attendance.otherAttendees.isEmpty, "subGroupMeetings": attendance.subGroupMeetings.joined(separator: "; "),
            "hasSubGroupMeetings": !attendance.subGroupMeetings.isEmpty,
        ]
    }

    private func rateSection(_ rates: BoardReport.ResponseRateSection) -> [String: Any] {
        [
            "rateForm": rates.formTitle, "rounds": rates.rounds.joined(separator: ", "), "hasRounds": !rates.rounds.isEmpty,
            "rows": rates.rows.map {
                ["organisation": $0.organisation, "invited": $0.invited, "responded": $0.responded, "rateText": ReportFormat.percent($0.rate)]
            },
            "hasRows": !rates.rows.isEmpty, "invitedText": ReportFormat.count(rates.invited),
            "respondedText": ReportFormat.count(rates.responded), "totalRateText": rates.rate.map { ReportFormat.percent($0) } ?? false,
            "authoritiesInvited": ReportFormat.count(rates.authoritiesInvited),
            "authoritiesResponded": ReportFormat.count(rates.authoritiesResponded),
        ]
    }

    private func voiceSection(_ voices: BoardReport.VoiceSection) -> [String: Any] {
        [
            "voiceForm": voices.formTitle, "voiceTotal": ReportFormat.count(voices.total), "themeHeadings": voices.themes,
            "areaRows": voices.areas.map {
                ["rowLabel": $0.area, "totalText": ReportFormat.count($0.total), "cells": $0.themes.map(ReportFormat.count)]
            },
        ]
    }

    private func actionRow(_ action: BoardReport.ActionRow) -> [String: Any] {
        [
            "actionText": action.description, "owner": action.owner, "dueText": action.due ?? "No due date",
            "isOverdue": action.isOverdue, "statusText": action.status, "meeting": action.meeting,
        ]
    }
}
