#ifndef SVFORMS_CCURL_SHIM_H
#define SVFORMS_CCURL_SHIM_H
// libcurl (Debian libcurl4-openssl-dev, 7.88). curl_easy_setopt and curl_easy_getinfo are
// variadic, which Swift cannot call: each wrapper below fixes the argument type of one kind
// of option, so Swift sees an ordinary typed function. Passing the wrong kind of value for
// an option is undefined behaviour in C, so every option is set through the wrapper whose
// type curl documents for it (CURLOPT_*: long, char *, void *, struct curl_slist *, callback).
#include <curl/curl.h>

/// Options documented as taking a `long` (flags, timeouts in milliseconds, enums).
static inline CURLcode svforms_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options documented as taking a `char *`; libcurl copies the string (since 7.17).
static inline CURLcode svforms_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options documented as taking a pointer that libcurl keeps and does not copy
/// (CURLOPT_READDATA, CURLOPT_ERRORBUFFER): the caller keeps it alive for the transfer.
static inline CURLcode svforms_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options documented as taking a `struct curl_slist *` (CURLOPT_MAIL_RCPT, CURLOPT_CONNECT_TO);
/// libcurl does not copy the list: free it only after the transfer.
static inline CURLcode svforms_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// CURLOPT_READFUNCTION: the callback that supplies the bytes of an upload.
static inline CURLcode svforms_curl_setopt_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

/// CURLOPT_HEADERFUNCTION: for SMTP, libcurl passes every server reply line to this callback,
/// which is how the reply text ("550 5.1.1 no such user") can be reported.
static inline CURLcode svforms_curl_setopt_header_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

/// curl_easy_getinfo for the CURLINFO_* items documented as giving a `long`
/// (CURLINFO_RESPONSE_CODE: the last SMTP reply code).
static inline CURLcode svforms_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
