import Foundation
import Logging
import Testing

@testable import SVFormsMail

@Suite("FileDropTransport")
struct FileDropTransportTests {
    private let logger = Logger(label: "svforms.mail.test")

    @Test func writesOneParsableFilePerMessage() async throws {
        let folder = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("data/mail").path  // created on demand
        let transport = FileDropTransport(directory: directory, logger: logger)
        let first = try MailFixtures.message(subject: "First £", html: "<p>one</p>")
        let second = try MailFixtures.message(to: ["other@example.org"], subject: "Second")

        let receipt = try await transport.send(first)
        _ = try await transport.send(second)

        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files.count == 2, "\(files)")
        #expect(files.allSatisfy { $0.hasPrefix("20251104T090500Z-") && $0.hasSuffix(".eml") })
        #expect(receipt.description.hasPrefix(directory + "/"))
        let parsed = try await ParsedMail.parse(file: receipt.description)
        #expect(parsed.subject == "First £")
        #expect(parsed.messageID == first.messageID)
        #expect(parsed.to == [["", "rep@example.org"]])
        #expect(parsed.content(of: "text/plain") == first.text)
        #expect(parsed.content(of: "text/html") == "<p>one</p>")
        let mode = try FileManager.default.attributesOfItem(atPath: receipt.description)[.posixPermissions] as? Int
        #expect(mode == 0o600, "mail holds personal links: owner only")
    }

    @Test func sendingTheSameMessageAgainReplacesItsFile() async throws {
        let folder = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = FileDropTransport(directory: folder.path, logger: logger)
        let message = try MailFixtures.message()
        let first = try await transport.send(message)
        let again = try await transport.send(message)
        #expect(first == again)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [(first.description as NSString).lastPathComponent])
    }

    @Test func fileNameIsSafeWhateverTheMessageID() throws {
        let message = try MailMessage(
            from: MailFixtures.sender(), to: [MailAddress("rep@example.org")], subject: "s", text: "t", html: "h",
            messageID: "<a/.b$c+d@example.org>", date: MailFixtures.date
        )
        #expect(FileDropTransport.fileName(for: message) == "20251104T090500Z-a_.b_c_d@example.org.eml")
    }

    @Test func unwritableFolderIsTransient() async throws {
        let folder = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let transport = FileDropTransport(directory: blocker.path, logger: logger)
        let error = await #expect(throws: DeliveryFailure.self) { try await transport.send(MailFixtures.message()) }
        #expect(error?.isTransient == true)
    }
}
