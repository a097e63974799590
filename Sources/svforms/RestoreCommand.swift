import ArgumentParser
import Foundation
import SVFormsStore

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
