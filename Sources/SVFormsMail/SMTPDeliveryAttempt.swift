import CCurl
import Foundation

/// One blocking libcurl SMTP transfer of one rendered message, with its own easy handle.
///
/// `run()` blocks for up to the configured timeout, so it is only ever called on a
/// thread-pool thread (see `SMTPTransport.send`). Handles are not shared, which is what
/// makes concurrent sends safe.
struct SMTPDeliveryAttempt: Sendable {
    let endpoint: SMTPEndpoint
    let settings: SMTPSettings
    let sender: String
    let recipients: [String]
    let bytes: [UInt8]

    /// Performs the transfer and classifies the outcome.
    func run() -> Result<DeliveryReceipt, DeliveryFailure> {
        guard CurlGlobal.ensureInitialised() == CURLE_OK else {
            return .failure(.transient("libcurl could not be initialised (curl_global_init failed)"))
        }
        let source = CurlUploadSource(bytes)
        let recorder = SMTPReplyRecorder()
        // libcurl holds unretained pointers to both until the handle is cleaned up, which
        // happens inside `transfer`, so they must outlive that call.
        return withExtendedLifetime((source, recorder)) {
            transfer(source: source, recorder: recorder)
        }
    }

    private func transfer(source: CurlUploadSource, recorder: SMTPReplyRecorder) -> Result<DeliveryReceipt, DeliveryFailure> {
        // Freed after the handle (defers run in reverse): libcurl uses them until cleanup.
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        var recipientList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipientList) }
        var connectToList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(connectToList) }

        guard let handle = curl_easy_init() else {
            return .failure(.transient("libcurl could not create a handle (out of memory?)"))
        }
        // Cleaning up may still talk to the server (QUIT) and call the header callback.
        defer { curl_easy_cleanup(handle) }

        do throws(DeliveryFailure) {
            recipientList = try Self.stringList(recipients)
            connectToList = try Self.stringList(settings.connectTo)
            var options = CurlOptions(handle: handle)
            try options.set(CURLOPT_ERRORBUFFER, pointer: errorBuffer)
            try configureConnection(&options, connectTo: connectToList)
            try options.set(CURLOPT_MAIL_FROM, sender)
            try options.set(CURLOPT_MAIL_RCPT, list: recipientList)
            try options.set(CURLOPT_UPLOAD, 1)
            try options.check(svforms_curl_setopt_read_function(handle, CurlUploadSource.readFunction), "READFUNCTION")
            try options.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(source).toOpaque())
            try options.check(svforms_curl_setopt_header_function(handle, SMTPReplyRecorder.headerFunction), "HEADERFUNCTION")
            try options.set(CURLOPT_HEADERDATA, pointer: Unmanaged.passUnretained(recorder).toOpaque())
        } catch {
            return .failure(error)
        }

        let code = curl_easy_perform(handle)
        var replyCode = 0
        _ = svforms_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &replyCode)
        let reply = recorder.lastReply(withCode: replyCode) ?? (replyCode > 0 ? "\(replyCode)" : nil)
        if code == CURLE_OK {
            return .success(DeliveryReceipt("\(reply ?? "accepted") (\(endpoint.url))"))
        }
        let curlText = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        var detail =
            [reply.map { "SMTP \($0)" }, "curl error \(code.rawValue): \(curlText)"]
            .compactMap { $0 }.joined(separator: "; ") + " (\(endpoint.url))"
        if let password = settings.password, !password.isEmpty {
            detail = detail.replacingOccurrences(of: password, with: "********")
        }
        return .failure(SMTPFailureClassifier.classify(curlCode: code, replyCode: replyCode, errorText: curlText, detail: detail))
    }

    /// URL, TLS rule, timeouts and credentials.
    private func configureConnection(_ options: inout CurlOptions, connectTo: UnsafeMutablePointer<curl_slist>?) throws(DeliveryFailure) {
        try options.set(CURLOPT_URL, endpoint.url)
        try options.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        // Without this, libcurl uses signals for DNS timeouts, which is unsafe in a threaded process.
        try options.set(CURLOPT_NOSIGNAL, 1)
        try options.set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout.roundedUpMilliseconds)
        try options.set(CURLOPT_TIMEOUT_MS, settings.timeout.roundedUpMilliseconds)
        let useSSL = endpoint.security == .plainOnLoopback ? CURLUSESSL_NONE : CURLUSESSL_ALL
        try options.set(CURLOPT_USE_SSL, Int(useSSL.rawValue))
        try options.set(CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
        if let caInfoPath = settings.caInfoPath { try options.set(CURLOPT_CAINFO, caInfoPath) }
        if let username = settings.username { try options.set(CURLOPT_USERNAME, username) }
        if let password = settings.password { try options.set(CURLOPT_PASSWORD, password) }
        if connectTo != nil { try options.set(CURLOPT_CONNECT_TO, list: connectTo) }
    }

    /// A libcurl string list of `items`, or nil when there are none.
    private static func stringList(_ items: [String]) throws(DeliveryFailure) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for item in items {
            guard let appended = curl_slist_append(list, item) else {
                curl_slist_free_all(list)
                throw .transient("libcurl could not allocate a string list (out of memory?)")
            }
            list = appended
        }
        return list
    }
}
