import Foundation
import Hummingbird
import Mustache

/// Holds every page template, parsed once at start-up, and renders view models into responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let prerendered = PrerenderedPages()

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
        // Checked here so a missing one stops the server with its name instead of rendering as nothing.
        let missing = TemplateReferences.walk(from: Template.allCases.map(\.rawValue), in: directory).missing
        guard missing.isEmpty else {
            throw TemplateProblem("missing templates in \(directory): " + missing.map { item in
                "\(item.name).mustache" + (item.namedBy.map { " (named by \($0).mustache)" } ?? "")
            }.joined(separator: ", "))
        }
    }

    func html(_ template: Template, _ view: some MustacheParent) -> String {
        // Every template, and all it includes, was found and parsed at start-up.
        library.render(view, withTemplate: template.rawValue) ?? ""
    }

    func response(_ template: Template, _ view: some MustacheParent, status: HTTPResponse.Status = .ok) -> Response {
        htmlResponse(html(template, view), status: status)
    }

    /// The same bytes as `response`, from a copy rendered ahead when the page has been seen in this shape.
    func response(_ template: Template, prerendering view: some PrerenderablePage) -> Response {
        htmlResponse(prerenderedHTML(template, view) ?? html(template, view), status: .ok)
    }

    func prerenderedHTML<View: PrerenderablePage>(_ template: Template, _ view: View) -> String? {
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
    let template: Template
    let shape: Shape
}

/// A template that is missing or cannot be parsed.
public struct TemplateProblem: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
