import Foundation
import Mustache
import SVFormsCore
import SVFormsReporting

/// A questionnaire's community voices on the dashboard: voices by quarter, then for the chosen
/// quarter a table of area × theme and the distribution of how safe people feel. For viewers,
/// every count under 5 reads "fewer than 5".
struct VoiceSectionView: Sendable, MustacheParent {
    var questionnaire: Questionnaire
    var counts: VoiceCounts
    /// The index in `counts.quarters` of the quarter the tables show.
    var selected: Int?
    var suppress: Bool
    var isLead: Bool
    var quarantined: Int

    func child(named name: String) -> Any? {
        let id = questionnaire.id
        switch name {
        case "voiceFormID": return id
        case "voiceFormTitle": return questionnaire.title
        case "quarterRows": return counts.quarters.indices.map { ["rowLabel": counts.quarters[$0].label, "countText": text(counts.totals[$0])] }
        case "voiceChart":
            return BarChartView(
                id: "chart-\(id)-voices", title: "Community voices by quarter: \(questionnaire.title)",
                counts: counts.quarters.indices.map { (counts.quarters[$0].label, SmallCount.shown(counts.totals[$0], suppress: suppress)) },
                hiddenText: SmallCount.suppressedText)
        case "hasSelected": return selected != nil
        case "selectedLabel": return selected.map { counts.quarters[$0].label }
        case "themeHeadings": return questionnaire.themes.map(\.label)
        case "areaRows": return selected.map(areaRows) ?? []
        case "hasFeeling": return !questionnaire.feelingOptions.isEmpty && selected != nil
        case "feelingTitle": return questionnaire.voices?.feelingQuestionID.flatMap { questionnaire.question(id: $0)?.label }
        case "feelingRows":
            return selected.map { quarter in
                questionnaire.feelingOptions.map { ["rowLabel": $0.label, "countText": text(counts.feeling($0.value, quarter: quarter))] }
            } ?? []
        case "feelingChart":
            return selected.map { quarter in
                BarChartView(
                    id: "chart-\(id)-feeling", title: "How safe people feel, \(counts.quarters[quarter].label)",
                    counts: questionnaire.feelingOptions.map {
                        ($0.label, SmallCount.shown(counts.feeling($0.value, quarter: quarter), suppress: suppress))
                    },
                    hiddenText: SmallCount.suppressedText)
            }
        case "suppressionNote": return suppress ? "Counts under 5 are shown as \u{201C}fewer than 5\u{201D} so that no one can be recognised." : nil
        case "countsCSV": return SiteRoute.formDownload.path(id, "voice-counts.csv")
        case "countsXLSX": return SiteRoute.formDownload.path(id, "voice-counts.xlsx")
        case "isLead": return isLead
        case "reviewHref": return SiteRoute.voices.path() + "?form=\(id)"
        case "quarantinedText": return isLead && quarantined > 0 ? "\(quarantined) in quarantine, not counted here." : nil
        default: return nil
        }
    }

    private func text(_ count: Int) -> String { SmallCount.text(count, suppress: suppress) }

    private func areaRows(_ quarter: Int) -> [[String: Any]] {
        questionnaire.voiceAreas.map { area in
            [
                "rowLabel": area.label, "totalText": text(counts.area(area.value, quarter: quarter)),
                "cells": questionnaire.themes.map { text(counts.theme($0.value, area: area.value, quarter: quarter)) },
            ]
        }
    }
}
