import Testing

@testable import SVFormsCore

@Suite struct RepresentativeListTests {
    private let list = RepresentativeList(organisations: [
        Choice(value: "surrey-police", label: "Surrey Police"),
        Choice(value: "surrey-fire-and-rescue", label: "Surrey Fire and Rescue Service"),
    ])

    private func problems(_ csv: String) -> [String] {
        guard case .failure(let problems) = list.parse(csv: csv) else { return [] }
        return problems.list.map(\.description)
    }

    @Test func organisationsMatchByIdOrNameAndAHeadingRowIsSkipped() throws {
        let entries = try list.parse(csv: "Name,Email,Organisation\nAda, ada@example.org ,surrey police\nBo,bo@example.org,surrey-fire-and-rescue")
            .get()
        #expect(
            entries == [
                RepresentativeList.Entry(name: "Ada", email: "ada@example.org", organisationID: "surrey-police"),
                RepresentativeList.Entry(name: "Bo", email: "bo@example.org", organisationID: "surrey-fire-and-rescue"),
            ])
    }

    @Test func aHeadingRowCanPutTheColumnsInAnyOrderAndSpellThemDifferently() throws {
        let csv = "\u{FEFF}Organization;E-mail address;Full name\nSurrey Police;ada@example.org;Ada Lovelace\n"
        let entries = try list.parse(csv: csv).get()
        #expect(entries == [RepresentativeList.Entry(name: "Ada Lovelace", email: "ada@example.org", organisationID: "surrey-police")])
    }

    @Test func everyBadRowIsReportedByLineAndNothingIsAccepted() {
        let csv = """
            Ada,ada@example.org,Surrey Police
            ,nobody@example.org,Surrey Police
            Bo,not-an-address,Surrey Police
            Cy,cy@example.org,Parish Council
            Di,di@example.org
            Ed,ADA@example.org,Surrey Police
            """
        #expect(
            problems(csv) == [
                "Line 2: enter the person's name",
                "Line 3: \"not-an-address\" is not an email address in the correct format, like name@example.com",
                "Line 4: \"Parish Council\" is not one of the partnership's organisations for this survey",
                "Line 5: expected 3 values (name, email, organisation), found 2",
                "Line 6: ADA@example.org is already on line 1",
            ])
    }

    @Test func addressesAndNamesThatCannotGoInAnEmailAreRefused() {
        #expect(problems("Zoë,zoë@example.org,Surrey Police").first?.contains("accented or non-Latin letters") == true)
        #expect(problems("Ada,ada@exämple.org,Surrey Police").first?.contains("accented or non-Latin letters") == true)
        #expect(problems("Ada\u{2028}Bcc: x,ada@example.org,Surrey Police") == ["Line 1: the name contains a line break or control character"])
        #expect(problems("Ada,ada\u{7}@example.org,Surrey Police").first?.contains("is not an email address") == true)
        // Accents in a name are fine: names are encoded in headers.
        #expect(problems("Zoë Ødegaard,zoe@example.org,Surrey Police").isEmpty)
    }

    @Test func anEmptyListSaysSo() {
        #expect(problems("\n\n,,\n") == ["Line 1: there are no people in the list"])
        #expect(problems("Name,Email,Organisation\n") == ["Line 1: there are no people in the list"])
    }
}
