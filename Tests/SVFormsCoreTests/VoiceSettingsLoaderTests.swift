import Foundation
import SVFormsCore
import Testing

/// A public questionnaire with a voices block; `voices` replaces the block's lines.
private func voiceForm(audience: String = "public", voices: [String]) -> String {
    ([
        "id: voice", "version: 1", "title: Voice", "audience: \(audience)",
        "scales:", "  safe:", "    - { value: unsafe, label: Unsafe }", "    - { value: safe, label: Safe }",
        "pages:",
        "  - id: where", "    questions:", "      - { id: where, type: area, label: Where? }",
        "  - id: worries", "    questions:",
        "      - { id: worries, type: multiple_choice, label: Worries?, options: [{ value: knives, label: Knives }] }",
        "  - id: feel", "    questions:", "      - { id: feel, type: rating, scale: safe, label: Safe? }",
        "  - id: words", "    questions:", "      - { id: words, type: long_text, label: Tell us }",
        "  - id: email", "    questions:", "      - { id: email, type: email, label: Email, optional: true }",
        "voices:",  // line 25
    ] + voices).joined(separator: "\n") + "\n"
}

@Suite struct VoiceSettingsLoaderTests {
    @Test func aCompleteBlockIsRead() throws {
        let forms = try TemporaryForms([
            "voice.yaml": voiceForm(voices: [
                "  area: where", "  themes: worries", "  feeling: feel", "  text: words", "  contact: [email]",
                "  extra_themes: [{ value: lighting, label: Street lighting }]", "  minimum_seconds: 20",
                "  retention: { contact_days: 30, text_days: 365 }",
            ])
        ])
        #expect(forms.problems().isEmpty)
        let questionnaire = try #require(try FormCatalog.load(directory: forms.path).questionnaire(id: "voice"))
        let settings = try #require(questionnaire.voices)
        #expect(
            settings
                == VoiceSettings(
                    areaQuestionID: "where", themesQuestionID: "worries", extraThemes: [Choice(value: "lighting", label: "Street lighting")],
                    feelingQuestionID: "feel", textQuestionIDs: ["words"], contactQuestionIDs: ["email"], minimumSeconds: 20,
                    retention: RetentionPolicy(contactDays: 30, textDays: 365)))
        #expect(questionnaire.themes.map(\.value) == ["knives", "lighting"])
    }

    @Test func everyWrongNameOrKindIsReportedWithItsLine() throws {
        let found = try TemporaryForms([
            "voice.yaml": voiceForm(voices: [
                "  area: words",  // 26: not an area question
                "  themes: nowhere",  // 27: no such question
                "  feeling: where",  // 28: not a rating
                "  text: [words, email]",  // 29: email is not text
                "  contact: [words]",  // 30: text and contact at once
                "  retention: { contact_days: 400, text_days: 0 }",  // 31
            ])
        ]).problems()
        let messages = found.map { "\($0.line): \($0.message)" }
        #expect(messages.contains("26: \"area\" of the voices block names \"words\", which must be an area question"))
        #expect(messages.contains("27: \"themes\" of the voices block names \"nowhere\", which is not a question of this questionnaire"))
        #expect(messages.contains("28: \"feeling\" of the voices block names \"where\", which must be a rating question"))
        #expect(messages.contains("29: \"text\" of the voices block names \"email\", which must be a short_text or long_text question"))
        #expect(messages.contains("30: question \"words\" is listed as both text and contact in the voices block; choose one"))
        #expect(messages.contains { $0.hasPrefix("31: ") && $0.contains("text_days") })
    }

    @Test func invitedQuestionnairesCannotCollectVoices() throws {
        let found = try TemporaryForms(["voice.yaml": voiceForm(audience: "invited", voices: ["  area: where", "  text: words"])]).problems()
        #expect(found.map(\.message) == ["\"voices\" only applies to public questionnaires"])
        #expect(found.first?.line == 26)  // the block's first key
    }

    @Test func theShippedFormsDeclareTheirVoices() throws {
        let surrey = try #require(try FormCatalog.load(directory: Fixtures.surrey).questionnaire(id: "community-voice")?.voices)
        #expect(surrey.retention == RetentionPolicy(contactDays: 90, textDays: 730))
        #expect(surrey.contactQuestionIDs == ["contact-email"])
        let hampshire = try #require(try FormCatalog.load(directory: Fixtures.hampshire).questionnaire(id: "hips-community-voice")?.voices)
        #expect(hampshire.textQuestionIDs == ["experience", "concerns-detail"])
    }
}
