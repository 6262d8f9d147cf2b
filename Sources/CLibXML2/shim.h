#ifndef FINEPRINT_CLIBXML2_SHIM_H
#define FINEPRINT_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU. Letting its headers pull in ICU collides with the copy of
// ICU that Foundation bundles ('UErrorCode' has different definitions in different modules),
// and only a clean build shows it. Read the version header, drop ICU, then the parser headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#endif
