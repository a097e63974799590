import Foundation
import Mustache

/// Every template in the templates folder, parsed once at start-up, for the pages and the emails
/// alike. `check` refuses a set of templates any of which is missing, with all they include:
/// swift-mustache would render a missing one as nothing (an empty page, an empty email).
public struct TemplateLibrary: Sendable {
    public let directory: String
    public let library: MustacheLibrary

    public init(directory: String) async throws(TemplateProblem) {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw TemplateProblem("the templates folder \(directory) does not exist")
        }
        self.directory = directory
        do {
            library = try await MustacheLibrary(directory: directory)
        } catch let error as MustacheLibrary.ParserError {
            throw TemplateProblem("\(directory)/\(error.filename):\(error.context.lineNumber): template syntax error: \(error.error)")
        } catch {
            throw TemplateProblem("cannot read templates from \(directory): \(error)")
        }
    }

    /// Throws, naming each, when any of `names` or anything they include or extend has no file.
    public func check(_ names: [String]) throws(TemplateProblem) {
        let missing = TemplateReferences.walk(from: names, in: directory).missing
        guard missing.isEmpty else {
            throw TemplateProblem(
                "missing templates in \(directory): "
                    + missing.map { item in
                        "\(item.name).mustache" + (item.namedBy.map { " (named by \($0).mustache)" } ?? "")
                    }.joined(separator: ", "))
        }
    }

    /// The template rendered with `view`; callers pass only names they checked at start-up.
    public func render(_ name: String, _ view: some MustacheParent) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}

/// A template that is missing or cannot be parsed.
public struct TemplateProblem: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The emails' templates: a plain-text and an HTML part each.
public enum EmailTemplate: String, CaseIterable, Sendable {
    case invitationText = "email/invitation_text"
    case invitationHTML = "email/invitation_html"
    case submissionText = "email/submission_text"
    case submissionHTML = "email/submission_html"
    case digestText = "email/digest_text"
    case digestHTML = "email/digest_html"
    case receiptText = "email/receipt_text"
    case receiptHTML = "email/receipt_html"
}
