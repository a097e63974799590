import SVFormsCore
import Testing

@testable import SVFormsWeb

/// Every kind of question that `SVFormsCore` defines shows as a control: a new kind without its web
/// file would otherwise render as a plain text box.
@Suite struct QuestionControlTests {
    @Test func everyKindHasAControl() {
        for type in QuestionKind.allTypes {
            #expect(type is any QuestionControl.Type, "\(type) has no QuestionControl in SVFormsWeb/Journey/Controls")
        }
    }

    @Test func eachKindOfTheFixtureShowsItsOwnControl() throws {
        let questionnaire = try #require(try FormCatalog.load(directory: Repository.everyTypeForms).questionnaire(id: "every-type"))
        let controls = Dictionary(
            questionnaire.questions.map { ($0.kind.typeName ?? "", QuestionView.control(of: $0.kind).control) },
            uniquingKeysWith: { first, _ in first })
        #expect(controls["short_text"] == .textInput && controls["email"] == .textInput && controls["number"] == .textInput)
        #expect(controls["long_text"] == .textarea && controls["date"] == .dateInput)
        #expect(controls["single_choice"] == .radios && controls["rating"] == .radios && controls["area"] == .radios)
        #expect(controls["organisation"] == .radios && controls["multiple_choice"] == .checkboxes && controls["consent"] == .checkboxes)
    }
}
