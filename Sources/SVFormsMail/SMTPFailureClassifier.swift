import CCurl

/// Decides whether a failed libcurl SMTP transfer is worth retrying.
///
/// Only a refusal of this message or this recipient is permanent: a 5xx reply to RCPT TO
/// ("550 no such user"), to DATA, or to the message itself once sent ("554 rejected as
/// spam"). Everything else is transient, including settings and server-wide problems (TLS
/// not offered, certificate not trusted, login refused, sender address refused): those hit
/// every message alike and are fixed by an administrator, after which the waiting messages
/// should still go. The outbox gives up on a transient failure only when the message is old.
enum SMTPFailureClassifier {
    /// The failure for a transfer that ended with `curlCode` (not CURLE_OK) after the server's
    /// last reply `replyCode` (0 when there was none). `errorText` is libcurl's own error text
    /// (which names the SMTP command that failed); `detail` is the full text for people.
    static func classify(curlCode: CURLcode, replyCode: Int, errorText: String, detail: String) -> DeliveryFailure {
        if (500...599).contains(replyCode) && refusesThisMessage(curlCode: curlCode, errorText: errorText) {
            return .permanent("the SMTP server refused this message: \(detail)")
        }
        switch curlCode {
        case CURLE_USE_SSL_FAILED:
            // STARTTLS is required (smtp:// to a non-loopback host) but the server refused it.
            return .transient("SMTP settings problem: the server does not offer STARTTLS, which svforms requires: \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION:
            return .transient("SMTP settings problem: the server's TLS certificate is not trusted: \(detail)")
        case CURLE_SSL_CACERT_BADFILE:
            return .transient("SMTP settings problem: the CA bundle cannot be read: \(detail)")
        case CURLE_LOGIN_DENIED:
            return .transient("SMTP settings problem: the server refused the user name or password: \(detail)")
        default:
            break
        }
        switch replyCode {
        case 500...599:
            return .transient("the SMTP server refused to take mail from svforms (check the settings and sender address): \(detail)")
        case 400...499:
            return .transient("the SMTP server deferred the message: \(detail)")
        default:
            return .transient("could not deliver to the SMTP server: \(detail)")
        }
    }

    /// True when the failed step was about this message rather than the server or settings:
    /// libcurl reports RCPT TO and DATA refusals as "RCPT failed: 550" and "DATA failed: 554",
    /// and a refusal after the message data as CURLE_WEIRD_SERVER_REPLY without text of its
    /// own (its greeting and EHLO failures say "Got unexpected smtp-server response").
    private static func refusesThisMessage(curlCode: CURLcode, errorText: String) -> Bool {
        if errorText.hasPrefix("RCPT failed") || errorText.hasPrefix("DATA failed") { return true }
        return curlCode == CURLE_WEIRD_SERVER_REPLY && !errorText.hasPrefix("Got unexpected")
    }
}
