#ifndef FINEPRINT_CCURLLOADER_H
#define FINEPRINT_CCURLLOADER_H

// libcurl's easy API, loaded with dlopen the first time a URL is fetched, so that a run that
// fetches nothing maps neither libcurl nor the thirty-odd libraries it needs (TLS, Kerberos,
// LDAP, SSH...). No curl header is needed to build: the few prototypes below and the option
// numbers FinePrint uses are libcurl's stable ABI (soname libcurl.so.4 since 2006).

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The loaded library: its handle and the easy-API functions found in it.
typedef struct fp_curl fp_curl;

/// Opens the library `name` (as dlopen finds it), looks up the easy API and initialises libcurl.
/// Returns NULL when it cannot, with the reason in `error`. Call it once per process and keep the
/// result: libcurl's global initialisation is not safe to run on two threads at once.
const fp_curl *_Nullable fp_curl_load(const char *_Nonnull name, char *_Nonnull error, size_t error_size);

void *_Nullable fp_curl_easy_init(const fp_curl *_Nonnull curl);
void fp_curl_easy_cleanup(const fp_curl *_Nonnull curl, void *_Nonnull easy);
int fp_curl_easy_perform(const fp_curl *_Nonnull curl, void *_Nonnull easy);
const char *_Nonnull fp_curl_easy_strerror(const fp_curl *_Nonnull curl, int code);

// curl_easy_setopt is variadic, which Swift cannot call: one wrapper per kind of argument.
int fp_curl_setopt_long(const fp_curl *_Nonnull curl, void *_Nonnull easy, int option, long value);
/// Strings (libcurl copies them), data pointers and buffers.
int fp_curl_setopt_pointer(const fp_curl *_Nonnull curl, void *_Nonnull easy, int option,
                           const void *_Nullable value);
/// The write and header callbacks: (bytes, 1, count, userdata) -> count taken; less aborts.
typedef size_t (*fp_curl_data_callback)(char *_Nonnull bytes, size_t size, size_t count,
                                        void *_Nullable userdata);
int fp_curl_setopt_callback(const fp_curl *_Nonnull curl, void *_Nonnull easy, int option,
                            fp_curl_data_callback _Nonnull callback);

// curl_easy_getinfo is variadic too. The string stays owned by the easy handle.
int fp_curl_getinfo_string(const fp_curl *_Nonnull curl, void *_Nonnull easy, int info,
                           const char *_Nullable *_Nonnull value);

// The numbers of curl.h that FinePrint uses (as macros, so Swift sees them as Int32).
#define FP_CURLE_OK 0
#define FP_CURLE_WRITE_ERROR 23
#define FP_CURLE_OPERATION_TIMEDOUT 28

#define FP_CURLOPT_WRITEDATA 10001
#define FP_CURLOPT_URL 10002
#define FP_CURLOPT_ERRORBUFFER 10010
#define FP_CURLOPT_WRITEFUNCTION 20011
#define FP_CURLOPT_USERAGENT 10018
#define FP_CURLOPT_HEADERDATA 10029
#define FP_CURLOPT_FOLLOWLOCATION 52
#define FP_CURLOPT_HEADERFUNCTION 20079
#define FP_CURLOPT_NOSIGNAL 99
#define FP_CURLOPT_ACCEPT_ENCODING 10102
#define FP_CURLOPT_TIMEOUT_MS 155
#define FP_CURLOPT_PROTOCOLS 181
#define FP_CURLOPT_SUPPRESS_CONNECT_HEADERS 265
#define FP_CURLOPT_PROTOCOLS_STR 10318

#define FP_CURLINFO_REDIRECT_URL 0x10001F

#define FP_CURLPROTO_HTTP 1
#define FP_CURLPROTO_HTTPS 2

/// CURL_ERROR_SIZE: the room a CURLOPT_ERRORBUFFER must have.
#define FP_CURL_ERROR_SIZE 256

#ifdef __cplusplus
}
#endif

#endif
