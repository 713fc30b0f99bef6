/*
 * export.h - the list written out: a printed text table and CSV.
 *
 * Owns: struct export_opts and the two writers.  The text writer lays out
 * the printed document (document.h's blocks) that every print format
 * shares; CSV takes the whole list in memory (as
 * store_load_list() or import produce it), since it carries every field.
 * Both append a complete document to a caller's buffer, already in the
 * target encoding, so the caller can write it in one go and never leaves
 * half a file.  Data text passes the sanitiser (utf8.h) on the way out, so
 * a control sequence in a name can reach neither a terminal nor a printed
 * page.
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
#include "document.h"
#include "error.h"
#include "model.h"

#define EXPORT_WIDTH_DEFAULT	120
#define EXPORT_WIDTH_MIN	60
#define EXPORT_WIDTH_MAX	1000
#define EXPORT_PAGE_LENGTH_MIN	20	/* lines: a page holds a row or two */
#define EXPORT_PAGE_LENGTH_MAX	1000

struct export_opts {
	const char *encoding;	/* NULL or "" = UTF-8; any iconv name */
	int	 width;		/* txt: total line width in columns */
	bool	 bom;		/* csv: write a UTF-8 BOM (UTF-8 only) */
	char	 delimiter;	/* csv: 0 = ';' for CP1251 (Russian Excel),
				   ',' otherwise */
	int	 page_length;	/* txt: lines per page; 0 = no pages */
};

/* The defaults: UTF-8, 120 columns, a BOM, the delimiter by encoding, one
 * long page. */
#define EXPORT_OPTS_INIT { NULL, EXPORT_WIDTH_DEFAULT, true, 0, 0 }

/*
 * The printed document d as text of exactly o->width columns on every
 * line (EXPORT_WIDTH_MIN..EXPORT_WIDTH_MAX), its blocks in order, a blank
 * line after each: the grif as a block at the right edge, a title, caption
 * or heading centred, a paragraph or clause flush left, a split line's
 * ends at the edges, a page break a form feed (its pages numbered anew),
 * a table drawn in box characters, its columns by their weights (a fit
 * column as wide as its widest text), a spanning cell merged over its
 * group's rows, a list cell's items each after a dash.  d->page is not
 * consulted (a plain printer has its own page).
 *
 * With o->page_length (EXPORT_PAGE_LENGTH_MIN..MAX) a table is cut into
 * pages of at most that many lines, a form feed between them: each page
 * after the first starts with its number centred, a blank line and the
 * table's header (when it repeats); a row moves whole to the next page
 * when it does not fit the rest of one (only a row longer than a page is
 * split, between lines), a group going on names itself again; every
 * page's table is closed by its bottom rule.
 *
 * Appends to out; *replaced (may be NULL) is the number of characters
 * written as '?'.  Returns 0, or -1 with err (a width or page length out of
 * range, a page too short for the header of the first table after a page
 * break and what heads it, an unknown encoding).
 */
int	export_txt(const struct document *d, const struct export_opts *o,
	    struct buf *out, size_t *replaced, struct error *err);

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

/*
 * The same for a list too large to hold: each(src, fn, ctx) calls fn
 * with every process (excluded ones too) and its place, in order, one at
 * a time; each process is written out (in the encoding) before the next.
 * A source that fails stops calling fn and keeps the failure for its
 * owner, who then drops what was written.
 */
typedef void (*export_process_fn)(void *ctx, const struct process *p,
    size_t index);
typedef void (*export_csv_source)(void *src, export_process_fn fn,
    void *ctx);
int	export_csv_each(export_csv_source each, void *src,
	    const struct catalog *cat, const struct export_opts *o,
	    struct buf *out, size_t *replaced, struct error *err);

#endif
