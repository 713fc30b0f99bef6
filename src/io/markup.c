/* markup.c - text and numbers for the HTML and DOCX writers. */
#include "markup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void
markup_escape(struct buf *out, const char *s, const char *newline)
{
	char *safe = utf8_sanitized(s, SAN_KEEP_NEWLINES);
	size_t len = strlen(safe), i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(safe + i, len - i, &cp);
		char enc[4];

		switch (cp) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		case '\n':
			buf_puts(out, newline != NULL ? newline : "\n");
			break;
		case 0xFFFE:
		case 0xFFFF:
			buf_append(out, enc, utf8_encode(UTF8_REPLACEMENT,
			    enc));
			break;
		default:
			buf_append(out, safe + i, n);
			break;
		}
		i += n;
	}
	free(safe);
}

void
markup_decimal(struct buf *out, double v)
{
	long tenths = (long)(v * 10 + 0.5);

	if (tenths % 10 == 0)
		buf_printf(out, "%ld", tenths / 10);
	else
		buf_printf(out, "%ld.%ld", tenths / 10, tenths % 10);
}

long
markup_twips(double mm)
{
	return (long)(mm * 1440 / 25.4 + 0.5);
}
