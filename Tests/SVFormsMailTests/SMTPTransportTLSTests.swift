import Foundation
import Testing

@testable import SVFormsMail

/// The TLS rule against a real server: a non-loopback name (`mail.svforms.test`) that
/// libcurl's CONNECT_TO sends to the loopback sink, so nothing leaves the machine and no
/// DNS is asked.
@Suite("SMTPTransport TLS")
struct SMTPTransportTLSTests {
    private let host = "mail.svforms.test"

    private func settings(_ scheme: String, port: Int, caInfoPath: String?) -> SMTPSettings {
        var settings = SMTPSettings(
            url: "\(scheme)://\(host):\(port)", caInfoPath: caInfoPath, connectTimeout: .seconds(5), timeout: .seconds(20)
        )
        settings.connectTo = ["\(host):\(port):127.0.0.1:\(port)"]
        return settings
    }

    @Test func plainServerUnderARealNameIsASettingsProblem() async throws {
        // smtp:// to a non-loopback host requires STARTTLS; this server does not offer it.
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let transport = try SMTPTransport(settings: settings("smtp", port: sink.port, caInfoPath: nil))
        #expect(transport.requiresTLS)
        let error = await #expect(throws: DeliveryFailure.self) { try await transport.send(MailFixtures.message()) }
        #expect(error?.isTransient == true, "the message waits for the settings to be fixed")
        #expect(error?.message.contains("STARTTLS") == true, "\(String(describing: error))")
        #expect(error?.message.contains("curl error 64") == true, "\(String(describing: error))")
        #expect(try sink.received().isEmpty)
    }

    @Test func startTLSWithTrustedCertificateDelivers() async throws {
        let folder = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = try await TestCertificate.make(host: host, in: folder)
        let sink = try await SMTPSink(["--cert", certificate.certificatePath, "--key", certificate.keyPath, "--starttls"])
        defer { sink.stop() }
        let transport = try SMTPTransport(settings: settings("smtp", port: sink.port, caInfoPath: certificate.certificatePath))
        _ = try await transport.send(MailFixtures.message())
        #expect(try sink.received().count == 1)
    }

    @Test func untrustedCertificateIsASettingsProblem() async throws {
        let folder = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = try await TestCertificate.make(host: host, in: folder)
        let sink = try await SMTPSink(["--cert", certificate.certificatePath, "--key", certificate.keyPath, "--starttls"])
        defer { sink.stop() }
        // No CA bundle: the system's authorities do not know this self-signed certificate.
        let transport = try SMTPTransport(settings: settings("smtp", port: sink.port, caInfoPath: nil))
        let error = await #expect(throws: DeliveryFailure.self) { try await transport.send(MailFixtures.message()) }
        #expect(error?.isTransient == true, "the message waits for the settings to be fixed")
        #expect(error?.message.contains("curl error 60") == true, "\(String(describing: error))")
        #expect(try sink.received().isEmpty)
    }

    @Test func implicitTLSDelivers() async throws {
        let folder = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = try await TestCertificate.make(host: host, in: folder)
        let sink = try await SMTPSink(["--cert", certificate.certificatePath, "--key", certificate.keyPath, "--implicit-tls"])
        defer { sink.stop() }
        let transport = try SMTPTransport(settings: settings("smtps", port: sink.port, caInfoPath: certificate.certificatePath))
        _ = try await transport.send(MailFixtures.message())
        #expect(try sink.received().count == 1)
    }
}
