import Testing

@testable import SVFormsExport

/// Repairing questionnaire titles into worksheet names Excel accepts.
@Suite struct XLSXSheetNameTests {
    @Test(arguments: [
        ("Results", "Results"),
        ("Q1: a/b [c] *?\\", "Q1_ a_b _c_ ___"),
        ("", "Sheet1"),
        ("   ", "Sheet1"),
        ("''", "Sheet1"),
        ("'Quoted'", "Quoted"),
        ("History", "History_"),
        ("tab\there", "tabhere"),
        ("A survey with a very long title indeed", "A survey with a very long title"),
        ("Thirty-one characters exactly!!", "Thirty-one characters exactly!!"),
        ("123456789012345678901234567890 x", "123456789012345678901234567890"),
        (String(repeating: "😀", count: 20), String(repeating: "😀", count: 15)),
    ])
    func names(title: String, expected: String) {
        #expect(XLSXSheetName.sanitised(title) == expected)
    }

    @Test func namesAreAcceptedByLibxlsxwriter() throws {
        let directory = try TemporaryDirectory()
        for title in ["'a'", "x:y", String(repeating: "é", count: 40), "", "History"] {
            let writer = try XLSXTableWriter(path: directory.file("n.xlsx"), sheetName: title)
            try writer.finish()
        }
    }
}
