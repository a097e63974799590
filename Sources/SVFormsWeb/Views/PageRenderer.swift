import Foundation
import Hummingbird
import Mustache

/// Holds every page template, parsed once at start-up, and renders view models into responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let prerendered = PrerenderedPages()

    /// Templates the server cannot run without; checked at start-up so a missing one
    /// stops the server with a clear message instead of failing on the first request.
    static let requiredTemplates = MailComposer.templates + [
        "layout", "index", "start", "question", "check_answers", "confirmation", "error", "simple_form", "dashboard", "audit", "rounds", "round", "mail",
        "partials/error_summary", "partials/field_header", "partials/choices", "partials/text_input",
        "partials/textarea", "partials/date_input", "partials/question", "partials/engagement_tables",
        "meetings", "meeting", "figures", "report", "report_list", "partials/trend_chart",
        "voices", "voice", "retention", "link_responses",
    ]

    init(directory: String) async throws(TemplateProblem) {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw TemplateProblem("the templates folder \(directory) does not exist")
        }
        do {
            library = try await MustacheLibrary(directory: directory)
        } catch let error as MustacheLibrary.ParserError {
            throw TemplateProblem(
                "\(directory)/\(error.filename):\(error.context.lineNumber): template syntax error: \(error.error)")
        } catch {
            throw TemplateProblem("cannot read templates from \(directory): \(error)")
        }
        let missing = Self.requiredTemplates.filter { library.getTemplate(named: $0) == nil }
        guard missing.isEmpty else {
            throw TemplateProblem("missing templates in \(directory): " + missing.map { "\($0).mustache" }.joined(separator: ", "))
        }
    }

    func html(_ template: String, _ view: some MustacheParent) -> String {
        // Every name passed here is in `requiredTemplates`, checked at start-up.
        library.render(view, withTemplate: template) ?? ""
    }

    func response(_ template: String, _ view: some MustacheParent, status: HTTPResponse.Status = .ok) -> Response {
        htmlResponse(html(template, view), status: status)
    }

    /// The same bytes as `response`, from a copy rendered ahead when the page has been seen in this shape.
    func response(_ template: String, prerendering view: some PrerenderablePage) -> Response {
        htmlResponse(prerenderedHTML(template, view) ?? html(template, view), status: .ok)
    }

    func prerenderedHTML<View: PrerenderablePage>(_ template: String, _ view: View) -> String? {
        guard let (shape, holes) = view.shape() else { return nil }
        let page = prerendered.page(for: PrerenderKey(template: template, shape: shape), holeCount: holes.count) { html(template, shape) }
        return page?.filled(with: holes)
    }

    private func htmlResponse(_ html: String, status: HTTPResponse.Status) -> Response {
        let buffer = ByteBuffer(string: html)
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentLength: String(buffer.readableBytes)],
            body: .init(byteBuffer: buffer))
    }
}

/// A page's shape and the template it is rendered with.
private struct PrerenderKey<Shape: Hashable>: Hashable {
    let template: String
    let shape: Shape
}

/// A template that is missing or cannot be parsed.
public struct TemplateProblem: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
