/*
 * export.h - the list written out: a printed text table and CSV.
 *
 * Owns: struct export_opts and the two writers.  Both take a whole list in
 * memory (as store_load_list() or import produce it) and append a complete
 * document to a caller's buffer, already in the target encoding, so the
 * caller can write it in one go and never leaves half a file.  Data text
 * passes the sanitiser (utf8.h) on the way out, so a control sequence in a
 * name can reach neither a terminal nor a printed page.
 *
 * Characters the target encoding lacks are written as '?' and counted in
 * *replaced for the caller to warn about; nothing is dropped or truncated
 * silently.  The frame of the text table (box drawing, the dash before a
 * need, the № sign) falls back to ASCII in an encoding that lacks it, so
 * only data characters are ever replaced.
 */
#ifndef PERECHEN_EXPORT_H
#define PERECHEN_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "catalog.h"
#include "error.h"
#include "model.h"

#define EXPORT_WIDTH_DEFAULT	120
#define EXPORT_WIDTH_MIN	60
#define EXPORT_WIDTH_MAX	1000

struct export_opts {
	const char *encoding;	/* NULL or "" = UTF-8; any iconv name */
	int	 width;		/* txt: total line width in columns */
	bool	 bom;		/* csv: write a UTF-8 BOM (UTF-8 only) */
	char	 delimiter;	/* csv: 0 = ';' for CP1251 (Russian Excel),
				   ',' otherwise */
};

/* The defaults: UTF-8, 120 columns, a BOM, the delimiter by encoding. */
#define EXPORT_OPTS_INIT { NULL, EXPORT_WIDTH_DEFAULT, true, 0 }

/*
 * The printed form (Приложение 1) as a text table of exactly o->width
 * columns on every line (EXPORT_WIDTH_MIN..EXPORT_WIDTH_MAX): "ПЕРЕЧЕНЬ",
 * the title and the organisation centred above it when the header has
 * them; № and the process once per process, their cells merged over the
 * process's touchpoints; excluded touchpoints left out (they are out of the
 * list).  cat is not consulted and may be NULL.  Appends to out; *replaced
 * (may be NULL) is the number of characters written as '?'.  Returns 0, or
 * -1 with err (a width out of range, an unknown encoding).
 */
int	export_txt(const struct list *l, const struct catalog *cat,
	    const struct export_opts *o, struct buf *out, size_t *replaced,
	    struct error *err);

/*
 * The lossless interchange form: RFC 4180 CSV with CRLF line ends, one row
 * per touchpoint (excluded ones too), the five printed columns and then
 * every other field under the names of columns.h.  № and the process name
 * only on a process's first row; a process without touchpoints is one row
 * with the rest empty.  Multi-line cells (needs, contacts, categories
 * aligned line by line with the needs) are joined by "\n"; a newline
 * inside one need or contact becomes a space so the lines stay aligned.
 * The kind is written as its name in cat (NULL: the code), or as the code
 * when cat lacks it.
 *
 * Formula injection: a cell that starts with any number of apostrophes
 * followed by '=', '+', '-' or '@' gets one more apostrophe in front.  An
 * importer undoes exactly that: it removes one leading apostrophe from a
 * cell that starts with one or more apostrophes followed by one of those
 * four characters.
 *
 * A UTF-8 BOM is written when o->bom and the encoding is UTF-8.  Appends to
 * out; *replaced (may be NULL) as for export_txt().  Returns 0, or -1 with
 * err (a delimiter that cannot separate cells, an unknown encoding).
 */
int	export_csv(const struct list *l, const struct catalog *cat,
	    const struct export_opts *o, struct buf *out, size_t *replaced,
	    struct error *err);

#endif
