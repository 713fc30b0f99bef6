/*
 * layout.h - the printed table's columns and line breaks, one computation
 * for every format that lays out a page (PDF, DOCX, HTML; the text table
 * breaks its lines by it too).
 *
 * Owns: where a line of a cell may break — at a space; after a hyphen or
 * slash between two letters («контрольно-надзорной»); inside an e-mail
 * address or URL only after «@», «.», «/», «-»; and a piece still wider
 * than its column cut, with a hyphen, as the only thing ever broken — and
 * the widths of a table's columns (document.h's struct doc_column):
 * a fit column (the №) as wide as its widest number, the first wrapping
 * column (the process) at least as wide as its longest word, every other
 * column too as far as the page allows, the rest of the width shared by
 * how much text each column holds (none wider than its longest
 * paragraph), unless another share makes the table fewer lines tall.
 *
 * Widths are measured by a metric the caller gives, in points: the PDF
 * measures with the font it draws with; DOCX and HTML, whose reader lays
 * the text out, with layout_times_width (Times New Roman's advance
 * widths, which Liberation Serif shares; for another font an estimate).
 */
#ifndef PERECHEN_LAYOUT_H
#define PERECHEN_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "strvec.h"

struct layout_metric {
	/* Width in points of the n bytes of UTF-8 text at s, on one line. */
	double	(*width)(void *ctx, const char *s, size_t n);
	void	*ctx;
};

/*
 * Times New Roman's advance widths at the size in points *(double *)ctx;
 * a character outside Latin, Latin-1, Cyrillic and common punctuation
 * counts as half an em.
 */
double	layout_times_width(void *ctx, const char *s, size_t n);

/* Whether the n bytes at s, one word, are an e-mail address or a URL. */
bool	layout_is_address(const char *s, size_t n);

/* A place where a document's reader may break a line it lays out. */
struct layout_mark {
	size_t	 at;		/* byte offset into the paragraph */
	bool	 hyphen;	/* shown as a hyphen when broken there */
};

/*
 * Where the reader of a document (a browser, Word) may break the
 * paragraph text, for writers that leave the lines to it (HTML's <wbr>
 * and &shy;, DOCX's zero-width space and w:softHyphen), ascending: inside
 * an address after «@ . / -» and in a word after a slash (not hyphen:
 * where every reader breaks anyway), and, with a hyphen, between the
 * letters of a piece wider than width points by m — the only thing ever
 * cut.  *marks is the caller's to free; returns how many.
 */
size_t	layout_marks(const char *text, double width,
	    const struct layout_metric *m, struct layout_mark **marks);

/*
 * Break the paragraph text (no newlines) into lines no wider than width
 * points, appended to lines: greedily at the places listed above; a
 * piece wider than width alone is cut, each part but the last ending in
 * a hyphen.  An empty text is one empty line.
 */
void	layout_wrap(const char *text, double width,
	    const struct layout_metric *m, struct strvec *lines);

/*
 * The widths in points of the columns of table t, text_width in all,
 * each cell padded by pad (both sides together): a fit column as wide as
 * its widest paragraph; the others by their weights, or, for a measured
 * table, as above — the first of them at least as wide as its longest
 * word, the rest too as far as the page allows, the room left shared by
 * how much text each holds, unless another share (tried for up to four
 * such columns) makes the table fewer lines tall.  The headings' words
 * count too; a list cell's paragraphs count with DOC_ITEM_MARK.
 */
void	layout_columns(const struct doc_table *t,
	    const struct layout_metric *m, double text_width, double pad,
	    double w[DOC_MAX_COLUMNS]);

#endif
