/* export_txt.c - the printed document as a text table (Приложение 1). */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "layout.h"
#include "strvec.h"
#include "utf8.h"

#define TXT_HEADING_MAX	80	/* the title wraps like a printed heading */
#define TXT_GRIF_SHARE	40	/* percent of the width the grif block takes */
#define TXT_GRIF_MIN	30	/* columns, however narrow the table */

enum { TXT_NUM, TXT_PROCESS, TXT_TOUCHPOINT, TXT_NEEDS, TXT_SPECIFICS };

/* Share of the width after № for each of the other columns, in percent;
 * the needs, the longest text, get what rounding leaves. */
static const int txt_weights[DOC_COLUMNS] = { 0, 23, 25, 29, 23 };

/* The characters that draw the table. */
struct txt_frame {
	const char *h, *v;
	const char *tl, *tt, *tr;	/* top corners and tee */
	const char *lt, *x, *rt;	/* middle tees and cross */
	const char *bl, *bt, *br;	/* bottom corners and tee */
};

static const struct txt_frame txt_box = {
	"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"
};
static const struct txt_frame txt_ascii = {
	"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+"
};

/* The rules drawn between rows. */
enum txt_rule {
	TXT_RULE_TOP,
	TXT_RULE_FULL,		/* under the header, between processes */
	TXT_RULE_MERGED,	/* between touchpoints of one process */
	TXT_RULE_BOTTOM
};

/* One row of the table laid out: its lines, and whether a full rule (a
 * new process) or a merged one goes above it.  A row that is not its
 * process's first also has cont: its lines with the process's № and name
 * repeated, for the top of a page the process continues on. */
struct txt_block {
	bool	 first;
	struct strvec lines;
	struct strvec cont;
};

struct txt {
	const char *enc;	/* canonical name; NULL for UTF-8 */
	int	 width;
	int	 page_length;	/* 0: one long page */
	int	 w[DOC_COLUMNS];	/* text width of each column */
	struct txt_frame f;
	const char *dash;	/* in front of each of several needs */
	const char *num;	/* the № heading */
	size_t	 replaced;
	struct strvec pre;	/* grif, title, caption: page 1 only */
	struct strvec head;	/* top rule and the column names */
	struct txt_block *rows;	/* of the process being laid out */
	size_t	 nrows;
	struct buf doc;		/* the document in UTF-8, since the last
				   process written out */
	struct buf *out;	/* where it goes, in the encoding */
	size_t	 lacked;	/* characters the encoding lacked */
	int	 used;		/* lines on the current page */
	int	 page;
	bool	 fresh;		/* no row on this page yet */
	int	 rc;		/* -1 once a process failed: err says why */
	struct error *err;
};

/* True if enc can write every character of the UTF-8 text s. */
static int
export_txt_encodable(const char *enc, const char *s, bool *ok,
    struct error *err)
{
	struct buf scratch;
	size_t lacked;
	int rc;

	buf_init(&scratch);
	rc = charset_from_utf8(enc, s, strlen(s), &scratch, &lacked, err);
	buf_fini(&scratch);
	*ok = rc == 0 && lacked == 0;
	return rc;
}

/* Frame, dash and № in the encoding's own characters where it has them. */
static int
export_txt_choose_glyphs(struct txt *t, struct error *err)
{
	bool box, dash, num;

	t->f = txt_box;
	t->dash = "– ";
	t->num = document_column_titles[TXT_NUM];
	if (t->enc == NULL)
		return 0;
	if (export_txt_encodable(t->enc, "─│┌┬┐├┼┤└┴┘", &box, err) != 0 ||
	    export_txt_encodable(t->enc, t->dash, &dash, err) != 0 ||
	    export_txt_encodable(t->enc, t->num, &num, err) != 0)
		return -1;
	if (!box)
		t->f = txt_ascii;
	if (!dash)
		t->dash = "- ";
	if (!num)
		t->num = "N";
	return 0;
}

/* Column widths that add up, with the frame, to exactly t->width; № is
 * as wide as the largest number (at least 3). */
static void
export_txt_layout(struct txt *t, const struct document *d)
{
	size_t nprocs = document_nprocs(d);
	int digits = 1, avail, used = 0;

	for (size_t n = nprocs; n >= 10; n /= 10)
		digits++;
	t->w[TXT_NUM] = digits > 3 ? digits : 3;
	/* Each column has a space either side and a bar to its left; one
	 * more bar closes the line. */
	avail = t->width - (3 * DOC_COLUMNS + 1) - t->w[TXT_NUM];
	for (int i = 1; i < DOC_COLUMNS; i++) {
		t->w[i] = avail * txt_weights[i] / 100;
		used += t->w[i];
	}
	t->w[TXT_NEEDS] += avail - used;
}

/*
 * The text as the page will show it: sanitised and, in an encoding other
 * than UTF-8, with the characters it lacks already '?' (and counted), so
 * that widths are measured on what is printed.  Caller frees *out.
 */
static int
export_txt_prepare(struct txt *t, const char *s, char **out,
    struct error *err)
{
	struct buf enc, back;
	size_t lacked;
	char *safe = utf8_sanitized(s, SAN_KEEP_NEWLINES);

	if (t->enc == NULL) {
		*out = safe;
		return 0;
	}
	buf_init(&enc);
	buf_init(&back);
	if (charset_from_utf8(t->enc, safe, strlen(safe), &enc, &lacked,
	    err) != 0 || charset_to_utf8(t->enc, enc.data, enc.len, &back,
	    err) != 0) {
		free(safe);
		buf_fini(&enc);
		buf_fini(&back);
		return -1;
	}
	t->replaced += lacked;
	free(safe);
	buf_fini(&enc);
	*out = buf_detach(&back);
	return 0;
}

/* layout.h's metric for a text table: columns of the terminal. */
static double
export_txt_columns(void *ctx, const char *s, size_t n)
{
	char *part = xstrndup(s, n);
	int w = utf8_width(part);

	(void)ctx;
	free(part);
	return w;
}

/* Each line of s broken by layout.h into lines of at most width columns:
 * no word split, an address only after «@ . / -», a word wider than the
 * column cut with a hyphen. */
static void
export_txt_break(const char *s, int width, struct strvec *lines)
{
	static const struct layout_metric columns = { export_txt_columns,
	    NULL };

	for (;;) {
		size_t n = strcspn(s, "\n");
		char *para = xstrndup(s, n);

		layout_wrap(para, width < 1 ? 1 : width, &columns, lines);
		free(para);
		if (s[n] == '\0')
			break;
		s += n + 1;
	}
}

/* Append s wrapped to width as lines, each after prefix (the first) or
 * indent (the rest); the prefix's width is taken off the text's. */
static int
export_txt_wrap(struct txt *t, const char *s, int width, const char *prefix,
    struct strvec *lines, struct error *err)
{
	struct strvec wrapped;
	int pw = utf8_width(prefix);
	char *text;

	if (export_txt_prepare(t, s, &text, err) != 0)
		return -1;
	strvec_init(&wrapped);
	export_txt_break(text, width - pw, &wrapped);
	for (size_t i = 0; i < wrapped.n; i++) {
		if (pw == 0)
			strvec_push(lines, wrapped.v[i]);
		else
			strvec_push_owned(lines, xasprintf("%s%*s%s",
			    i == 0 ? prefix : "", i == 0 ? 0 : pw, "",
			    wrapped.v[i]));
	}
	strvec_fini(&wrapped);
	free(text);
	return 0;
}

/* n copies of s (n <= 0: none), for rules and padding. */
static void
export_txt_repeat(struct buf *b, const char *s, int n)
{
	for (int i = 0; i < n; i++)
		buf_puts(b, s);
}

/* A horizontal rule; a merged one leaves № and process open. */
static char *
export_txt_rule(const struct txt *t, enum txt_rule kind)
{
	const struct txt_frame *f = &t->f;
	const char *left, *mid, *right;
	struct buf b;

	switch (kind) {
	case TXT_RULE_TOP:
		left = f->tl; mid = f->tt; right = f->tr;
		break;
	case TXT_RULE_BOTTOM:
		left = f->bl; mid = f->bt; right = f->br;
		break;
	default:
		left = f->lt; mid = f->x; right = f->rt;
		break;
	}
	buf_init(&b);
	for (int i = 0; i < DOC_COLUMNS; i++) {
		/* The № and process cells of one process stay open. */
		bool open = kind == TXT_RULE_MERGED && i <= TXT_PROCESS;

		if (i == 0)
			buf_puts(&b, open ? f->v : left);
		else if (kind == TXT_RULE_MERGED && i <= TXT_TOUCHPOINT)
			buf_puts(&b, i == TXT_TOUCHPOINT ? f->lt : f->v);
		else
			buf_puts(&b, mid);
		export_txt_repeat(&b, open ? " " : f->h, t->w[i] + 2);
	}
	buf_puts(&b, right);
	return buf_detach(&b);
}

/* Lines of the row side by side, each cell padded to its column; the №
 * centred, as every format prints it. */
static void
export_txt_row(const struct txt *t, struct strvec cells[DOC_COLUMNS],
    struct strvec *lines)
{
	size_t height = 1;

	for (int i = 0; i < DOC_COLUMNS; i++)
		if (cells[i].n > height)
			height = cells[i].n;
	for (size_t line = 0; line < height; line++) {
		struct buf b;

		buf_init(&b);
		for (int i = 0; i < DOC_COLUMNS; i++) {
			const char *s = line < cells[i].n ? cells[i].v[line] :
			    "";

			int gap = t->w[i] - utf8_width(s);
			int before = i == TXT_NUM ? gap / 2 : 0;

			buf_puts(&b, t->f.v);
			export_txt_repeat(&b, " ", 1 + before);
			buf_puts(&b, s);
			export_txt_repeat(&b, " ", gap - before + 1);
		}
		buf_puts(&b, t->f.v);
		strvec_push_owned(lines, buf_detach(&b));
	}
}

/* A row's cells start empty: a missing cell prints blank. */
static void
export_txt_cells_init(struct strvec cells[DOC_COLUMNS])
{
	for (int i = 0; i < DOC_COLUMNS; i++)
		strvec_init(&cells[i]);
}

/* Free the lines of a row's cells. */
static void
export_txt_cells_fini(struct strvec cells[DOC_COLUMNS])
{
	for (int i = 0; i < DOC_COLUMNS; i++)
		strvec_fini(&cells[i]);
}

/* One line of the full width with s at column `at' (s already fits). */
static char *
export_txt_placed(const struct txt *t, const char *s, int at)
{
	struct buf b;

	buf_init(&b);
	export_txt_repeat(&b, " ", at);
	buf_puts(&b, s);
	export_txt_repeat(&b, " ", t->width - at - utf8_width(s));
	return buf_detach(&b);
}

/* One line padded to the full width with s in its middle. */
static char *
export_txt_centred(const struct txt *t, const char *s)
{
	return export_txt_placed(t, s, (t->width - utf8_width(s)) / 2);
}

/* The grif as a block at the right edge, its lines flush left inside it
 * (ГОСТ Р 7.0.97), then a blank line. */
static int
export_txt_grif(struct txt *t, const char *grif, struct error *err)
{
	int bw = t->width * TXT_GRIF_SHARE / 100;
	struct strvec lines;

	if (grif[0] == '\0')
		return 0;
	if (bw < TXT_GRIF_MIN)
		bw = TXT_GRIF_MIN;
	strvec_init(&lines);
	if (export_txt_wrap(t, grif, bw, "", &lines, err) != 0) {
		strvec_fini(&lines);
		return -1;
	}
	for (size_t i = 0; i < lines.n; i++)
		strvec_push_owned(&t->pre, export_txt_placed(t, lines.v[i],
		    t->width - bw));
	strvec_push_owned(&t->pre, export_txt_centred(t, ""));
	strvec_fini(&lines);
	return 0;
}

/* The grif, the title and the caption, as page 1 has them above the
 * table. */
static int
export_txt_preamble(struct txt *t, const struct document *d,
    struct error *err)
{
	int width = t->width < TXT_HEADING_MAX ? t->width : TXT_HEADING_MAX;
	struct strvec lines;
	int rc;

	if (export_txt_grif(t, d->grif, err) != 0)
		return -1;
	strvec_init(&lines);
	rc = export_txt_wrap(t, d->title, width, "", &lines, err);
	if (rc == 0 && d->caption[0] != '\0')
		rc = export_txt_wrap(t, d->caption, width, "", &lines, err);
	for (size_t i = 0; rc == 0 && i < lines.n; i++)
		strvec_push_owned(&t->pre, export_txt_centred(t, lines.v[i]));
	if (rc == 0)
		strvec_push_owned(&t->pre, export_txt_centred(t, ""));
	strvec_fini(&lines);
	return rc;
}

/* The top rule and the column names, wrapped like any cell: the header
 * every page repeats. */
static int
export_txt_head(struct txt *t, struct error *err)
{
	struct strvec cells[DOC_COLUMNS];
	int rc = 0;

	strvec_push_owned(&t->head, export_txt_rule(t, TXT_RULE_TOP));
	export_txt_cells_init(cells);
	for (int i = 0; i < DOC_COLUMNS && rc == 0; i++)
		rc = export_txt_wrap(t, i == TXT_NUM ? t->num :
		    document_column_titles[i], t->w[i], "", &cells[i], err);
	if (rc == 0)
		export_txt_row(t, cells, &t->head);
	export_txt_cells_fini(cells);
	return rc;
}

/* The lines of a row whose № and process cells are those of row `head'
 * (the row itself, or its process's first): every paragraph of a cell
 * wrapped to its column, several needs each after a dash. */
static int
export_txt_lay_row(struct txt *t, const struct doc_row *r,
    const struct doc_row *head, struct strvec *lines, struct error *err)
{
	struct strvec cells[DOC_COLUMNS];
	int rc = 0;

	export_txt_cells_init(cells);
	for (int c = 0; c < DOC_COLUMNS && rc == 0; c++) {
		const struct strvec *cell = c <= TXT_PROCESS ? &head->cells[c] :
		    &r->cells[c];
		const char *prefix = document_cell_is_list(r, c) ? t->dash :
		    "";

		for (size_t i = 0; i < cell->n && rc == 0; i++)
			rc = export_txt_wrap(t, cell->v[i], t->w[c], prefix,
			    &cells[c], err);
	}
	if (rc == 0)
		export_txt_row(t, cells, lines);
	export_txt_cells_fini(cells);
	return rc;
}

/* Row r laid out, and again under its process's first row `head' when it
 * is not that row. */
static int
export_txt_block(struct txt *t, const struct doc_row *r,
    const struct doc_row *head, struct txt_block *b, struct error *err)
{
	b->first = r->first;
	strvec_init(&b->lines);
	strvec_init(&b->cont);
	if (export_txt_lay_row(t, r, r, &b->lines, err) != 0)
		return -1;
	if (!r->first && export_txt_lay_row(t, r, head, &b->cont, err) != 0)
		return -1;
	return 0;
}

/* Append one line of the page to the document. */
static void
export_txt_emit(struct txt *t, const char *line)
{
	buf_puts(&t->doc, line);
	buf_putc(&t->doc, '\n');
	t->used++;
}

/* The same for a line the caller made. */
static void
export_txt_emit_owned(struct txt *t, char *line)
{
	export_txt_emit(t, line);
	free(line);
}

/* Append a rule as one line. */
static void
export_txt_emit_rule(struct txt *t, enum txt_rule kind)
{
	char *rule = export_txt_rule(t, kind);

	export_txt_emit(t, rule);
	free(rule);
}

/* Close the page's table and start the next page: a form feed, its
 * number centred, a blank line and the table's header again. */
static void
export_txt_new_page(struct txt *t)
{
	char num[24];
	char *line;

	export_txt_emit_rule(t, TXT_RULE_BOTTOM);
	buf_putc(&t->doc, '\f');
	t->page++;
	t->used = 0;
	snprintf(num, sizeof num, "%d", t->page);
	line = export_txt_centred(t, num);
	export_txt_emit(t, line);
	free(line);
	line = export_txt_centred(t, "");
	export_txt_emit(t, line);
	free(line);
	for (size_t i = 0; i < t->head.n; i++)
		export_txt_emit(t, t->head.v[i]);
}

/* Lines still free on the page for rows, keeping one for the bottom
 * rule; without pages there is always room. */
static int
export_txt_room(const struct txt *t)
{
	if (t->page_length == 0)
		return 1 << 30;
	return t->page_length - t->used - 1;
}

/* The fewest lines a page must have: its heading (the preamble on page 1,
 * the number and a blank line after), the header, a rule, one line of a
 * row and the bottom rule. */
static int
export_txt_check_length(const struct txt *t, struct error *err)
{
	int first = (int)(t->pre.n + t->head.n) + 3;
	int later = 2 + (int)t->head.n + 3;
	int need = first > later ? first : later;

	if (t->page_length == 0 || t->page_length >= need)
		return 0;
	return error_set(err, "на странице в %d строк не помещаются заголовок "
	    "и хотя бы одна строка таблицы: нужно не меньше %d строк",
	    t->page_length, need);
}

/* The rows laid out in t->rows onto the pages, cut when t->page_length
 * asks for pages. */
static void
export_txt_paginate(struct txt *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		const struct txt_block *b = &t->rows[r];
		const struct strvec *lines;

		if (!t->fresh && (int)b->lines.n + 1 > export_txt_room(t)) {
			export_txt_new_page(t);
			t->fresh = true;
		}
		/* A process going on at the top of a page names itself. */
		lines = t->fresh && !b->first ? &b->cont : &b->lines;
		export_txt_emit_rule(t, t->fresh || b->first ? TXT_RULE_FULL :
		    TXT_RULE_MERGED);
		for (size_t i = 0; i < lines->n; i++) {
			/* Only a row longer than a page gets here. */
			if (export_txt_room(t) < 1) {
				export_txt_new_page(t);
				export_txt_emit_rule(t, TXT_RULE_FULL);
			}
			export_txt_emit(t, lines->v[i]);
		}
		t->fresh = false;
	}
}

/* Write out what t->doc holds, in the encoding. */
static int
export_txt_flush(struct txt *t)
{
	size_t lacked = 0;
	int rc = 0;

	if (t->enc == NULL)
		buf_append(t->out, t->doc.data, t->doc.len);
	else
		rc = charset_from_utf8(t->enc, t->doc.data, t->doc.len, t->out,
		    &lacked, t->err);
	t->lacked += lacked;
	buf_reset(&t->doc);
	return rc;
}

static void
export_txt_rows_fini(struct txt *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		strvec_fini(&t->rows[i].lines);
		strvec_fini(&t->rows[i].cont);
	}
	free(t->rows);
	t->rows = NULL;
	t->nrows = 0;
}

/* One process: its rows laid out, put on the pages and written out. */
static void
export_txt_group(void *ctx, const struct doc_row *rows, size_t n)
{
	struct txt *t = ctx;

	if (t->rc != 0)
		return;
	t->rows = xcalloc(n, sizeof *t->rows);
	for (size_t i = 0; i < n && t->rc == 0; i++) {
		t->rc = export_txt_block(t, &rows[i], &rows[0], &t->rows[i],
		    t->err);
		t->nrows = i + 1;
	}
	if (t->rc == 0) {
		export_txt_paginate(t);
		t->rc = export_txt_flush(t);
	}
	export_txt_rows_fini(t);
}

/* One block of running text as lines of the full width, a blank line
 * after it: a heading centred, a paragraph flush left, a split line with
 * its two ends at the margins. */
static int
export_txt_text_block(struct txt *t, const struct doc_block *b,
    struct error *err)
{
	int width = t->width < TXT_HEADING_MAX ? t->width : TXT_HEADING_MAX;
	struct strvec lines;
	char *left = NULL, *right = NULL;
	int rc = 0;

	strvec_init(&lines);
	if (b->kind == DOC_SPLIT) {
		rc = export_txt_prepare(t, b->text, &left, err);
		if (rc == 0)
			rc = export_txt_prepare(t, b->right, &right, err);
		if (rc == 0)
			strvec_push_owned(&lines, xasprintf("%s%*s%s", left,
			    t->width - utf8_width(left) - utf8_width(right) > 1 ?
			    t->width - utf8_width(left) - utf8_width(right) : 1,
			    "", right));
	} else {
		rc = export_txt_wrap(t, b->text, b->kind == DOC_HEADING ? width :
		    t->width, "", &lines, err);
	}
	for (size_t i = 0; rc == 0 && i < lines.n; i++)
		export_txt_emit_owned(t, b->kind == DOC_HEADING ?
		    export_txt_centred(t, lines.v[i]) : export_txt_placed(t,
		    lines.v[i], 0));
	if (rc == 0)
		export_txt_emit_owned(t, export_txt_centred(t, ""));
	free(left);
	free(right);
	strvec_fini(&lines);
	return rc;
}

/* The blocks, then, unless there is no annex, a form feed: the annex
 * starts on a page of its own. */
static int
export_txt_blocks(struct txt *t, const struct document *d,
    struct error *err)
{
	for (size_t i = 0; i < d->nblocks; i++)
		if (export_txt_text_block(t, &d->blocks[i], err) != 0)
			return -1;
	if (d->nblocks > 0 && !d->no_annex) {
		buf_putc(&t->doc, '\f');
		t->used = 0;
	}
	return 0;
}

/* The blocks, the preamble, the header, then d's rows a process at a
 * time. */
static int
export_txt_document(struct txt *t, const struct document *d,
    struct error *err)
{
	if (export_txt_blocks(t, d, err) != 0)
		return -1;
	if (d->no_annex)
		return export_txt_flush(t);
	if (export_txt_preamble(t, d, err) != 0 ||
	    export_txt_head(t, err) != 0 ||
	    export_txt_check_length(t, err) != 0)
		return -1;
	t->page = 1;
	t->fresh = true;
	t->err = err;
	for (size_t i = 0; i < t->pre.n; i++)
		export_txt_emit(t, t->pre.v[i]);
	for (size_t i = 0; i < t->head.n; i++)
		export_txt_emit(t, t->head.v[i]);
	document_each_group(d, export_txt_group, t);
	if (t->rc != 0)
		return -1;
	export_txt_emit_rule(t, TXT_RULE_BOTTOM);
	return export_txt_flush(t);
}

/* Free what the layout built. */
static void
export_txt_fini(struct txt *t)
{
	export_txt_rows_fini(t);
	strvec_fini(&t->pre);
	strvec_fini(&t->head);
	buf_fini(&t->doc);
}

int
export_txt(const struct document *d, const struct export_opts *o,
    struct buf *out, size_t *replaced, struct error *err)
{
	struct txt t;
	int rc;

	if (replaced != NULL)
		*replaced = 0;
	if (o->width < EXPORT_WIDTH_MIN || o->width > EXPORT_WIDTH_MAX)
		return error_set(err, "ширина таблицы %d вне пределов %d–%d",
		    o->width, EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX);
	if (o->page_length != 0 && (o->page_length < EXPORT_PAGE_LENGTH_MIN ||
	    o->page_length > EXPORT_PAGE_LENGTH_MAX))
		return error_set(err, "длина страницы %d строк вне пределов "
		    "%d–%d", o->page_length, EXPORT_PAGE_LENGTH_MIN,
		    EXPORT_PAGE_LENGTH_MAX);
	memset(&t, 0, sizeof t);
	t.width = o->width;
	t.page_length = o->page_length;
	if (o->encoding != NULL && o->encoding[0] != '\0' &&
	    strcmp(charset_canonical(o->encoding), "UTF-8") != 0)
		t.enc = charset_canonical(o->encoding);
	if (export_txt_choose_glyphs(&t, err) != 0)
		return -1;
	export_txt_layout(&t, d);
	strvec_init(&t.pre);
	strvec_init(&t.head);
	buf_init(&t.doc);
	t.out = out;
	rc = export_txt_document(&t, d, err);
	if (rc == 0 && replaced != NULL)
		*replaced = t.replaced + t.lacked;
	export_txt_fini(&t);
	return rc;
}
