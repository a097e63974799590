/// One cell of an exported table.
///
/// The case says where the value came from, and that decides how it is written: text from
/// people or configuration is never trusted to be "just a number" or "just a label", while
/// figures svforms computed are written as numbers so the board can sort and sum them.
public enum ExportCell: Sendable, Equatable {
    /// Text that came from people or configuration (answers, names, labels): neutralised in CSV
    /// when it could be read as a formula, and always a string cell in XLSX.
    case text(String)
    /// A figure svforms computed (percentages, bounds, change): one decimal place.
    /// NaN and infinities are written as an empty cell: no spreadsheet can show them as numbers.
    case decimal(Double)
    /// A count or other whole number svforms computed.
    case integer(Int)
    /// No value.
    case empty
}
