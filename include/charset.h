/*
 * charset.h - text encodings at the import/export boundary.
 *
 * Owns: every use of iconv, and guessing the encoding of a file.  Inside
 * perechen text is UTF-8; files come in and go out as UTF-8 (with or without
 * BOM), CP1251, KOI8-R, CP866 or any encoding iconv knows.
 */
#ifndef PERECHEN_CHARSET_H
#define PERECHEN_CHARSET_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

/*
 * Guess the encoding of data: "UTF-8" (valid UTF-8, BOM or not), else the
 * one of CP1251, KOI8-R and CP866 whose decoding reads most like Russian.
 * Returns a static string.
 */
const char *charset_detect(const char *data, size_t len);

/* Canonical iconv name for what a clerk may type ("cp1251", "utf8",
 * "koi8r", "866"…); unknown names are returned as given. */
const char *charset_canonical(const char *name);

/*
 * Convert data from encoding enc to UTF-8, appending to out.  A UTF-8 BOM
 * is dropped.  Bytes invalid in enc fail with err naming the byte offset
 * and line.  Returns 0 or -1.
 */
int	charset_to_utf8(const char *enc, const char *data, size_t len,
	    struct buf *out, struct error *err);

/*
 * Convert UTF-8 text to encoding enc, appending to out.  Characters enc
 * lacks are written as '?' and counted in *replaced (may be NULL), so the
 * caller can warn; nothing is dropped silently.  Returns 0 or -1 (unknown
 * encoding, with err).
 */
int	charset_from_utf8(const char *enc, const char *text, size_t len,
	    struct buf *out, size_t *replaced, struct error *err);

#endif
