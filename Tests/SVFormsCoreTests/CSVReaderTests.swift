import Testing

@testable import SVFormsCore

@Suite struct CSVReaderTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVReader.records(text).map(\.fields)
    }

    @Test func quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws {
        let records = try CSVReader.records(
            "\"Smith, Ada\",ada@example.org,\"Said \"\"hi\"\"\"\r\n\"Two\nlines\",b@example.org,x\nlast,c@example.org,y")
        #expect(
            records.map(\.fields) == [
                ["Smith, Ada", "ada@example.org", "Said \"hi\""],
                ["Two\nlines", "b@example.org", "x"],
                ["last", "c@example.org", "y"],
            ])
        #expect(records.map(\.line) == [1, 2, 4], "a record's line is where it starts")
    }

    @Test func excelsByteOrderMarkIsNotPartOfTheFirstHeading() throws {
        #expect(try fields("\u{FEFF}name,email,organisation\n") == [["name", "email", "organisation"]])
    }

    @Test func semicolonsAndTabsAreRecognisedFromTheFirstLine() throws {
        #expect(
            try fields("Ada;ada@example.org;Surrey Police\nBo;\"b;o@example.org\";Fire") == [
                ["Ada", "ada@example.org", "Surrey Police"], ["Bo", "b;o@example.org", "Fire"],
            ])
        #expect(try fields("Ada\tada@example.org\tSurrey Police, HQ") == [["Ada", "ada@example.org", "Surrey Police, HQ"]])
        // Commas win a tie, and a comma inside quotes does not count.
        #expect(CSVReader.delimiter(of: "a,b;c") == ",")
        #expect(CSVReader.delimiter(of: "\"a,b,c\";d") == ";")
        #expect(CSVReader.delimiter(of: "\n\nnone here\na;b") == ";", "the first line that has a delimiter decides")
        #expect(CSVReader.delimiter(of: "") == ",")
    }

    @Test func spreadsheetLeftoversAreDropped() throws {
        // Blank rows, rows of empty cells, trailing empty cells, spaces before an opening quote.
        let text = "Ada,ada@example.org,Police,,\n,,,\n\n   \nBo, \"Fire, HQ\" ,b@example.org\n"
        let records = try CSVReader.records(text)
        #expect(records.map(\.fields) == [["Ada", "ada@example.org", "Police"], ["Bo", "Fire, HQ ", "b@example.org"]])
        #expect(records.map(\.line) == [1, 5])
    }

    @Test func anUnclosedQuoteNamesTheLineItOpenedOn() {
        #expect(throws: CSVReader.Problem.unclosedQuote(line: 2)) { try CSVReader.records("a,b,c\n\"d,e,f\ng,h,i") }
    }
}
