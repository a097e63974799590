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

/// `svforms restore BACKUP`: puts a backup in place of the database, with the server stopped.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database in the data directory with a backup. Stop the server first.",
        discussion: """
            Refuses while a server (or another restore) is using the data directory. The backup is checked \
            first; the database it replaces is moved into a replaced-<time> folder in the data directory, \
            never deleted. Start the server afterwards: it upgrades an older backup as it opens it.
            """)

    @Argument(help: "The backup file made by `svforms backup`.") var backup: String
    @Option(help: "Data directory holding the database (SVFORMS_DATA).") var data: String?

    func run() throws {
        let directory = Settings.value(data, "SVFORMS_DATA") ?? "./data"
        do {
            let lock = try DataDirectoryLock(directory: directory)
            let (check, replaced) = try withExtendedLifetime(lock) {
                try DatabaseBackup.restore(backup, into: directory, now: Date())
            }
            print("Restored \(check.responses) responses from \(backup) into \(directory)")
            if let replaced { print("The database it replaced is kept in \(replaced)") }
        } catch let held as DataDirectoryLock.Held {
            Settings.printError("svforms restore: \(held). Stop the server first (e.g. `systemctl stop svforms`).")
            throw ExitCode(1)
        } catch let problem as DatabaseFileProblem {
            Settings.printError("svforms restore: \(problem). Nothing was changed.")
            throw ExitCode(1)
        }
    }
}
