import SVFormsCore
import Testing

/// The questionnaires the project ships load, and carry what the issue asks of them.
@Suite struct ShippedFormsTests {
    @Test func surreyLoads() throws {
        let catalog = try FormCatalog.load(directory: Fixtures.surrey)
        let partnership = catalog.partnership
        #expect(partnership.areas.count == 11)
        #expect(partnership.timeZone.identifier == "Europe/London")
        #expect(partnership.reportingYearStartMonth == 4)
        #expect(partnership.organisations.contains { $0.name == "Surrey Police" && $0.type == .specified && $0.sector == .police })
        #expect(partnership.safeguardingContacts.map(\.phone).contains("999"))
        #expect(Set(catalog.questionnaires.map(\.id)) == ["role-understanding", "community-voice"])
    }

    @Test func roleSurveyDefinesMeasure221a() throws {
        let survey = try #require(try FormCatalog.load(directory: Fixtures.surrey).questionnaire(id: "role-understanding"))
        let measure = try #require(survey.measures.first { $0.id == "2.2.1.a" })
        #expect(measure.met == ["good", "full"])
        let scale = try #require(survey.scales[measure.scale])
        #expect(scale.options.filter(\.isExcluded).map(\.label) == ["Don't know"])
        let ratings = survey.questions.filter { $0.kind.is(RatingQuestion.self) }
        #expect(ratings.count >= 8)
        #expect(survey.audience == .invited)
        // Official figures come from invited people only: anyone could answer by the open link.
        #expect(!survey.publicLink && !survey.isOpenToPublicLink)
    }

    @Test func communityVoiceAsksWhatTheIssueLists() throws {
        let voice = try #require(try FormCatalog.load(directory: Fixtures.surrey).questionnaire(id: "community-voice"))
        #expect(voice.audience == .public)
        let worries = try #require(voice.question(id: "worries")?.kind.choices?.map(\.value))
        #expect(worries.count == 7)
        #expect(voice.question(id: "contact-email")?.showIf == ShowIf(questionID: "contact-consent", values: ["yes"]))
    }

    @Test func hampshireLoadsWithItsOwnIDs() throws {
        let catalog = try FormCatalog.load(directory: Fixtures.hampshire)
        #expect(catalog.partnership.name.contains("Hampshire"))
        #expect(!catalog.questionnaires.map(\.id).contains("role-understanding"))
        #expect(catalog.questionnaires.allSatisfy { !$0.measures.isEmpty || $0.audience == .public })
    }
}
