import Foundation
import Logging
import NIOPosix

/// With no SMTP server configured: writes each message as an `.eml` file in a folder (for
/// svforms, `data/mail/`) and logs the path, so mail can be read and links followed during
/// development or on a machine that has no mail relay.
///
/// Files are named by the message's date and Message-ID, written atomically, readable by
/// the owner only. Sending the same message again replaces its file rather than adding
/// one. It fails (transiently) only when the disk does.
public struct FileDropTransport: MailTransport {
    public let directory: String
    private let logger: Logger
    private let threadPool: NIOThreadPool

    public init(directory: String, logger: Logger, threadPool: NIOThreadPool = .singleton) {
        self.directory = directory
        self.logger = logger
        self.threadPool = threadPool
    }

    /// Writes `message` as an `.eml` file; the receipt is its path.
    public func send(_ message: MailMessage) async throws(DeliveryFailure) -> DeliveryReceipt {
        let bytes = message.rendered()
        let name = Self.fileName(for: message)
        let directory = directory
        let path: String
        do {
            // fsync can take a while on real disks: keep it off the cooperative pool.
            path = try await threadPool.runIfActive {
                try AtomicFileWriter.write(bytes, directory: directory, name: name)
            }
        } catch {
            throw .transient("could not write the mail file: \(error)")
        }
        logger.info(
            "mail written to file (no SMTP server configured)",
            metadata: [
                "path": .string(path), "message-id": .string(message.messageID),
            ])
        return DeliveryReceipt(path)
    }

    /// `20251104T090500Z-<Message-ID without brackets>.eml`, with anything but letters,
    /// digits, ".", "-", "_" and "@" replaced by "_" so the name is safe in any folder.
    static func fileName(for message: MailMessage) -> String {
        let stamp = MailDate.compactStamp(message.date)
        let id = message.messageID.dropFirst().dropLast().prefix(120)
        let safe = String(
            id.unicodeScalars.map { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-_@".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        return "\(stamp)-\(safe).eml"
    }
}
