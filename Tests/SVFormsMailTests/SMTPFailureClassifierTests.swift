import CCurl
import Testing
@testable import SVFormsMail

@Suite("SMTP failure classification")
struct SMTPFailureClassifierTests {
    private func isTransient(_ code: CURLcode, _ reply: Int) -> Bool {
        SMTPFailureClassifier.classify(curlCode: code, replyCode: reply, detail: "d").isTransient
    }

    @Test func replyCodesDecide() {
        #expect(!isTransient(CURLE_SEND_ERROR, 550))  // RCPT refused
        #expect(!isTransient(CURLE_SEND_ERROR, 554))
        #expect(!isTransient(CURLE_RECV_ERROR, 552))
        #expect(isTransient(CURLE_SEND_ERROR, 451))   // RCPT deferred
        #expect(isTransient(CURLE_RECV_ERROR, 421))   // service closing
        #expect(isTransient(CURLE_WEIRD_SERVER_REPLY, 452))
    }

    @Test func networkTroubleIsTransient() {
        for code in [CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_RESOLVE_HOST, CURLE_SEND_ERROR,
                     CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SSL_CONNECT_ERROR, CURLE_WEIRD_SERVER_REPLY] {
            #expect(isTransient(code, 0), "curl error \(code.rawValue)")
        }
    }

    @Test func settingsProblemsArePermanentWhateverTheReply() {
        // STARTTLS refused with "454 TLS not available" is a 4xx, but retrying cannot help.
        #expect(!isTransient(CURLE_USE_SSL_FAILED, 454))
        #expect(!isTransient(CURLE_USE_SSL_FAILED, 0))
        #expect(!isTransient(CURLE_PEER_FAILED_VERIFICATION, 0))
        #expect(!isTransient(CURLE_SSL_CACERT_BADFILE, 0))
        #expect(!isTransient(CURLE_LOGIN_DENIED, 535))
        #expect(isTransient(CURLE_LOGIN_DENIED, 454), "454 4.7.0 is a temporary authentication failure")
    }

    @Test func messageKeepsTheDetail() {
        let failure = SMTPFailureClassifier.classify(curlCode: CURLE_SEND_ERROR, replyCode: 550, detail: "SMTP 550 5.1.1 no such user")
        #expect(failure == .permanent("the SMTP server refused the message: SMTP 550 5.1.1 no such user"))
    }
}
