import ArgumentParser
import Foundation
import SVFormsCore
import SVFormsReporting
import SVFormsStore

/// `svforms export responses|measure`: the same files as the web downloads, from the command line.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write responses or a measure as CSV or XLSX, byte for byte what the web download gives.")

    enum What: String, ExpressibleByArgument, CaseIterable {
        case responses, measure
    }

    @Argument(help: "responses or measure.") var what: What
    @Option(help: "The questionnaire id.") var form: String
    @Option(help: "The measure id (for `measure`), e.g. 2.2.1.a.") var measure: String?
    @Option(help: "csv or xlsx; by default taken from --out's extension, else csv.") var format: TableExport.Format?
    @Option(help: "The file to write; standard output when left out (CSV only).") var out: String?
    @Option(help: "Data directory holding the database (SVFORMS_DATA).") var data: String?
    @Option(help: "Folder of questionnaire files (SVFORMS_FORMS).") var forms: String?

    /// The format asked for, or the one --out's extension names.
    private var resolvedFormat: TableExport.Format {
        get throws {
            let fromName = out.flatMap { TableExport.Format(rawValue: ($0 as NSString).pathExtension.lowercased()) }
            if let format, let fromName, format != fromName {
                throw ValidationError("--format \(format.rawValue) does not match the file name \(out ?? "")")
            }
            return format ?? fromName ?? .csv
        }
    }

    func run() async throws {
        let format = try resolvedFormat
        guard out != nil || format == .csv else { throw ValidationError("an .xlsx export needs --out FILE") }
        let catalog: FormCatalog
        do {
            catalog = try FormCatalog.load(directory: Settings.value(forms, "SVFORMS_FORMS") ?? "./forms")
        } catch {
            throw ValidationError("the questionnaire files have problems; run `svforms check`:\n\(error)")
        }
        guard let questionnaire = catalog.questionnaire(id: form) else { throw ValidationError("there is no questionnaire \"\(form)\"") }
        let database = try AppDatabase(directory: Settings.value(data, "SVFORMS_DATA") ?? "./data")
        let reporter = ResultsReporter(catalog: catalog, database: database, now: { Date() })
        let export = try await makeExport(reporter, questionnaire)

        try await database.audit.record(
            AuditEvent(
                at: Date(), actor: Settings.commandLineActor, action: "export.\(export.kind).\(format.rawValue)", subject: export.subject,
                rowCount: export.rowCount))
        try await write(export, format)
        if let out {
            let afterProgress = what == .responses && isatty(STDERR_FILENO) == 1 ? "\n" : ""
            Settings.printError(afterProgress + "Wrote \(export.rowCount) rows to \(out).")
        }
    }

    private func makeExport(_ reporter: ResultsReporter, _ questionnaire: Questionnaire) async throws -> TableExport {
        switch what {
        case .responses:
            let progress = out != nil && isatty(STDERR_FILENO) == 1 ? Progress.line : nil
            return try await reporter.responsesExport(of: questionnaire, progress: progress)
        case .measure:
            let known = questionnaire.measures.map(\.id).joined(separator: ", ")
            guard let id = measure else { throw ValidationError("give --measure (this questionnaire has: \(known))") }
            guard let chosen = questionnaire.measures.first(where: { $0.id == id }) else {
                throw ValidationError("no measure \"\(id)\" in \(questionnaire.id) (it has: \(known))")
            }
            return try await reporter.measureExport(chosen, of: questionnaire)
        }
    }

    private func write(_ export: TableExport, _ format: TableExport.Format) async throws {
        switch format {
        case .xlsx:
            try await export.writeXLSX(path: out!)
        case .csv:
            let handle: FileHandle
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: nil) else { throw ValidationError("cannot write \(out)") }
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            } else {
                handle = .standardOutput
            }
            let file = OutputFile(handle: handle)
            try await export.writeCSV { bytes in try file.handle.write(contentsOf: bytes) }
            if out != nil { try handle.close() }
        }
    }
}

/// The output of one export, written by one task at a time.
private struct OutputFile: @unchecked Sendable {
    let handle: FileHandle
}

/// "Exported 12,500 responses" on one terminal line, rewritten as the export goes.
private enum Progress {
    static let line: @Sendable (Int) -> Void = { rows in
        FileHandle.standardError.write(Data("\rExported \(rows.formatted()) responses".utf8))
    }
}

extension TableExport.Format: ExpressibleByArgument {}
