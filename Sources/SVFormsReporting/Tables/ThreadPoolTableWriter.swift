import NIOPosix
import SVFormsExport

/// Runs libxlsxwriter on NIO's thread pool, a batch of rows at a time: its C calls block (and
/// closing a workbook compresses the whole sheet), and on the request's own task they would hold
/// up one of the two cooperative threads that serve every request.
struct ThreadPoolTableWriter: TableWriter {
    /// The workbook, handed to the pool one call at a time and never touched by two threads at once.
    private final class Workbook: @unchecked Sendable {
        public let writer: XLSXTableWriter

        public init(_ writer: XLSXTableWriter) {
            self.writer = writer
        }
    }

    static let batchSize = 500
    private let workbook: Workbook
    private var pending: [[ExportCell]] = []

    public init(_ writer: XLSXTableWriter) {
        workbook = Workbook(writer)
    }

    public mutating func writeHeader(_ names: [String]) async throws {
        let workbook = self.workbook
        try await NIOThreadPool.singleton.runIfActive { try workbook.writer.writeHeader(names) }
    }

    public mutating func writeRow(_ cells: [ExportCell]) async throws {
        pending.append(cells)
        if pending.count >= Self.batchSize { try await flush() }
    }

    public mutating func finish() async throws {
        try await flush()
        let workbook = self.workbook
        try await NIOThreadPool.singleton.runIfActive { try workbook.writer.finish() }
    }

    private mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        let (workbook, rows) = (self.workbook, pending)
        pending = []
        try await NIOThreadPool.singleton.runIfActive { for row in rows { try workbook.writer.writeRow(row) } }
    }
}
