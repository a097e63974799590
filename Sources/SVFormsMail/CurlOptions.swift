import CCurl

/// Typed setters for a libcurl easy handle's options, through the shim's wrappers, each
/// turning a refusal into a `DeliveryFailure`.
///
/// A refused option means this libcurl cannot do what the settings ask (an option or
/// protocol not built in), which retrying cannot fix, except running out of memory.
struct CurlOptions {
    let handle: UnsafeMutableRawPointer

    /// An option documented as taking a `long`.
    mutating func set(_ option: CURLoption, _ value: Int) throws(DeliveryFailure) {
        try check(svforms_curl_setopt_long(handle, option, value), option)
    }

    /// An option documented as taking a string; libcurl copies it.
    mutating func set(_ option: CURLoption, _ value: String) throws(DeliveryFailure) {
        try check(svforms_curl_setopt_string(handle, option, value), option)
    }

    /// An option documented as taking a pointer libcurl keeps: it must outlive the handle.
    mutating func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(DeliveryFailure) {
        try check(svforms_curl_setopt_pointer(handle, option, pointer), option)
    }

    /// A character buffer libcurl keeps (CURLOPT_ERRORBUFFER): it must outlive the handle.
    mutating func set(_ option: CURLoption, pointer: UnsafeMutablePointer<CChar>) throws(DeliveryFailure) {
        try check(svforms_curl_setopt_pointer(handle, option, UnsafeMutableRawPointer(pointer)), option)
    }

    /// A string list libcurl keeps without copying: free it only after the handle.
    mutating func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) throws(DeliveryFailure) {
        try check(svforms_curl_setopt_slist(handle, option, list), option)
    }

    /// Throws unless `code` is CURLE_OK, naming the option by number.
    func check(_ code: CURLcode, _ option: CURLoption) throws(DeliveryFailure) {
        try check(code, "option \(option.rawValue)")
    }

    /// Throws unless `code` is CURLE_OK; `what` names the option in the message.
    func check(_ code: CURLcode, _ what: String) throws(DeliveryFailure) {
        guard code != CURLE_OK else { return }
        let text = String(cString: curl_easy_strerror(code))
        let message = "libcurl refused \(what): \(text) (curl error \(code.rawValue))"
        throw code == CURLE_OUT_OF_MEMORY ? .transient(message) : .permanent(message)
    }
}
