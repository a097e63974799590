import Hummingbird
import Logging
import SVFormsCore
import SVFormsStore

/// The one place errors become pages. Known HTTP errors get a plain explanation; anything else
/// is logged with a reference and the person sees only that reference, never the error text.
/// A page under `/f/{form}` keeps that form's header, and on public forms the safeguarding
/// contacts and "Exit this page".
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let catalog: FormCatalog
    let presenter: Presenter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let questionnaire = questionnaire(for: request.uri.path)
        do {
            return try await next(request, context)
        } catch let error as WebError {
            var response = page(for: error.status, questionnaire: questionnaire, explanation: Self.explanation(for: error))
            switch error {
            case .tooManyAttempts(let seconds), .tooManySubmissions(let seconds): response.headers[.retryAfter] = String(seconds)
            default: break
            }
            return response
        } catch let error as any HTTPResponseError {
            return page(for: error.status, questionnaire: questionnaire)
        } catch let error as StorageUnavailable {
            let reference = Reference.generate()
            context.logger.error("storage unavailable", metadata: ["reference": .string(reference), "error": .string(error.description)])
            return page(for: .serviceUnavailable, questionnaire: questionnaire, reference: reference)
        } catch {
            let reference = Reference.generate()
            context.logger.error(
                "internal error",
                metadata: ["reference": .string(reference), "error": .string(LogText.withoutEmailAddresses(String(reflecting: error)))])
            return page(for: .internalServerError, questionnaire: questionnaire, reference: reference)
        }
    }

    private func questionnaire(for path: String) -> Questionnaire? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts[0] == "f" else { return nil }
        return catalog.questionnaire(id: String(parts[1])).flatMap { $0.isOpenToPublicLink ? $0 : nil }
    }

    func page(
        for status: HTTPResponse.Status, questionnaire: Questionnaire? = nil, reference: String? = nil,
        explanation: (String, [String])? = nil
    ) -> Response {
        let (heading, paragraphs) = explanation ?? Self.explanation(for: status)
        let view = ErrorPageView(
            layout: presenter.layout(title: heading, questionnaire: questionnaire), heading: heading, paragraphs: paragraphs,
            reference: reference)
        return presenter.response(.error, view, status: status)
    }

    static func explanation(for error: WebError) -> (String, [String]) {
        switch error {
        case .notPermitted:
            (
                "You do not have access to this page",
                [
                    "Your account does not include this. If you need it, ask an administrator."
                ]
            )
        case .tooManyAttempts(let seconds):
            (
                "Too many attempts",
                [
                    "There have been too many unsuccessful attempts from your connection. For your security, wait "
                        + (seconds <= 60 ? "a minute" : "\((seconds + 59) / 60) minutes") + " and try again."
                ]
            )
        case .tooManySubmissions(let seconds):
            (
                "Please wait before sending this",
                [
                    "A lot of forms have been sent from your connection in the last few minutes, so we have paused it for a moment.",
                    "Your answers are saved. Wait " + (seconds <= 60 ? "a minute" : "\((seconds + 59) / 60) minutes")
                        + ", then go back to \"Check your answers\" and press Submit again.",
                ]
            )
        case .roundNotOpenYet(let day):
            ("This survey is not open yet", ["It opens on \(day.longDescription). Come back then with the same link."])
        case .roundClosed(let day):
            (
                "This survey has closed",
                [
                    "It closed on \(day.longDescription), so answers can no longer be sent.",
                    "If you still want to tell the partnership something, contact the person who invited you.",
                ]
            )
        default:
            explanation(for: error.status)
        }
    }

    static func explanation(for status: HTTPResponse.Status) -> (String, [String]) {
        switch status {
        case .notFound, .methodNotAllowed:
            (
                "Page not found",
                [
                    "If you typed the web address, check it is correct.",
                    "If you pasted the web address, check you copied the entire address.",
                ]
            )
        case .forbidden:
            (
                "Sorry, we could not save that page",
                [
                    "This can happen if the page was open for a long time, or if cookies are turned off in your browser.",
                    "Go back, reload the page and try again. Answers you have already saved are kept.",
                ]
            )
        case .contentTooLarge:
            ("Your answer is too long to send", ["Go back and shorten your answer, then try again."])
        case .serviceUnavailable:
            (
                "Sorry, the service is unavailable",
                [
                    // Said of a submit too, where the answers are kept as a draft: "not saved" would alarm for nothing.
                    "We could not save this just now. Answers you saved before are kept.",
                    "Please try again in a few minutes.",
                ]
            )
        case .internalServerError:
            (
                "Sorry, there is a problem with the service",
                [
                    "Your last answer may not have been saved. Please try again later."
                ]
            )
        default:
            ("Sorry, there is a problem with what was sent", ["Go back and try again."])
        }
    }
}
