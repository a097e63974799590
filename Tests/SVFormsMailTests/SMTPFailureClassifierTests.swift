import CCurl
import Testing

@testable import SVFormsMail

@Suite("SMTP failure classification")
struct SMTPFailureClassifierTests {
    private func isTransient(_ code: CURLcode, _ reply: Int, _ errorText: String = "") -> Bool {
        SMTPFailureClassifier.classify(curlCode: code, replyCode: reply, errorText: errorText, detail: "d").isTransient
    }

    @Test func refusalsOfThisMessageArePermanent() {
        #expect(!isTransient(CURLE_SEND_ERROR, 550, "RCPT failed: 550"))
        #expect(!isTransient(CURLE_SEND_ERROR, 553, "RCPT failed: 553 (last error)"))
        #expect(!isTransient(CURLE_SEND_ERROR, 554, "DATA failed: 554"))
        // After the message data libcurl sets no text of its own, so the generic one is used.
        #expect(!isTransient(CURLE_WEIRD_SERVER_REPLY, 554, "Weird server reply"))
    }

    @Test func deferralsAreTransient() {
        #expect(isTransient(CURLE_SEND_ERROR, 451, "RCPT failed: 451"))
        #expect(isTransient(CURLE_RECV_ERROR, 421))
        #expect(isTransient(CURLE_WEIRD_SERVER_REPLY, 452, "Weird server reply"))
    }

    @Test func serverWideRefusalsWaitForTheAdministrator() {
        // The sender address refused, the greeting refused: every message would fail alike.
        #expect(isTransient(CURLE_SEND_ERROR, 550, "MAIL failed: 550"))
        #expect(isTransient(CURLE_WEIRD_SERVER_REPLY, 554, "Got unexpected smtp-server response: 554"))
        #expect(isTransient(CURLE_REMOTE_ACCESS_DENIED, 530, "Remote access denied: 530"))
    }

    @Test func networkTroubleIsTransient() {
        for code in [
            CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_RESOLVE_HOST, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SSL_CONNECT_ERROR, CURLE_WEIRD_SERVER_REPLY,
        ] {
            #expect(isTransient(code, 0), "curl error \(code.rawValue)")
        }
    }

    @Test func settingsProblemsAreTransientAndSaySo() {
        // STARTTLS refused with "454 TLS not available", a wrong password's 535: the
        // administrator fixes the settings and the waiting messages then go.
        for (code, reply) in [
            (CURLE_USE_SSL_FAILED, 454), (CURLE_USE_SSL_FAILED, 0), (CURLE_PEER_FAILED_VERIFICATION, 0),
            (CURLE_SSL_CACERT_BADFILE, 0), (CURLE_LOGIN_DENIED, 535), (CURLE_LOGIN_DENIED, 454),
        ] {
            let failure = SMTPFailureClassifier.classify(curlCode: code, replyCode: reply, errorText: "", detail: "d")
            #expect(failure.isTransient, "curl error \(code.rawValue)")
            #expect(failure.message.hasPrefix("SMTP settings problem"), "\(failure)")
        }
    }

    @Test func messageKeepsTheDetail() {
        let failure = SMTPFailureClassifier.classify(
            curlCode: CURLE_SEND_ERROR, replyCode: 550, errorText: "RCPT failed: 550", detail: "SMTP 550 5.1.1 no such user"
        )
        #expect(failure == .permanent("the SMTP server refused this message: SMTP 550 5.1.1 no such user"))
    }
}
