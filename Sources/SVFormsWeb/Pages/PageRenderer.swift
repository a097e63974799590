import Foundation
import Hummingbird
import Mustache
import SVFormsBackground

/// Holds every page template, parsed once at start-up, and renders view models into responses.
struct PageRenderer: Sendable {
    let library: TemplateLibrary
    let prerendered = PrerenderedPages()

    /// Refuses to start when a page's template, or anything it includes, is missing.
    init(_ library: TemplateLibrary) throws(TemplateProblem) {
        try library.check(Template.allCases.map(\.rawValue))
        self.library = library
    }

    func html(_ template: Template, _ view: some MustacheParent) -> String {
        // Every template, and all it includes, was found and parsed at start-up.
        library.render(template.rawValue, view)
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
