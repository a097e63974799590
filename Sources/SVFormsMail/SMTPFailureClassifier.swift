import CCurl

/// Decides whether a failed libcurl SMTP transfer is worth retrying.
///
/// Settings problems come first, because their reply code can mislead: STARTTLS refused
/// with "454 TLS not available" is a 4xx, but retrying will not make the server offer TLS.
/// Then the SMTP reply code decides (5xx permanent, 4xx transient), and anything else —
/// connection refused, timeouts, DNS, send/receive errors, TLS handshake trouble — is
/// transient: the outbox tries again later and gives up only after its last attempt.
enum SMTPFailureClassifier {
    /// The failure for a transfer that ended with `curlCode` (not CURLE_OK) after the server's
    /// last reply `replyCode` (0 when there was none), described by `detail`.
    static func classify(curlCode: CURLcode, replyCode: Int, detail: String) -> DeliveryFailure {
        switch curlCode {
        case CURLE_USE_SSL_FAILED:
            // STARTTLS is required (smtp:// to a non-loopback host) but the server refused it.
            return .permanent("the server does not offer STARTTLS, which svforms requires: \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION:
            return .permanent("the server's TLS certificate is not trusted: \(detail)")
        case CURLE_SSL_CACERT_BADFILE:
            return .permanent("the CA bundle in the SMTP settings cannot be read: \(detail)")
        case CURLE_LOGIN_DENIED:
            // 454 4.7.0 is "temporary authentication failure"; 535 is a wrong password.
            if (400...499).contains(replyCode) { return .transient("login failed for now: \(detail)") }
            return .permanent("the SMTP server refused the user name or password: \(detail)")
        default:
            break
        }
        switch replyCode {
        case 500...599:
            return .permanent("the SMTP server refused the message: \(detail)")
        case 400...499:
            return .transient("the SMTP server deferred the message: \(detail)")
        default:
            return .transient("could not deliver to the SMTP server: \(detail)")
        }
    }
}
