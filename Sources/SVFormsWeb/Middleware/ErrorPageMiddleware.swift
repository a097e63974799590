import Hummingbird
import Logging
import SVFormsCore
import SVFormsStore

/// The one place errors become pages. Known HTTP errors get a plain explanation; anything else
/// is logged with a reference and the person sees only that reference, never the error text.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            return page(for: error.status)
        } catch is StorageUnavailable {
            context.logger.error("storage unavailable", metadata: ["path": .string(request.uri.path)])
            return page(for: .serviceUnavailable)
        } catch {
            let reference = Reference.generate()
            context.logger.error(
                "internal error", metadata: ["reference": .string(reference), "error": .string(String(reflecting: error))])
            return page(for: .internalServerError, reference: reference)
        }
    }

    func page(for status: HTTPResponse.Status, reference: String? = nil) -> Response {
        let (heading, paragraphs) = Self.explanation(for: status)
        let view = ErrorPageView(layout: site.layout(title: heading), heading: heading, paragraphs: paragraphs, reference: reference)
        return site.renderer.response("error", view, status: status)
    }

    static func explanation(for status: HTTPResponse.Status) -> (String, [String]) {
        switch status {
        case .notFound, .methodNotAllowed:
            ("Page not found", [
                "If you typed the web address, check it is correct.",
                "If you pasted the web address, check you copied the entire address.",
            ])
        case .forbidden:
            ("Sorry, we could not save that page", [
                "This can happen if the page was open for a long time, or if cookies are turned off in your browser.",
                "Go back, reload the page and try again. Answers you have already saved are kept.",
            ])
        case .contentTooLarge:
            ("Your answer is too long to send", ["Go back and shorten your answer, then try again."])
        case .serviceUnavailable:
            ("Sorry, the service is unavailable", [
                "Your answer has not been saved. Please try again in a few minutes.",
            ])
        case .internalServerError:
            ("Sorry, there is a problem with the service", [
                "Your last answer may not have been saved. Please try again later.",
            ])
        default:
            ("Sorry, there is a problem with what was sent", ["Go back and try again."])
        }
    }
}
