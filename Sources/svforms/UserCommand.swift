import ArgumentParser
import Foundation
import SVFormsCore
import SVFormsStore
import SVFormsWeb

/// `svforms user add | list | disable`: accounts for leads, viewers and admins.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the accounts that sign in.", subcommands: [Add.self, List.self, Disable.self])

    struct DataOption: ParsableArguments {
        @Option(help: "Data directory holding the database (SVFORMS_DATA).") var data: String?

        func open() throws -> AppDatabase {
            try AppDatabase(directory: Settings.value(data, "SVFORMS_DATA") ?? "./data")
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account. The password is read from standard input, or asked for twice on a terminal.")

        @Argument(help: "The email address the person signs in with.") var email: String
        @Option(help: "admin, lead or viewer.") var role: Role
        @OptionGroup var options: DataOption

        func run() async throws {
            guard EmailAddress.isPlausible(email) else { throw ValidationError("\"\(email)\" is not an email address") }
            let password = try PasswordPrompt.read()
            if let problem = PasswordHasher.problem(with: password) { throw ValidationError(problem) }
            let database = try options.open()
            let hash = try await PasswordHasher().hash(password)
            do {
                try await database.accounts.createAccount(email: email, passwordHash: hash, role: role, at: Date())
            } catch AccountError.emailAlreadyUsed {
                throw ValidationError("an account for \(email) already exists")
            }
            try await database.audit.record(
                AuditEvent(at: Date(), actor: Settings.commandLineActor, action: "account.created", subject: "\(email) (\(role.rawValue))"))
            print("Added \(email) as \(role.rawValue).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var options: DataOption

        func run() async throws {
            let accounts = try await options.open().accounts.accounts()
            if accounts.isEmpty { print("No accounts yet.") }
            for account in accounts {
                let status = account.isDisabled ? "disabled" : "active"
                print("\(account.email)\t\(account.role.rawValue)\t\(status)\tcreated \(account.createdAt.formatted(.iso8601))")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @Argument var email: String
        @OptionGroup var options: DataOption

        func run() async throws {
            let database = try options.open()
            do {
                try await database.accounts.disableAccount(email: email, at: Date())
            } catch AccountError.noSuchAccount {
                throw ValidationError("there is no account for \(email)")
            } catch AccountError.lastActiveAdmin {
                throw ValidationError("\(email) is the last active admin; add another admin first")
            }
            try await database.audit.record(AuditEvent(at: Date(), actor: Settings.commandLineActor, action: "account.disabled", subject: email))
            print("Disabled \(email); its sessions have ended.")
        }
    }
}

extension Role: ExpressibleByArgument {}
