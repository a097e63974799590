import Foundation
import Hummingbird
import Logging

/// One log line per request: method, the matched route pattern (`/i/{token}`, never the token
/// itself, and never the query string, which can hold search words), status and duration. The
/// request id Hummingbird gives each request is in the logger's metadata, and the response carries
/// it as `X-Request-Id` so a support call can find the line. Health probes log at debug level, so a
/// proxy checking every few seconds does not drown the log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = context.id
            log(request, context, status: response.status, since: started)
            return response
        } catch {
            log(request, context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: HTTPResponse.Status, since started: ContinuousClock.Instant) {
        let route = context.endpointPath.map { $0 == "NotFound" ? "(no route)" : $0 } ?? "(no route)"
        let isProbe = route == "/healthz" || route == "/readyz"
        context.logger.log(
            level: isProbe ? .debug : .info, "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "route": .string(route),
                "status": .stringConvertible(status.code),
                "duration_ms": .string(String(format: "%.1f", (ContinuousClock.now - started).milliseconds)),
            ])
    }
}
