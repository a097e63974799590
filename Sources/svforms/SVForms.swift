import ArgumentParser

/// `svforms serve | check`.
@main
struct SVForms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svforms",
        abstract: "Surveys and community voices for Serious Violence Reduction Partnerships.",
        subcommands: [Serve.self, Check.self, UserCommand.self, ExportCommand.self])
}
