/*
 * markup.h - what the HTML and DOCX writers share: text made safe for
 * markup and numbers written the same in any locale (the columns' widths
 * are layout.h's).  Not for use outside src/io/export_*.c.
 */
#ifndef PERECHEN_MARKUP_H
#define PERECHEN_MARKUP_H

#include "buf.h"
#include "document.h"

/*
 * Append s to out as character data or an attribute value of HTML or XML:
 * sanitised (utf8.h: control characters visible, invalid bytes U+FFFD),
 * the characters XML 1.0 forbids (U+FFFE, U+FFFF) as U+FFFD, and
 * & < > " ' as entities.  Each '\n' in s is appended as newline instead
 * (NULL: the line break is kept as '\n').
 */
void	markup_escape(struct buf *out, const char *s, const char *newline);

/* Append v rounded to one decimal, "12" or "12.5", with a '.' whatever
 * the locale (CSS and XML read no other).  v is not negative. */
void	markup_decimal(struct buf *out, double v);

/* v millimetres in twentieths of a point (twips, DOCX's unit), rounded. */
long	markup_twips(double mm);

#endif
