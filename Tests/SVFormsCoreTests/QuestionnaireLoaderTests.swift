import Foundation
import SVFormsCore
import Testing

/// A small valid questionnaire; tests break one line of it at a time.
private let validLines = [
    "id: sample",  // 1
    "version: 1",  // 2
    "title: Sample",  // 3
    "audience: public",  // 4
    "scales:",  // 5
    "  agreement:",  // 6
    "    - { value: no, label: No }",  // 7
    "    - { value: yes, label: Yes }",  // 8
    "pages:",  // 9
    "  - id: first",  // 10
    "    questions:",  // 11
    "      - id: colour",  // 12
    "        type: single_choice",  // 13
    "        label: Colour?",  // 14
    "        options:",  // 15
    "          - { value: red, label: Red }",  // 16
    "  - id: second",  // 17
    "    questions:",  // 18
    "      - id: agree",  // 19
    "        type: rating",  // 20
    "        label: Agree?",  // 21
    "        scale: agreement",  // 22
    "        show_if: { question: colour, equals: red }",  // 23
    "measures:",  // 24
    "  - id: \"1.2.3.a\"",  // 25
    "    title: Agreement",  // 26
    "    scale: agreement",  // 27
    "    met: [yes]",  // 28
]

/// The sample with `line` (1-based) replaced by `replacement` lines.
private func sample(replacing line: Int? = nil, with replacement: [String] = []) -> String {
    var lines = validLines
    if let line { lines.replaceSubrange((line - 1)...(line - 1), with: replacement) }
    return lines.joined(separator: "\n") + "\n"
}

private func problems(_ yaml: String) throws -> [LoadProblem] {
    try TemporaryForms(["sample.yaml": yaml]).problems()
}

/// Expects exactly one problem, on `line`, whose message contains `text`.
private func expectProblem(_ yaml: String, line: Int, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let found = try problems(yaml)
    #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
    let problem = try #require(found.first, sourceLocation: sourceLocation)
    #expect(problem.line == line, "\(problem)", sourceLocation: sourceLocation)
    #expect(problem.message.contains(text), "\(problem)", sourceLocation: sourceLocation)
    #expect(problem.file.hasSuffix("/sample.yaml"), sourceLocation: sourceLocation)
    #expect(problem.description.hasSuffix("sample.yaml:\(line): \(problem.message)"), sourceLocation: sourceLocation)
}

@Suite struct QuestionnaireLoaderTests {
    @Test func theSampleIsValid() throws {
        #expect(try problems(sample()).isEmpty)
    }

    @Test func yamlSyntaxErrorNamesItsLine() throws {
        try expectProblem(sample(replacing: 14, with: ["        label: Colour?: [oops"]), line: 14, containing: "YAML syntax error")
    }

    @Test func unknownKeyIsReportedWithASuggestion() throws {
        try expectProblem(sample(replacing: 14, with: ["        lable: Colour?"]), line: 14, containing: "unknown key \"lable\"")
        let found = try problems(sample(replacing: 14, with: ["        lable: Colour?", "        label: Colour?"]))
        #expect(found.map(\.message) == ["unknown key \"lable\" in question \"colour\" (did you mean \"label\"?)"])
    }

    @Test func missingRequiredKeyNamesTheParentLine() throws {
        try expectProblem(sample(replacing: 13, with: []), line: 12, containing: "question \"colour\" is missing the required key \"type\"")
        try expectProblem(sample(replacing: 3, with: []), line: 1, containing: "missing the required key \"title\"")
    }

    @Test func duplicateIDsPointAtTheSecondUse() throws {
        let duplicated = sample(replacing: 19, with: ["      - id: colour"])
        let found = try problems(duplicated)
        let duplicate = try #require(found.first { $0.message.contains("duplicate question id") })
        #expect(duplicate.line == 19)
        #expect(duplicate.message.contains("first used on line 12"))
        try expectProblem(sample(replacing: 17, with: ["  - id: first"]), line: 17, containing: "duplicate page id \"first\"")
    }

    @Test func aTypeThatIsNotTextIsReported() throws {
        try expectProblem(sample(replacing: 13, with: ["        type: [single_choice]"]), line: 13, containing: "\"type\" of a question must be")
    }

    @Test func questionsOnOnePageCannotPostTheSameInputName() throws {
        var lines = validLines
        lines.replaceSubrange(
            15...15,
            with: [
                "          - { value: red, label: Red }",
                "      - id: seen",
                "        type: date",
                "        label: When?",
                "      - id: seen-day",
                "        type: short_text",
                "        label: Day?",
            ])
        lines.insert("    title: Colour and date", at: 10)
        let found = try problems(lines.joined(separator: "\n"))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.line == 21)
        #expect(found.first?.message.contains("posts an input named \"seen-day\", as question \"seen\" on the same page does") == true)
    }

    @Test func unknownQuestionTypeListsTheKnownOnes() throws {
        try expectProblem(
            sample(replacing: 13, with: ["        type: checkbox"]), line: 13,
            containing: "unknown question type \"checkbox\"; use one of: short_text")
    }

    @Test func showIfMustLookAtAnEarlierPage() throws {
        try expectProblem(
            sample(replacing: 23, with: ["        show_if: { question: missing, equals: red }"]), line: 23,
            containing: "refers to \"missing\", which is not a question on an earlier page")
        // A question later in the file is not earlier either.
        var lines = validLines
        lines.insert("        show_if: { question: agree, equals: yes }", at: 14)
        let found = try problems(lines.joined(separator: "\n"))
        #expect(found.map(\.line) == [15])
        #expect(found.first?.message.contains("refers to \"agree\"") == true)
    }

    @Test func showIfValueMustBePossible() throws {
        try expectProblem(
            sample(replacing: 23, with: ["        show_if: { question: colour, equals: blue }"]), line: 23,
            containing: "looks for \"blue\", which \"colour\" can never answer")
    }

    @Test func measureNamingAnUnknownScaleOrOption() throws {
        try expectProblem(sample(replacing: 27, with: ["    scale: agreemnt"]), line: 27, containing: "names the unknown scale \"agreemnt\"")
        try expectProblem(
            sample(replacing: 28, with: ["    met: [excellent]"]), line: 28,
            containing: "names \"excellent\", which is not an option of scale \"agreement\"")
    }

    @Test func emptyScaleIsAnError() throws {
        let found = try problems(sample(replacing: 7, with: []).replacingOccurrences(of: "    - { value: yes, label: Yes }\n", with: "    []\n"))
        #expect(found.contains { $0.line == 6 && $0.message == "scale \"agreement\" has no options" }, "\(found)")
    }

    @Test func everyProblemInEveryFileIsReported() throws {
        let forms = try TemporaryForms([
            "a.yaml": sample(replacing: 14, with: ["        lable: Colour?"]),
            "b.yaml": sample(replacing: 1, with: ["id: other"]).replacingOccurrences(of: "type: rating", with: "type: stars"),
        ])
        let found = forms.problems()
        #expect(found.count >= 3, "\(found)")
        #expect(found.contains { $0.file.hasSuffix("a.yaml") && $0.line == 14 })
        #expect(found.contains { $0.file.hasSuffix("b.yaml") && $0.line == 20 && $0.message.contains("stars") })
    }

    @Test func sameQuestionnaireIDInTwoFiles() throws {
        let found = try TemporaryForms(["a.yaml": sample(), "b.yaml": sample()]).problems()
        #expect(found.count == 1)
        #expect(found.first?.file.hasSuffix("b.yaml") == true)
        #expect(found.first?.message.contains("already used by") == true)
    }

    @Test func partnershipProblemsHaveLines() throws {
        let partnership = """
            name: Broken
            time_zone: Mars/Olympus
            organisations:
              - { id: a, name: A, type: specified, sector: policing }
            areas: []
            """
        let found = try TemporaryForms(["sample.yaml": sample()], partnership: partnership).problems()
        #expect(found.contains { $0.line == 2 && $0.message.contains("unknown time zone") })
        #expect(found.contains { $0.line == 4 && $0.message.contains("\"sector\" of organisation \"a\" is \"policing\"") })
        #expect(found.contains { $0.line == 5 && $0.message.contains("at least one area") })
    }

    @Test func theFixtureUsesEveryQuestionType() throws {
        let questionnaire = try Fixtures.everyTypeQuestionnaire()
        #expect(questionnaire.version == 3)
        #expect(questionnaire.description.count == 2)
        let kinds = Set(questionnaire.questions.compactMap(\.kind.typeName))
        #expect(kinds == Set(QuestionKind.typeNames), "\(kinds)")
        #expect(Set(QuestionKind.typeNames).count == QuestionKind.allTypes.count, "every kind has a type name of its own")
    }

    @Test func organisationQuestionsOfferTheFilteredPartners() throws {
        let question = try #require(try Fixtures.everyTypeQuestionnaire().question(id: "organisation"))
        #expect(question.kind.choices?.map(\.value) == ["test-police", "test-council", "test-schools", "test-prison"])
    }
}
