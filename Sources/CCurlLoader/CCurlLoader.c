#include "CCurlLoader.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

struct fp_curl {
  void *library;
  int (*global_init)(long flags);
  void *(*easy_init)(void);
  void (*easy_cleanup)(void *easy);
  int (*easy_perform)(void *easy);
  const char *(*easy_strerror)(int code);
  int (*easy_setopt)(void *easy, int option, ...);
  int (*easy_getinfo)(void *easy, int info, ...);
};

/// CURL_GLOBAL_DEFAULT.
static const long global_default = 3;

static void copy_error(char *error, size_t size, const char *text) {
  if (size == 0) return;
  strncpy(error, text ? text : "", size - 1);
  error[size - 1] = '\0';
}

const fp_curl *fp_curl_load(const char *name, char *error, size_t error_size) {
  // RTLD_LOCAL: libcurl's TLS and other libraries stay out of the global symbol namespace.
  void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    copy_error(error, error_size, dlerror());
    return NULL;
  }
  fp_curl curl = {.library = library};
  // dlsym's result is converted through void *, as POSIX allows for functions.
  *(void **)&curl.global_init = dlsym(library, "curl_global_init");
  *(void **)&curl.easy_init = dlsym(library, "curl_easy_init");
  *(void **)&curl.easy_cleanup = dlsym(library, "curl_easy_cleanup");
  *(void **)&curl.easy_perform = dlsym(library, "curl_easy_perform");
  *(void **)&curl.easy_strerror = dlsym(library, "curl_easy_strerror");
  *(void **)&curl.easy_setopt = dlsym(library, "curl_easy_setopt");
  *(void **)&curl.easy_getinfo = dlsym(library, "curl_easy_getinfo");
  if (!curl.global_init || !curl.easy_init || !curl.easy_cleanup || !curl.easy_perform ||
      !curl.easy_strerror || !curl.easy_setopt || !curl.easy_getinfo) {
    copy_error(error, error_size, "it lacks libcurl's easy API");
    dlclose(library);
    return NULL;
  }
  fp_curl *loaded = malloc(sizeof *loaded);
  if (!loaded || curl.global_init(global_default) != 0) {
    copy_error(error, error_size, "libcurl could not be initialised");
    free(loaded);
    dlclose(library);
    return NULL;
  }
  *loaded = curl;
  return loaded;  // never freed: libcurl's global state lives as long as the process
}

void *fp_curl_easy_init(const fp_curl *curl) { return curl->easy_init(); }

void fp_curl_easy_cleanup(const fp_curl *curl, void *easy) { curl->easy_cleanup(easy); }

int fp_curl_easy_perform(const fp_curl *curl, void *easy) { return curl->easy_perform(easy); }

const char *fp_curl_easy_strerror(const fp_curl *curl, int code) {
  const char *text = curl->easy_strerror(code);
  return text ? text : "unknown libcurl error";
}

int fp_curl_setopt_long(const fp_curl *curl, void *easy, int option, long value) {
  return curl->easy_setopt(easy, option, value);
}

int fp_curl_setopt_pointer(const fp_curl *curl, void *easy, int option, const void *value) {
  return curl->easy_setopt(easy, option, value);
}

int fp_curl_setopt_callback(const fp_curl *curl, void *easy, int option, fp_curl_data_callback callback) {
  return curl->easy_setopt(easy, option, callback);
}

int fp_curl_getinfo_string(const fp_curl *curl, void *easy, int info, const char **value) {
  return curl->easy_getinfo(easy, info, value);
}
