import ArgumentParser
import Foundation
import SVFormsStore

/// `svforms backup PATH`: a consistent copy of the database while the server keeps running.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to PATH while the server runs (a file, or a folder for a time-stamped file).",
        discussion: """
            The copy is one self-contained SQLite file, checked with SQLite's integrity check before it is \
            given its name, readable only by its owner. It holds every answer and the server's signing secret: \
            keep it as safe as the server. Restore it with `svforms restore`.
            """)

    @Argument(help: "The file to create, or an existing folder to put svforms-<time>.sqlite in.") var path: String
    @Option(help: "Data directory holding the database (SVFORMS_DATA).") var data: String?

    func run() throws {
        let directory = Settings.value(data, "SVFORMS_DATA") ?? "./data"
        do {
            let (written, check) = try DatabaseBackup.backUp(dataDirectory: directory, to: path, now: Date())
            print("Backed up \(check.responses) responses (\(check.bytes) bytes, integrity ok) to \(written)")
        } catch let problem as DatabaseFileProblem {
            Settings.printError("svforms backup: \(problem)")
            throw ExitCode(1)
        }
    }
}
