import Hummingbird

/// The request context for every route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Larger form posts are refused with 413: the longest answers fit easily in 256 KB.
    public static let maxBodyBytes = 256 * 1024

    public var maxUploadSize: Int { Self.maxBodyBytes }
}
