import CXLSXWriter
import Foundation

/// Opening and releasing libxlsxwriter workbooks, and the work-arounds for libxlsxwriter 1.1.4.
extension XLSXTableWriter {
    /// A constant-memory workbook: each row goes to a temporary file as soon as the next one starts.
    static func openWorkbook(path: String, temporaryDirectory: String?) -> UnsafeMutablePointer<lxw_workbook>? {
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        guard let temporaryDirectory else { return workbook_new_opt(path, &options) }
        // workbook_new_opt copies both strings (lxw_strdup), so pointers that live only for
        // this call are enough.
        return temporaryDirectory.withCString { directory in
            options.tmpdir = UnsafeMutablePointer(mutating: directory)
            return workbook_new_opt(path, &options)
        }
    }

    /// Frees a workbook that will not be written.
    ///
    /// `lxw_workbook_free` in 1.1.4 does not close a constant-memory sheet's temporary file,
    /// leaking one descriptor per abandoned export, so it is closed here. The pointers are
    /// cleared so that a later libxlsxwriter which does close it cannot close it twice.
    static func discard(_ workbook: UnsafeMutablePointer<lxw_workbook>, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) {
        if let file = worksheet.pointee.optimize_tmpfile {
            fclose(file)
            worksheet.pointee.optimize_tmpfile = nil
            worksheet.pointee.file = nil
        }
        lxw_workbook_free(workbook)
    }

    /// Creates (or empties) the output file, with the system's reason if that is impossible.
    static func createEmptyFile(at path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw ExportError.cannotCreateFile(path: path, reason: String(cString: strerror(errno)))
        }
        fclose(file)
    }

    /// Whether `path` is a directory this process can create files in.
    static func isUsableDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.isWritableFile(atPath: path)
    }

    /// The error for a failed libxlsxwriter call, with `lxw_strerror`'s explanation.
    static func failure(_ function: String, _ code: lxw_error) -> ExportError {
        .libxlsxwriter(function: function, code: Int(code.rawValue), message: String(cString: lxw_strerror(code)))
    }
}
