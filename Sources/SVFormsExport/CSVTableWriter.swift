/// RFC 4180 CSV, UTF-8 with a byte-order mark (so Excel opens it as UTF-8), CRLF line ends.
/// Hands out chunks of about `chunkSize` bytes to `output` (e.g. an HTTP response body writer or a file).
///
/// Every chunk but the last is exactly `chunkSize` bytes (a chunk may end inside a row or a
/// character: `output` receives bytes, not text). The writer holds at most one chunk plus
/// the row being encoded, however long the table.
public struct CSVTableWriter: TableWriter {
    /// Bytes encoded but not yet handed to `output`; always fewer than `chunkSize` between calls.
    private var pending: [UInt8]
    private let chunkSize: Int
    private let output: @Sendable ([UInt8]) async throws -> Void
    private var linesWritten = 0
    private var isFinished = false

    /// A writer that hands its bytes to `output`, starting with the byte-order mark.
    public init(chunkSize: Int = 64 * 1024, output: @escaping @Sendable ([UInt8]) async throws -> Void) {
        precondition(chunkSize > 0, "a CSV chunk must hold at least one byte")
        self.chunkSize = chunkSize
        self.output = output
        // The BOM goes first, once: Excel otherwise reads the file as the local code page
        // and turns "é" into "Ã©".
        pending = [0xEF, 0xBB, 0xBF]
        pending.reserveCapacity(chunkSize + 3)
    }

    /// How many bytes wait for the next chunk (for tests of the memory bound).
    var pendingByteCount: Int { pending.count }

    public mutating func writeHeader(_ names: [String]) async throws {
        guard linesWritten == 0 else { throw ExportError.headerNotFirst }
        try await writeLine(names.map(ExportCell.text))
    }

    public mutating func writeRow(_ cells: [ExportCell]) async throws {
        try await writeLine(cells)
    }

    /// Hands out what is left, however short.
    public mutating func finish() async throws {
        guard !isFinished else { return }
        isFinished = true
        if !pending.isEmpty {
            let last = pending
            pending = []
            try await output(last)
        }
    }

    /// Encodes one line into `pending`, then hands out every full chunk.
    private mutating func writeLine(_ cells: [ExportCell]) async throws {
        guard !isFinished else { throw ExportError.writerFinished }
        Self.appendLine(cells, to: &pending)
        linesWritten += 1
        while pending.count >= chunkSize {
            let chunk = Array(pending[..<chunkSize])
            pending.removeFirst(chunkSize)
            try await output(chunk)
        }
    }
}
