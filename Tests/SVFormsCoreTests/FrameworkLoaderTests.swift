import Foundation
import SVFormsCore
import Testing

/// The fixture partnership with a framework appended.
private func partnership(_ framework: String) throws -> String {
    try String(contentsOfFile: Fixtures.everyType + "/partnership.yaml", encoding: .utf8) + framework
}

private func everyType() throws -> String {
    try String(contentsOfFile: Fixtures.everyType + "/every-type.yaml", encoding: .utf8)
}

private let validFramework = """
    meetings:
      board: Testshire board
      sub_groups:
        - { id: data, name: Data group }
    measures:
      - { id: "1.1.1.a", title: Knife admissions, kind: imported, unit: admissions, better: lower, source: ICB }
      - { id: "2.1.1.a", title: Attendance, kind: attendance, unit: authorities, better: higher, source: Register }
      - { id: "9.9.9.z", title: Understanding, kind: survey, form: every-type, unit: percent, better: higher, source: Survey }

    """

@Suite struct FrameworkLoaderTests {
    @Test func readsMeetingBodiesAndMeasuresInFileOrder() throws {
        let forms = try TemporaryForms(["every-type.yaml": try everyType()], partnership: try partnership(validFramework))
        let loaded = try FormCatalog.load(directory: forms.path).partnership
        #expect(loaded.meetingBodies == [MeetingBody(id: "board", name: "Testshire board"), MeetingBody(id: "data", name: "Data group")])
        #expect(loaded.measures.map(\.id) == ["1.1.1.a", "2.1.1.a", "9.9.9.z"])
        #expect(loaded.measures[0].kind == .imported && loaded.measures[0].better == .lower)
        #expect(loaded.measures[2].kind == .survey(formID: "every-type"))
        #expect(loaded.authorities.map(\.id) == ["test-police", "test-council", "test-schools", "test-prison"])
    }

    @Test func withoutAFrameworkThereIsABoardAndNoMeasures() throws {
        let forms = try TemporaryForms(["every-type.yaml": try everyType()])
        let loaded = try FormCatalog.load(directory: forms.path).partnership
        #expect(loaded.meetingBodies == [MeetingBody(id: "board", name: "Testshire SVP board")])
        #expect(loaded.measures.isEmpty)
    }

    @Test(arguments: [
        ("    - { id: board, name: Another board }\n", "a sub-group cannot have the id \"board\""),
        ("    - { id: data, name: Twice }\n", "duplicate sub-group id \"data\""),
    ])
    func refusesABadSubGroup(line: String, message: String) throws {
        let subGroup = "    - { id: data, name: Data group }\n"
        let text = validFramework.replacingOccurrences(of: subGroup, with: subGroup + line)
        #expect(text != validFramework, "the test must change the file")
        let problems = try TemporaryForms(["every-type.yaml": try everyType()], partnership: try partnership(text)).problems()
        #expect(problems.contains { $0.message.contains(message) }, "\(problems)")
    }

    @Test(arguments: [
        ("kind: imported, unit", "kind: guessed, unit", "\"kind\" of measure \"1.1.1.a\" is \"guessed\"; use one of: survey, attendance, imported"),
        ("better: lower", "better: smaller", "\"better\" of measure \"1.1.1.a\" is \"smaller\"; use one of: higher, lower"),
        ("form: every-type", "form: no-such-form", "measure \"9.9.9.z\" is scored from questionnaire \"no-such-form\", which does not exist"),
        ("kind: survey, form: every-type,", "kind: survey,", "measure \"9.9.9.z\" is a survey measure, so it needs \"form\""),
        ("kind: attendance,", "kind: attendance, form: every-type,", "\"form\" of measure \"2.1.1.a\" is only for survey measures"),
        ("id: \"9.9.9.z\"", "id: \"2.1.1.a\"", "duplicate measure id \"2.1.1.a\""),
        (
            "id: \"9.9.9.z\", title: Understanding, kind: survey, form: every-type,",
            "id: \"2.2.1.a\", title: Understanding, kind: survey, form: every-type,",
            "measure \"2.2.1.a\" is scored from questionnaire \"every-type\", which has no measure with that id"
        ),
        ("kind: imported, unit", "kind: attendance, unit", "is a second attendance measure"),
    ])
    func reportsEachMistakeWithItsLine(original: String, broken: String, message: String) throws {
        let text = validFramework.replacingOccurrences(of: original, with: broken)
        #expect(text != validFramework, "the test must change the file")
        let problems = try TemporaryForms(["every-type.yaml": try everyType()], partnership: try partnership(text)).problems()
        #expect(problems.contains { $0.message.contains(message) && $0.line > 19 }, "\(problems)")
    }

    @Test func theShippedPartnershipsDeclareTheWholeFramework() throws {
        for folder in [Fixtures.surrey, Fixtures.hampshire] {
            let loaded = try FormCatalog.load(directory: folder).partnership
            #expect(loaded.measures.map(\.id) == ["1.1.1.a", "1.1.1.b", "1.1.1.c", "1.1.1.d", "2.1.1.a", "2.2.1.a"])
            #expect(loaded.measures.filter(\.isImported).count == 4)
        }
        let hampshire = try FormCatalog.load(directory: Fixtures.hampshire).partnership
        #expect(hampshire.meetingBodies.map(\.id) == ["board", "dawg", "engagement", "comms", "ieo"])
    }
}

@Suite struct PartnershipContactLoaderTests {
    @Test func readsTheContact() throws {
        let contact = "contact:\n  name: Testshire SVP team\n  email: team@testshire.example.org\n"
        let forms = try TemporaryForms(["every-type.yaml": try everyType()], partnership: try partnershipWithout(contact: contact))
        let loaded = try FormCatalog.load(directory: forms.path).partnership
        #expect(loaded.contact == PartnershipContact(name: "Testshire SVP team", email: "team@testshire.example.org"))
    }

    @Test(arguments: [
        ("contact:\n  name: Team\n", "needs an \"email\" or a \"phone\""),
        ("contact:\n  name: Team\n  email: not an address\n", "is not an email address: \"not an address\""),
        ("contact:\n  email: team@example.org\n", "\"name\""),
    ])
    func refusesAContactNobodyCouldReach(block: String, message: String) throws {
        let problems = try TemporaryForms(["every-type.yaml": try everyType()], partnership: try partnershipWithout(contact: block)).problems()
        #expect(problems.contains { $0.message.contains(message) && $0.line > 0 }, "\(problems)")
    }

    /// The fixture partnership with its own contact replaced by `contact`.
    private func partnershipWithout(contact: String) throws -> String {
        let text = try String(contentsOfFile: Fixtures.everyType + "/partnership.yaml", encoding: .utf8)
        let own = "contact:\n  name: Testshire SVP team\n  email: team@testshire.example.org\n  phone: 01632 960000\n"
        #expect(text.contains(own))
        return text.replacingOccurrences(of: own, with: contact)
    }
}
