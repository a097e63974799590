import CXLSXWriter
import Foundation

/// .xlsx through libxlsxwriter in constant-memory mode, written to a file path (the web layer
/// streams the file afterwards).
///
/// A final class rather than a struct: it owns C handles that must be released exactly once
/// (by `finish()`, or by `deinit` when an export is abandoned), and copies of a struct would
/// share them. It is deliberately not Sendable: libxlsxwriter is not thread-safe, so one task
/// owns one writer. The methods are synchronous (they satisfy the protocol's async
/// requirements) because the C calls block: run the writer off the event loop.
///
/// Text is always written as a string cell and never neutralised: a string cell cannot run,
/// so `=HYPERLINK(...)` shows as typed and an apostrophe would only be noise. Header names are
/// bold and the header row is frozen. A decimal is stored at full precision and shown with one
/// decimal place ("0.0"); NaN and infinities, which libxlsxwriter would write as `NAN` and
/// corrupt the file, are left empty as in CSV.
public final class XLSXTableWriter: TableWriter {
    /// Excel's rows per sheet, counting the header.
    static let maximumRows = Int(LXW_ROW_MAX)
    /// Excel's columns per sheet.
    static let maximumColumns = Int(LXW_COL_MAX)

    private let path: String
    /// Nil once finished: `workbook_close` frees the workbook whatever it returns.
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let worksheet: UnsafeMutablePointer<lxw_worksheet>
    private let headerFormat: UnsafeMutablePointer<lxw_format>
    private let decimalFormat: UnsafeMutablePointer<lxw_format>
    private var nextRow = 0
    /// Whether any cell reached the sheet (see `finish()` for why that matters).
    private var hasCells = false

    /// Starts a workbook with one worksheet named after `sheetName` (repaired to Excel's rules).
    ///
    /// The output file is created straight away, so a bad path fails here rather than after
    /// 100,000 rows; `temporaryDirectory` must exist, because libxlsxwriter would otherwise
    /// quietly fall back to /tmp, which may be memory-backed.
    ///
    /// `created` is the creation time written into the file; without it libxlsxwriter writes the
    /// current time, so two exports of the same data would differ byte for byte.
    public init(path: String, sheetName: String, temporaryDirectory: String? = nil, created: Date? = nil) throws {
        if let temporaryDirectory, !Self.isUsableDirectory(temporaryDirectory) {
            throw ExportError.temporaryDirectoryUnusable(path: temporaryDirectory)
        }
        try Self.createEmptyFile(at: path)
        guard let workbook = Self.openWorkbook(path: path, temporaryDirectory: temporaryDirectory) else {
            unlink(path)
            throw Self.failure("workbook_new_opt", LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        let name = XLSXSheetName.sanitised(sheetName)
        guard let worksheet = workbook_add_worksheet(workbook, name) else {
            let problem = workbook_validate_sheet_name(workbook, name)
            lxw_workbook_free(workbook)
            unlink(path)
            throw Self.failure("workbook_add_worksheet", problem == LXW_NO_ERROR ? LXW_ERROR_MEMORY_MALLOC_FAILED : problem)
        }
        guard let headerFormat = workbook_add_format(workbook), let decimalFormat = workbook_add_format(workbook) else {
            Self.discard(workbook, worksheet)
            unlink(path)
            throw Self.failure("workbook_add_format", LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        format_set_bold(headerFormat)
        format_set_num_format(decimalFormat, "0.0")
        if let created {
            var properties = lxw_doc_properties()
            properties.created = time_t(created.timeIntervalSince1970)
            workbook_set_properties(workbook, &properties)
        }
        self.path = path
        self.workbook = workbook
        self.worksheet = worksheet
        self.headerFormat = headerFormat
        self.decimalFormat = decimalFormat
    }

    /// An abandoned export (an error, a dropped connection) releases its handles and leaves no file.
    deinit {
        guard let workbook else { return }
        Self.discard(workbook, worksheet)
        unlink(path)
    }

    /// Writes the names as bold text in the first row and freezes that row.
    public func writeHeader(_ names: [String]) throws {
        guard workbook != nil else { throw ExportError.writerFinished }
        guard nextRow == 0 else { throw ExportError.headerNotFirst }
        try write(names.map(ExportCell.text), textFormat: headerFormat)
        worksheet_freeze_panes(worksheet, 1, 0)
    }

    public func writeRow(_ cells: [ExportCell]) throws {
        try write(cells, textFormat: nil)
    }

    /// Writes the .xlsx file. Calling it again does nothing.
    public func finish() throws {
        guard let workbook else { return }
        self.workbook = nil
        do {
            if !hasCells {
                // libxlsxwriter 1.1.4 never closes the temporary file of a sheet without cells
                // (one leaked descriptor per empty export); an invisible formatted blank avoids that.
                try check(worksheet_write_blank(worksheet, 0, 0, headerFormat), "worksheet_write_blank")
            }
            // If the file cannot be created, 1.1.4's workbook_close fails without closing the
            // sheet's temporary file: find out first, while it can still be closed here.
            try Self.createEmptyFile(at: path)
        } catch {
            Self.discard(workbook, worksheet)
            throw error
        }
        try check(workbook_close(workbook), "workbook_close")
    }

    /// Writes one row; text in `textFormat` (bold for the header).
    private func write(_ cells: [ExportCell], textFormat: UnsafeMutablePointer<lxw_format>?) throws {
        guard workbook != nil else { throw ExportError.writerFinished }
        guard nextRow < Self.maximumRows else { throw ExportError.tooManyRows(limit: Self.maximumRows) }
        guard cells.count <= Self.maximumColumns else { throw ExportError.tooManyColumns(limit: Self.maximumColumns) }
        let row = lxw_row_t(nextRow)
        for (index, cell) in cells.enumerated() {
            let column = lxw_col_t(index)
            switch cell {
            case .text(let text):
                let prepared = XLSXText.prepared(text)
                try check(worksheet_write_string(worksheet, row, column, prepared, textFormat), "worksheet_write_string")
                // An empty string without a format writes nothing at all.
                hasCells = hasCells || !prepared.isEmpty || textFormat != nil
            case .decimal(let value) where value.isFinite:
                try check(worksheet_write_number(worksheet, row, column, value, decimalFormat), "worksheet_write_number")
                hasCells = true
            case .integer(let value):
                // Exact up to 2^53; Excel itself keeps only 15 significant digits.
                try check(worksheet_write_number(worksheet, row, column, Double(value), nil), "worksheet_write_number")
                hasCells = true
            case .decimal, .empty:
                break
            }
        }
        nextRow += 1
    }

    /// Throws the library's own explanation of a failed call.
    private func check(_ result: lxw_error, _ function: String) throws {
        guard result == LXW_NO_ERROR else { throw Self.failure(function, result) }
    }
}
