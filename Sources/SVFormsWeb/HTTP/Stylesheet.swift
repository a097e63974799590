import Crypto
import Foundation
import Hummingbird
import SVFormsBackground

/// The site's one stylesheet, read at start-up and served under a name that changes with its
/// content, so browsers may cache it for a year and still never see a stale copy.
struct Stylesheet: Sendable {
    let path: String
    let body: ByteBuffer

    static let fileName = "assets/svforms.css"

    init(templatesDirectory: String) throws(TemplateProblem) {
        let file = (templatesDirectory as NSString).appendingPathComponent(Self.fileName)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TemplateProblem("missing stylesheet \(file)")
        }
        let digest = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
        path = "/assets/svforms-\(digest).css"
        body = ByteBuffer(bytes: data)
    }

    func response() -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable",
                .contentLength: String(body.readableBytes),
            ],
            body: .init(byteBuffer: body))
    }
}
