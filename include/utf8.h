/*
 * utf8.h - UTF-8 text as the terminal and the printed page see it.
 *
 * Owns: decoding, display widths, the one sanitiser every string passes
 * before it reaches a terminal or a printed page, case folding for search,
 * truncation and word wrapping by columns.  Text is UTF-8 everywhere inside
 * perechen; widths are counted in columns, never in bytes.  Widths are
 * the C library's (wcwidth) in a UTF-8 locale, as the terminal library
 * counts them; our own tables serve only where the locale has none (the C
 * locale, a code point it does not know).
 */
#ifndef PERECHEN_UTF8_H
#define PERECHEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "strvec.h"

#define UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode one code point from s (at most len bytes).  Returns the number of
 * bytes used (at least 1 when len > 0).  Invalid or truncated sequences,
 * overlongs and surrogates decode as U+FFFD consuming one byte.
 */
size_t	utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the byte count. */
size_t	utf8_encode(uint32_t cp, char *out);
/* True if s[0..len) is well-formed UTF-8. */
bool	utf8_valid(const char *s, size_t len);
/* Columns a code point takes: 0 (combining), 1 or 2 (wide); -1 control.
 * By wcwidth() in a UTF-8 locale, else by our tables. */
int	utf8_cp_width(uint32_t cp);
/* Columns of a sanitised rendering of s. */
int	utf8_width(const char *s);

enum {
	SAN_KEEP_NEWLINES = 1 << 0	/* keep '\n' (multi-line text) */
};

/*
 * The sanitiser.  Appends s to out with invalid bytes as U+FFFD, C0 controls
 * and DEL as their visible Control Pictures (ESC shows as U+241B), C1
 * controls and bidirectional overrides as U+FFFD, tabs as one space.  Data
 * therefore can never send a control sequence to a clerk's terminal.
 */
void	utf8_sanitize(const char *s, int flags, struct buf *out);
/* Sanitised copy of s on the heap; caller frees. */
char	*utf8_sanitized(const char *s, int flags);

/*
 * Lower-case copy of s for case-insensitive search: ASCII and Cyrillic
 * (Ё/ё fold to е, as clerks type either).  Caller frees.
 */
char	*utf8_casefold(const char *s);
/*
 * The same folding of len bytes of s into out, which has room for
 * len * UTF8_FOLD_GROWTH + 1 bytes (a stray byte becomes U+FFFD, three
 * bytes); no allocation, for folding in a loop.  Returns the bytes
 * written, not counting the terminating NUL.
 */
#define UTF8_FOLD_GROWTH 3
size_t	 utf8_casefold_to(const char *s, size_t len, char *out);
/* Case-insensitive substring test (both folded). */
bool	utf8_contains_folded(const char *haystack, const char *needle_folded);

/*
 * Append at most width columns of sanitised s to out; if s is longer, the
 * last column is an ellipsis.  Never splits a character.  Returns the
 * columns appended.
 */
int	utf8_fit(const char *s, int width, struct buf *out);

/*
 * Word-wrap sanitised s into lines of at most width columns (width >= 1);
 * explicit newlines start new lines; words longer than width are broken.
 * Appends the lines to lines; an empty s yields one empty line.
 */
void	utf8_wrap(const char *s, int width, struct strvec *lines);

/* Copy of s with leading/trailing white space removed and inner runs of
 * spaces folded to one (newlines kept).  Caller frees. */
char	*utf8_squeeze(const char *s);

#endif
