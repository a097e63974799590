import Hummingbird
import NIOCore
import SVFormsCore
import SVFormsStore

/// The request context for every route: who is signed in, and where the request came from.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection's peer address (the reverse proxy's, when there is one).
    public let remoteAddress: SocketAddress?
    /// Set by `SessionMiddleware` on signed-in routes.
    var account: Account?
    /// The signed-in session's cookie token, for its anti-forgery tokens and for signing out.
    var sessionToken: String?
    /// A POST's form, read and checked for forgery by `FormPostMiddleware`.
    var form: FormInput?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Larger form posts are refused with 413: the longest answers fit easily in 256 KB.
    public static let maxBodyBytes = 256 * 1024

    public var maxUploadSize: Int { Self.maxBodyBytes }
}
