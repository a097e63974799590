import ArgumentParser
import SVFormsCore

/// `svforms check`: validates the questionnaire files and lists every problem as `file:line: message`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the questionnaire files without starting the server.")

    @Option(help: "Folder of questionnaire files (SVFORMS_FORMS).") var forms: String?

    func run() throws {
        let directory = Settings.value(forms, "SVFORMS_FORMS") ?? "./forms"
        do {
            let catalog = try FormCatalog.load(directory: directory)
            let count = catalog.questionnaires.count
            print("\(directory): partnership and \(count) questionnaire\(count == 1 ? "" : "s") are valid")
        } catch {
            for problem in error.problems { print(problem) }
            let count = error.problems.count
            Settings.printError("\(count) problem\(count == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
    }
}
