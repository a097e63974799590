import Foundation
import Testing

@testable import SVFormsExport

/// How `XLSXTableWriter` reports failures, and that it releases libxlsxwriter's temporary files
/// on every path (libxlsxwriter 1.1.4 leaks them on several).
@Suite struct XLSXTableWriterFailureTests {
    @Test func aPathInAMissingDirectoryFailsBeforeAnyRowIsWritten() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("missing/export.xlsx")
        #expect(throws: ExportError.cannotCreateFile(path: path, reason: "No such file or directory")) {
            _ = try XLSXTableWriter(path: path, sheetName: "Results")
        }
    }

    @Test func finishReportsAPathThatDisappeared() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.file("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let writer = try XLSXTableWriter(path: folder + "/export.xlsx", sheetName: "Results", temporaryDirectory: directory.path)
        try writer.writeHeader(["a"])
        try writer.writeRow([.integer(1)])
        try FileManager.default.removeItem(atPath: folder)
        #expect(throws: ExportError.cannotCreateFile(path: folder + "/export.xlsx", reason: "No such file or directory")) {
            try writer.finish()
        }
        #expect(directory.openDescriptors().isEmpty)
    }

    @Test func finishReportsLibxlsxwriterErrorsWithItsExplanation() throws {
        // /dev/full accepts the file being opened and fails every write, as a full disk would.
        let writer = try XLSXTableWriter(path: "/dev/full", sheetName: "Results")
        try writer.writeRow([.text("x")])
        let error = try #require(throws: ExportError.self) { try writer.finish() }
        guard case .libxlsxwriter(let function, let code, let message) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(function == "workbook_close")
        #expect(code != 0)
        #expect(message.contains("Zip"))
        #expect(error.description.contains("libxlsxwriter workbook_close failed"))
    }

    @Test func aMissingTemporaryDirectoryIsRefused() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: ExportError.temporaryDirectoryUnusable(path: directory.file("nowhere"))) {
            _ = try XLSXTableWriter(path: directory.file("export.xlsx"), sheetName: "R", temporaryDirectory: directory.file("nowhere"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("export.xlsx")))
    }

    @Test func anAbandonedWriterReleasesItsFilesAndLeavesNoOutput() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("abandoned.xlsx")
        do {
            let writer = try XLSXTableWriter(path: path, sheetName: "R", temporaryDirectory: directory.path)
            try writer.writeHeader(["a"])
            try writer.writeRow([.text("x")])
            #expect(directory.openDescriptors().count == 1)  // the sheet's temporary file
        }
        #expect(directory.openDescriptors().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aSheetWithoutCellsStillMakesAValidFileAndReleasesItsFiles() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("empty.xlsx")
        let writer = try XLSXTableWriter(path: path, sheetName: "Empty", temporaryDirectory: directory.path)
        try writer.writeHeader([])
        try writer.writeRow([.empty, .text("")])
        try writer.finish()
        #expect(directory.openDescriptors().isEmpty)
        let contents = try XLSXContents.read(path)
        #expect(contents.testzip == nil)
        #expect(contents.cells.allSatisfy { $0.value == nil && $0.inlineText == nil })
    }
}
