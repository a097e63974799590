import Foundation
import Testing

@testable import SVFormsExport

/// `XLSXTableWriter` output, read back with Python's zipfile and ElementTree.
@Suite struct XLSXTableWriterTests {
    /// Writes a header and rows to a new file in `directory` and reads it back.
    private func roundTrip(
        _ directory: borrowing TemporaryDirectory, sheetName: String = "Results",
        header: [String], rows: [[ExportCell]]
    ) throws -> XLSXContents {
        let path = directory.file("export.xlsx")
        let writer = try XLSXTableWriter(path: path, sheetName: sheetName, temporaryDirectory: directory.path)
        try writer.writeHeader(header)
        for row in rows { try writer.writeRow(row) }
        try writer.finish()
        return try XLSXContents.read(path)
    }

    @Test func smallTableHasStringsNumbersAndAFrozenBoldHeader() throws {
        let directory = try TemporaryDirectory()
        let contents = try roundTrip(
            directory, sheetName: "Results: Q1/Q2 [draft]*?",
            header: ["Answer", "=Share", "Count", "Blank", "Name"],
            rows: [[.text("=HYPERLINK(\"http://x\")"), .decimal(52.25), .integer(7), .empty, .text("Zoë 😀 café")]])

        #expect(contents.testzip == nil)
        #expect(contents.sheetNames == ["Results_ Q1_Q2 _draft___"])
        #expect(contents.rowCount == 2)
        #expect(contents.hasFormula == false)
        #expect(contents.sharedStrings.isEmpty)  // constant-memory mode writes strings inline

        // The header: inline bold strings, not neutralised (a string cell cannot run).
        for (ref, name) in zip(["A1", "B1", "C1", "D1", "E1"], ["Answer", "=Share", "Count", "Blank", "Name"]) {
            #expect(contents.cell(ref)?.type == "inlineStr")
            #expect(contents.cell(ref)?.inlineText == name)
            #expect(contents.style(ref)?.bold == true)
        }
        #expect(contents.pane?.ySplit == "1")
        #expect(contents.pane?.topLeftCell == "A2")
        #expect(contents.pane?.state == "frozen")

        let formula = try #require(contents.cell("A2"))
        #expect(formula.type == "inlineStr")
        #expect(formula.inlineText == "=HYPERLINK(\"http://x\")")
        #expect(contents.style("A2")?.bold == false)

        let decimal = try #require(contents.cell("B2"))
        #expect(decimal.type == nil || decimal.type == "n")
        #expect(decimal.value == "52.25")
        #expect(contents.style("B2")?.numberFormat == "0.0")

        let integer = try #require(contents.cell("C2"))
        #expect(integer.type == nil || integer.type == "n")
        #expect(integer.value == "7")

        #expect(contents.cell("D2") == nil)
        #expect(contents.cell("E2")?.inlineText == "Zoë 😀 café")
    }

    @Test func unshowableNumbersAreLeftEmpty() throws {
        let directory = try TemporaryDirectory()
        let contents = try roundTrip(
            directory, header: ["a", "b", "c", "d"], rows: [[.decimal(.nan), .decimal(.infinity), .decimal(-2.5), .integer(-3)]])
        #expect(contents.cell("A2") == nil)
        #expect(contents.cell("B2") == nil)
        #expect(contents.cell("C2")?.value == "-2.5")
        #expect(contents.cell("D2")?.value == "-3")
    }

    @Test func awkwardTextIsStoredSoExcelShowsItAsTyped() throws {
        let directory = try TemporaryDirectory()
        let long = String(repeating: "a", count: 40_000)
        let contents = try roundTrip(
            directory, header: ["text"],
            rows: [[.text("_x0041_ stays")], [.text("a\0b\u{FFFF}c")], [.text(long)], [.text(" spaced ")], [.text("bell\u{7}")]])
        #expect(contents.testzip == nil)
        #expect(contents.cell("A2")?.inlineText == "_x005F_x0041_ stays")
        #expect(contents.cell("A3")?.inlineText == "abc")
        let cut = try #require(contents.cell("A4")?.inlineText)
        #expect(cut.utf16.count == 32_767)
        #expect(cut.hasSuffix("a…"))
        #expect(contents.cell("A5")?.inlineText == " spaced ")
        #expect(contents.cell("A6")?.inlineText == "bell_x0007_")
    }

    @Test func tenThousandRowsMakeAValidFile() throws {
        let directory = try TemporaryDirectory()
        let rows: [[ExportCell]] = (1...10_000).map { [.integer($0), .text("answer \($0)"), .decimal(Double($0) / 7)] }
        let contents = try roundTrip(directory, header: ["n", "answer", "share"], rows: rows)
        #expect(contents.testzip == nil)
        #expect(contents.rowCount == 10_001)
        #expect(contents.cell("A10001")?.value == "10000")
        #expect(contents.cell("B10001")?.inlineText == "answer 10000")
        #expect(directory.openDescriptors().isEmpty)
    }

    @Test func rowsBeyondExcelsLimitAreRefused() throws {
        let directory = try TemporaryDirectory()
        let writer = try XLSXTableWriter(path: directory.file("big.xlsx"), sheetName: "Big", temporaryDirectory: directory.path)
        try writer.writeHeader(["n"])
        // Empty rows cost nothing to write, so the real limit can be reached quickly.
        for _ in 1..<(1_048_576 - 1) { try writer.writeRow([.empty]) }
        try writer.writeRow([.integer(1_048_576)])  // the last row Excel has
        #expect(throws: ExportError.tooManyRows(limit: 1_048_576)) { try writer.writeRow([.integer(0)]) }
        try writer.finish()
        let contents = try XLSXContents.read(directory.file("big.xlsx"))
        #expect(contents.cell("A1048576")?.value == "1048576")
    }

    @Test func tooManyColumnsAreRefused() throws {
        let directory = try TemporaryDirectory()
        let writer = try XLSXTableWriter(path: directory.file("wide.xlsx"), sheetName: "Wide")
        #expect(throws: ExportError.tooManyColumns(limit: 16_384)) {
            try writer.writeRow(Array(repeating: .empty, count: 16_385))
        }
    }

    @Test func headerMustComeFirstAndNothingFollowsFinish() throws {
        let directory = try TemporaryDirectory()
        let writer = try XLSXTableWriter(path: directory.file("order.xlsx"), sheetName: "Order")
        try writer.writeRow([.integer(1)])
        #expect(throws: ExportError.headerNotFirst) { try writer.writeHeader(["late"]) }
        try writer.finish()
        try writer.finish()  // a second finish is harmless
        #expect(throws: ExportError.writerFinished) { try writer.writeRow([.integer(2)]) }
        #expect(try XLSXContents.read(directory.file("order.xlsx")).cell("A1")?.value == "1")
    }
}
