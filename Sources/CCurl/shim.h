#ifndef SVFORMS_CCURL_SHIM_H
#define SVFORMS_CCURL_SHIM_H
// libcurl (Debian libcurl4-openssl-dev). curl_easy_setopt is variadic, which Swift cannot call:
// the typed wrappers for the option kinds svforms uses are added here as the mail module needs them.
#include <curl/curl.h>
#endif
