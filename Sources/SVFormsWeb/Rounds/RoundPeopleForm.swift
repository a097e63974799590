import SVFormsCore

/// The "add a person" form and the CSV import: questions like a questionnaire's, checked by
/// `RepresentativeList` so one rule applies however people are added.
struct RoundPeopleForm {
    let organisations: [Choice]

    var list: RepresentativeList { RepresentativeList(organisations: organisations) }

    var personQuestions: [Question] {
        [
            Question(id: "name", label: "Full name", kind: .shortText(TextLimits(maxLength: 200))),
            Question(id: "email", label: "Email address", kind: .email),
            Question(id: "organisation", label: "Organisation they answer for", kind: .singleChoice(organisations)),
        ]
    }

    var importQuestions: [Question] {
        [
            Question(
                id: "csv", label: "Paste a list",
                hint: "One person per line: name, email address, organisation (its name or id), separated by commas, semicolons or tabs, "
                    + "as copied from a spreadsheet. With a heading row (Name, Email, Organisation) the columns can be in any order.",
                isOptional: true, kind: .longText(TextLimits(maxLength: 200_000)))
        ]
    }
}
