import ArgumentParser

/// `svforms serve | check | user | export | backup | restore`.
@main
struct SVForms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svforms",
        abstract: "Surveys and community voices for Serious Violence Reduction Partnerships.",
        subcommands: [Serve.self, Check.self, UserCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self])
}
