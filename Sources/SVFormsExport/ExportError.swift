/// Why an export could not be written.
///
/// The descriptions are meant for logs and operators; the web layer shows the person a plain
/// page with a reference, never this text.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// A row, a header or anything else arrived after `finish()`.
    case writerFinished
    /// The header arrived after rows (or a second time); it must come first, and only once.
    case headerNotFirst
    /// The table has more rows than an XLSX sheet can hold (the limit counts the header row).
    case tooManyRows(limit: Int)
    /// A row has more cells than an XLSX sheet has columns.
    case tooManyColumns(limit: Int)
    /// The temporary directory given for XLSX work files is missing or not writable.
    case temporaryDirectoryUnusable(path: String)
    /// The output file cannot be created (missing directory, permissions, ...).
    case cannotCreateFile(path: String, reason: String)
    /// A libxlsxwriter call failed; `message` is its `lxw_strerror` text.
    case libxlsxwriter(function: String, code: Int, message: String)

    public var description: String {
        switch self {
        case .writerFinished:
            return "the export was already finished; nothing more can be written to it"
        case .headerNotFirst:
            return "the header must be written first, and only once"
        case .tooManyRows(let limit):
            return "an XLSX sheet holds at most \(limit) rows including the header; use CSV for this export"
        case .tooManyColumns(let limit):
            return "an XLSX sheet holds at most \(limit) columns"
        case .temporaryDirectoryUnusable(let path):
            return "the temporary directory \(path) does not exist or is not writable"
        case .cannotCreateFile(let path, let reason):
            return "cannot create \(path): \(reason)"
        case .libxlsxwriter(let function, let code, let message):
            return "libxlsxwriter \(function) failed (error \(code)): \(message)"
        }
    }
}
