/// A destination for one table, written row by row.
///
/// Exports can hold 100,000 responses, so writers never keep more than a bounded amount of the
/// table in memory. The header, if any, comes first and at most once; after `finish()` the
/// writer accepts nothing more. After any error the writer's output is incomplete: discard it.
public protocol TableWriter {
    /// Writes the column names. Header cells are text (neutralised in CSV like any other text).
    mutating func writeHeader(_ names: [String]) async throws
    /// Writes one row of cells, left to right.
    mutating func writeRow(_ cells: [ExportCell]) async throws
    /// Completes the table and releases what the writer holds. Calling it again does nothing.
    mutating func finish() async throws
}
