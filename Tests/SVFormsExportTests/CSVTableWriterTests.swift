import Testing

@testable import SVFormsExport

/// RFC 4180 output, formula neutralisation, number formatting and chunking of `CSVTableWriter`.
@Suite struct CSVTableWriterTests {
    @Test func byteOrderMarkComesOnceAtTheStart() async throws {
        let bytes = try await ChunkCollector.csv(header: ["a"], rows: [[.text("x")], [.text("y")]], chunkSize: 2)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let marks = bytes.indices.dropLast(2).filter { bytes[$0...].starts(with: [0xEF, 0xBB, 0xBF]) }
        #expect(marks == [0])
    }

    @Test func emptyTableIsJustTheByteOrderMark() async throws {
        #expect(try await ChunkCollector.csv(rows: []) == [0xEF, 0xBB, 0xBF])
    }

    @Test func linesEndWithCRLF() async throws {
        let text = try #require(try await ChunkCollector.text(header: ["a", "b"], rows: [[.integer(1), .integer(2)]]))
        #expect(text == "a,b\r\n1,2\r\n")
    }

    @Test func fieldsWithCommasQuotesAndLineBreaksAreQuoted() async throws {
        let text = try await ChunkCollector.text(rows: [
            [.text("a,b"), .text("say \"hi\""), .text("line 1\nline 2"), .text("cr\rhere"), .text("plain")]
        ])
        #expect(text == "\"a,b\",\"say \"\"hi\"\"\",\"line 1\nline 2\",\"cr\rhere\",plain\r\n")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("\r\nx", "\"'\r\nx\""),
        ("\0=1", "'=1"),
        ("a=1", "a=1"),
    ])
    func formulaTextIsNeutralisedInCellsAndHeaders(input: String, field: String) async throws {
        let text = try await ChunkCollector.text(header: [input, "h"], rows: [[.text(input), .integer(1)]])
        #expect(text == "\(field),h\r\n\(field),1\r\n")
    }

    @Test func numbersAreNeverNeutralised() async throws {
        let text = try await ChunkCollector.text(rows: [[.decimal(-2.5), .integer(-3), .decimal(52)]])
        #expect(text == "-2.5,-3,52.0\r\n")
    }

    @Test(
        arguments: [
            (52, "52.0"), (-2.5, "-2.5"), (0.05, "0.1"), (0.15, "0.2"), (2.25, "2.3"), (-0.04, "0.0"),
            (-0.05, "-0.1"), (99.95, "100.0"), (1e20, "100000000000000000000.0"),
            (.nan, ""), (.infinity, ""), (-.infinity, ""),
        ] as [(Double, String)])
    func decimalsHaveOneDecimalPlace(value: Double, expected: String) async throws {
        let text = try await ChunkCollector.text(rows: [[.text("x"), .decimal(value)]])
        #expect(text == "x,\(expected)\r\n")
    }

    @Test func emptyCellsAndLoneEmptyFields() async throws {
        let text = try await ChunkCollector.text(rows: [[.empty, .integer(0), .empty], [.empty], [.text("")]])
        // A line with one empty field is written as "" so that it is not a blank line.
        #expect(text == ",0,\r\n\"\"\r\n\"\"\r\n")
    }

    @Test func nulCharactersAreRemoved() async throws {
        #expect(try await ChunkCollector.text(rows: [[.text("a\0b\0")]]) == "ab\r\n")
    }

    @Test func nonASCIITextIsUTF8() async throws {
        let bytes = try await ChunkCollector.csv(header: ["Café"], rows: [[.text("Zoë 😀, ünïcødé")]])
        #expect(Array(bytes.dropFirst(3)) == Array("Café\r\n\"Zoë 😀, ünïcødé\"\r\n".utf8))
    }

    @Test func smallChunksJoinToTheSameBytes() async throws {
        let rows: [[ExportCell]] = (0..<200).map { [.integer($0), .text("answer \($0), é"), .decimal(Double($0) / 3)] }
        let whole = try await ChunkCollector.csv(header: ["n", "text", "share"], rows: rows)
        let collector = ChunkCollector()
        var writer = collector.writer(chunkSize: 16)
        try await writer.writeHeader(["n", "text", "share"])
        for row in rows {
            try await writer.writeRow(row)
            // Rows are not accumulated: whatever fills a chunk has already been handed out.
            #expect(writer.pendingByteCount < 16)
        }
        try await writer.finish()
        let chunks = await collector.chunks
        #expect(chunks.count == (whole.count + 15) / 16)
        #expect(chunks.dropLast().allSatisfy { $0.count == 16 })
        #expect(chunks.flatMap { $0 } == whole)
    }

    @Test func aRowLongerThanAChunkIsHandedOutAtOnce() async throws {
        let collector = ChunkCollector()
        var writer = collector.writer(chunkSize: 100)
        try await writer.writeRow([.text(String(repeating: "x", count: 1_000))])
        #expect(writer.pendingByteCount < 100)
        #expect(await collector.chunks.count == 10)
    }

    @Test func headerMustComeFirstAndNothingFollowsFinish() async throws {
        var writer = ChunkCollector().writer()
        try await writer.writeRow([.integer(1)])
        await #expect(throws: ExportError.headerNotFirst) { try await writer.writeHeader(["late"]) }
        try await writer.finish()
        try await writer.finish()  // a second finish is harmless
        await #expect(throws: ExportError.writerFinished) { try await writer.writeRow([.integer(2)]) }
    }

    @Test func outputErrorsReachTheCaller() async throws {
        struct Refused: Error {}
        var writer = CSVTableWriter(chunkSize: 4) { _ in throw Refused() }
        await #expect(throws: Refused.self) { try await writer.writeRow([.text("long enough")]) }
    }
}
