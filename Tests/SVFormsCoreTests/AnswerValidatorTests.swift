import SVFormsCore
import Testing

/// One validator per question type, exercised through `PageValidator` on the fixture questionnaire.
@Suite struct AnswerValidatorTests {
    let questionnaire: Questionnaire
    let validator = PageValidator(context: ValidationContext(today: CalendarDay(year: 2025, month: 6, day: 15)!))

    init() throws {
        questionnaire = try Fixtures.everyTypeQuestionnaire()
    }

    /// Validates one question alone with the given fields.
    private func check(_ id: String, _ fields: [String: [String]]) throws -> PageValidator.Result {
        let question = try #require(questionnaire.question(id: id))
        return validator.validate([question], input: FormInput(fields))
    }

    private func message(_ id: String, _ fields: [String: [String]]) throws -> String? {
        try check(id, fields).problems.first?.message
    }

    private func saved(_ id: String, _ fields: [String: [String]]) throws -> [String]? {
        let result = try check(id, fields)
        #expect(result.problems.isEmpty, "\(result.problems)")
        return result.answers[id]
    }

    @Test func shortText() throws {
        #expect(try message("name", [:]) == "Enter an answer")
        #expect(try message("name", ["name": ["   "]]) == "Enter an answer")
        #expect(try saved("name", ["name": ["  Ada\u{0007} Lovelace \n"]]) == ["Ada Lovelace"])
        #expect(try message("name", ["name": [String(repeating: "x", count: 21)]]) == "Answer must be 20 characters or fewer (it has 21)")
        #expect(try saved("name", ["name": [String(repeating: "é", count: 20)]]) == [String(repeating: "é", count: 20)])
        #expect(try message("name", ["name": ["a", "b"]]) == "Enter one answer only")
        #expect(try check("role", [:]).problems.isEmpty)  // optional
    }

    @Test func longTextKeepsLinesAndCountsCharacters() throws {
        #expect(try saved("story", ["story": ["line one\r\nline two\r\n"]]) == ["line one\nline two"])
        #expect(try message("story", ["story": [String(repeating: "y", count: 501)]])?.contains("500 characters or fewer") == true)
    }

    @Test func singleChoiceAcceptsOnlyItsOwnOptions() throws {
        #expect(try message("colour", [:]) == "Select an answer")
        #expect(try saved("colour", ["colour": ["green"]]) == ["green"])
        #expect(try message("colour", ["colour": ["purple"]]) == "Select one of the options shown")
        #expect(try message("colour", ["colour": ["red", "green"]]) == "Select only one answer")
        #expect(try check("colour", ["colour": ["purple"]]).answers.isEmpty)
    }

    @Test func multipleChoiceKeepsTheQuestionsOrderAndLimits() throws {
        #expect(try message("worries", [:]) == "Select at least one option")
        #expect(try saved("worries", ["worries": ["drugs", "knives", "drugs"]]) == ["knives", "drugs"])
        #expect(try message("worries", ["worries": ["knives", "drugs", "gangs"]]) == "Select no more than 2 options")
        #expect(try message("worries", ["worries": ["knives", "<script>"]]) == "Select one of the options shown")
    }

    @Test func ratingOrganisationAndAreaUseTheirResolvedOptions() throws {
        #expect(try saved("safe", ["safe": ["dont-know"]]) == ["dont-know"])
        #expect(try message("safe", ["safe": ["strongly-agree"]]) == "Select one of the options shown")
        #expect(try saved("organisation", ["organisation": ["test-schools"]]) == ["test-schools"])
        // Offered only specified and relevant organisations: the PCC is not an option.
        #expect(try message("organisation", ["organisation": ["test-pcc"]]) == "Select one of the options shown")
        #expect(try saved("area", ["area": ["south"]]) == ["south"])
    }

    @Test func number() throws {
        #expect(try message("count", [:]) == "Enter a number")
        #expect(try saved("count", ["count": [" 1,0 "]]) == ["10"])
        #expect(try message("count", ["count": ["ten"]]) == "Enter a whole number, like 12")
        #expect(try message("count", ["count": ["2.5"]]) == "Enter a whole number, like 12")
        #expect(try message("count", ["count": ["101"]]) == "Enter a number between 0 and 100")
        #expect(try message("count", ["count": ["-1"]]) == "Enter a number between 0 and 100")
        #expect(try saved("count", ["count": ["0"]]) == ["0"])
    }

    @Test func date() throws {
        #expect(try check("when", [:]).problems.isEmpty)  // optional and blank
        #expect(try saved("when", ["when-day": ["4"], "when-month": ["3"], "when-year": ["2025"]]) == ["2025-03-04"])
        #expect(try saved("when", ["when-day": ["4"], "when-month": ["Mar"], "when-year": ["2025"]]) == ["2025-03-04"])
        let missingDay = try check("when", ["when-month": ["4"], "when-year": ["2025"]]).problems.first
        #expect(missingDay?.message == "Date must include a day")
        #expect(missingDay?.field == "when-day")
        #expect(try message("when", ["when-year": ["2025"]]) == "Date must include a day and month")
        #expect(try message("when", ["when-day": ["x"], "when-month": ["4"], "when-year": ["2025"]]) == "Date must be a real date, like 27 3 2025")
        let missingMonth = try check("when", ["when-day": ["4"], "when-year": ["2025"]]).problems.first
        #expect(missingMonth?.message == "Date must include a month")
        #expect(missingMonth?.field == "when-month")
        #expect(try message("when", ["when-day": ["30"], "when-month": ["2"], "when-year": ["2024"]]) == "Date must be a real date, like 27 3 2025")
        #expect(try message("when", ["when-day": ["1"], "when-month": ["1"], "when-year": ["25"]]) == "Year must include 4 numbers")
        #expect(try message("when", ["when-day": ["16"], "when-month": ["6"], "when-year": ["2025"]]) == "Date must be today or in the past")
        #expect(try saved("when", ["when-day": ["15"], "when-month": ["6"], "when-year": ["2025"]]) == ["2025-06-15"])
        #expect(try message("when", ["when-day": ["31"], "when-month": ["12"], "when-year": ["2019"]]) == "Date must be on or after 1 January 2020")
    }

    @Test func email() throws {
        #expect(try saved("email", ["email": [" ada@example.org "]]) == ["ada@example.org"])
        for bad in ["ada", "ada@", "@example.org", "ada@example", "ada @example.org", "a@b@example.org", "ada@example.org\r\nBcc: x@example.org"] {
            #expect(try message("email", ["email": [bad]]) == "Enter an email address in the correct format, like name@example.com", "\(bad)")
        }
        #expect(
            try message("email", ["email": [String(repeating: "a", count: 250) + "@example.org"]]) == "Email address must be 254 characters or fewer")
    }

    @Test func consent() throws {
        #expect(try saved("consent", ["consent": ["yes"]]) == ["yes"])
        #expect(try check("consent", [:]).problems.isEmpty)  // optional
        #expect(try message("consent", ["consent": ["no"]]) == "Select one of the options shown")
    }

    @Test func groupedPagesNameTheQuestionInEachMessage() throws {
        let page = try #require(questionnaire.page(id: "ratings"))
        let result = validator.validate(page.questions, input: FormInput(["heard": ["agree"]]))
        #expect(result.problems.map(\.message) == ["Select an answer for “I feel safe”"])
        #expect(result.answers == ["heard": ["agree"]])
    }

    @Test func revalidatingSavedAnswersRoundTrips() throws {
        let page = try #require(questionnaire.page(id: "when"))
        #expect(validator.revalidate(page.questions, answers: ["when": ["2024-02-29"]]).answers == ["when": ["2024-02-29"]])
    }

    /// A year typed as "0999" passes the four-figure check; shown again, it must still have four figures,
    /// or "Check your answers" would send the person back to a page they can never get past.
    @Test func aYearBeforeOneThousandRoundTrips() throws {
        let question = Question(id: "when", label: "When?", kind: .date(DateLimits()))
        let typed = FormInput(["when-day": ["1"], "when-month": ["1"], "when-year": ["0999"]])
        let saved = try #require(validator.validate([question], input: typed).answers["when"])
        #expect(saved == ["0999-01-01"])
        #expect(FormInput.prefilled(from: ["when": saved], for: [question]).values("when-year") == ["0999"])
        let again = validator.revalidate([question], answers: ["when": saved])
        #expect(again.problems.isEmpty && again.answers["when"] == saved, "\(again.problems)")
    }
}
