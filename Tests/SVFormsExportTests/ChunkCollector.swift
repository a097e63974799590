@testable import SVFormsExport

/// Collects the chunks a `CSVTableWriter` hands out, in order.
actor ChunkCollector {
    private(set) var chunks: [[UInt8]] = []

    func append(_ chunk: [UInt8]) { chunks.append(chunk) }

    /// All the bytes, joined.
    var bytes: [UInt8] { chunks.flatMap { $0 } }

    /// A CSV writer that hands its chunks to this collector.
    nonisolated func writer(chunkSize: Int = 64 * 1024) -> CSVTableWriter {
        CSVTableWriter(chunkSize: chunkSize) { chunk in await self.append(chunk) }
    }

    /// The whole CSV output for a header and rows, written with one writer.
    static func csv(header: [String]? = nil, rows: [[ExportCell]], chunkSize: Int = 64 * 1024) async throws -> [UInt8] {
        let collector = ChunkCollector()
        var writer = collector.writer(chunkSize: chunkSize)
        if let header { try await writer.writeHeader(header) }
        for row in rows { try await writer.writeRow(row) }
        try await writer.finish()
        return await collector.bytes
    }

    /// The CSV output as text after the byte-order mark, which must come first.
    static func text(header: [String]? = nil, rows: [[ExportCell]]) async throws -> String? {
        let bytes = try await csv(header: header, rows: rows)
        guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return String(validating: bytes.dropFirst(3), as: UTF8.self)
    }
}
