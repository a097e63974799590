import Foundation

/// A self-signed certificate (its own CA) for a test host name, made with openssl.
struct TestCertificate {
    let certificatePath: String
    let keyPath: String

    /// Creates a P-256 key and a one-day certificate for `host` in `directory`.
    static func make(host: String, in directory: URL) async throws -> TestCertificate {
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        try await ChildProcess.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=\(host)",
                "-addext", "subjectAltName=DNS:\(host)",
            ])
        return TestCertificate(certificatePath: certificate, keyPath: key)
    }
}
