import Foundation
import Testing

/// What an .xlsx file holds, read back with Python's standard library (zipfile and
/// ElementTree) so the check does not trust the code that wrote it.
struct XLSXContents: Decodable {
    /// One `<c>` element of the first sheet.
    struct Cell: Decodable {
        let ref: String
        let type: String?
        let value: String?
        /// The text of an inline string (`<is><t>`), exactly as stored (Excel escapes undecoded).
        let inlineText: String?
        let style: Int
    }

    /// The `<pane>` element, present when rows or columns are frozen.
    struct Pane: Decodable {
        let ySplit: String?
        let topLeftCell: String?
        let state: String?
    }

    /// A cell format (`<xf>` of `cellXfs`), reduced to what the tests look at.
    struct Style: Decodable {
        let bold: Bool
        let numberFormat: String?
    }

    let testzip: String?
    let members: [String]
    let sheetNames: [String]
    let cells: [Cell]
    let rowCount: Int
    let hasFormula: Bool
    let pane: Pane?
    let styles: [Style]
    let sharedStrings: [String]

    /// The cell at a reference such as "B2", if the sheet holds it.
    func cell(_ ref: String) -> Cell? { cells.first { $0.ref == ref } }

    /// The style of the cell at `ref`.
    func style(_ ref: String) -> Style? { cell(ref).map { styles[$0.style] } }

    /// Unzips and parses the file at `path`; fails the test if Python cannot read it.
    static func read(_ path: String) throws -> XLSXContents {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would otherwise block Python forever.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3: \(String(decoding: problems, as: UTF8.self))")
        return try JSONDecoder().decode(XLSXContents.self, from: data)
    }

    private static let script = #"""
        import json, sys, zipfile
        import xml.etree.ElementTree as ET
        NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        z = zipfile.ZipFile(sys.argv[1])
        bad = z.testzip()
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        cells = []
        for c in sheet.iter(NS + "c"):
            v = c.find(NS + "v")
            t = c.find(NS + "is/" + NS + "t")
            cells.append({"ref": c.get("r"), "type": c.get("t"), "value": None if v is None else v.text,
                          "inlineText": None if t is None else (t.text or ""), "style": int(c.get("s", "0"))})
        pane = sheet.find(".//" + NS + "pane")
        book = ET.fromstring(z.read("xl/workbook.xml"))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(NS + "numFmt")}
        fonts = [f.find(NS + "b") is not None for f in styles.find(NS + "fonts")]
        xfs = [{"bold": fonts[int(x.get("fontId", "0"))], "numberFormat": formats.get(x.get("numFmtId"))}
               for x in styles.find(NS + "cellXfs")]
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            shared = ["".join(si.itertext()) for si in ET.fromstring(z.read("xl/sharedStrings.xml"))]
        print(json.dumps({
            "testzip": bad, "members": z.namelist(),
            "sheetNames": [s.get("name") for s in book.iter(NS + "sheet")],
            "cells": cells, "rowCount": len(list(sheet.iter(NS + "row"))),
            "hasFormula": any(True for _ in sheet.iter(NS + "f")),
            "pane": None if pane is None else dict(pane.attrib),
            "styles": xfs, "sharedStrings": shared}))
        """#
}
