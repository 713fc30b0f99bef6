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

#define TXT_FIT_MIN	3	/* columns: a fit column (the №) no narrower */

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
	TXT_RULE_FULL,		/* under the header, between groups */
	TXT_RULE_MERGED,	/* between rows of one group: the spanning
				   columns stay open */
	TXT_RULE_BOTTOM
};

/* One row of the table laid out: its lines, and whether a full rule (a
 * new group) or a merged one goes above it.  A row that is not its
 * group's first also has cont: its lines with the group's spanning cells
 * repeated, for the top of a page the group continues on. */
struct txt_block {
	bool	 first;
	struct strvec lines;
	struct strvec cont;
};

struct txt {
	const char *enc;	/* canonical name; NULL for UTF-8 */
	int	 width;
	int	 page_length;	/* 0: one long page */
	const struct doc_table *tb;	/* the table being written */
	int	 w[DOC_MAX_COLUMNS];	/* text width of each of its columns */
	struct txt_frame f;
	const char *dash;	/* in front of each item of a list cell */
	const char *num;	/* "№", or "N" where the encoding lacks it */
	size_t	 replaced;
	struct strvec head;	/* top rule and the column names */
	bool	 movable;	/* a table may start a new page: more than its
				   own heading (the annex's grif and title)
				   since the last page break */
	struct txt_block *rows;	/* of the group being laid out */
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
	t->dash = DOC_ITEM_MARK;
	t->num = "№";
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

/* A header title as the page prints it: "№" is "N" where the encoding
 * lacks it. */
static const char *
export_txt_title(const struct txt *t, const char *title)
{
	return strcmp(title, "№") == 0 ? t->num : title;
}

/* The widest line of paragraph s, in columns. */
static int
export_txt_widest(const char *s)
{
	char *safe = utf8_sanitized(s, SAN_KEEP_NEWLINES);
	int most = 0;

	for (char *line = safe; *line != '\0';) {
		size_t n = strcspn(line, "\n");
		char c = line[n];
		int w;

		line[n] = '\0';
		w = utf8_width(line);
		if (w > most)
			most = w;
		line[n] = c;
		line += n + (c == '\n');
	}
	free(safe);
	return most;
}

/* A group's paragraphs into the widths of the fit columns. */
static void
export_txt_fit_group(void *ctx, const struct doc_row *rows, size_t n)
{
	struct txt *t = ctx;

	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < t->tb->ncols; c++) {
			const struct strvec *p = &rows[i].cells[c].paras;

			for (size_t k = 0; t->tb->cols[c].fit && k < p->n;
			    k++) {
				int w = export_txt_widest(p->v[k]);

				if (w > t->w[c])
					t->w[c] = w;
			}
		}
}

/* The fit columns as wide as their widest text (read from the rows
 * unless the table tells it up front), at least TXT_FIT_MIN. */
static void
export_txt_fit(struct txt *t)
{
	const struct doc_table *tb = t->tb;
	bool read = false;

	for (size_t c = 0; c < tb->ncols; c++) {
		t->w[c] = 0;
		if (!tb->cols[c].fit)
			continue;
		t->w[c] = TXT_FIT_MIN;
		if (tb->cols[c].widest != NULL &&
		    export_txt_widest(tb->cols[c].widest) > t->w[c])
			t->w[c] = export_txt_widest(tb->cols[c].widest);
		read = read || tb->cols[c].widest == NULL;
	}
	if (read)
		doc_table_each_group(tb, export_txt_fit_group, t);
}

/* Column widths that add up, with the frame, to exactly t->width: the fit
 * columns', then the rest by the weights, the heaviest column taking what
 * rounding leaves. */
static void
export_txt_layout(struct txt *t)
{
	const struct doc_table *tb = t->tb;
	int avail, used = 0;
	double sum = 0;
	size_t heaviest = tb->ncols;

	export_txt_fit(t);
	/* Each column has a space either side and a bar to its left; one
	 * more bar closes the line. */
	avail = t->width - (3 * (int)tb->ncols + 1);
	for (size_t c = 0; c < tb->ncols; c++) {
		if (tb->cols[c].fit) {
			avail -= t->w[c];
			continue;
		}
		sum += tb->cols[c].weight;
		if (heaviest == tb->ncols ||
		    tb->cols[c].weight > tb->cols[heaviest].weight)
			heaviest = c;
	}
	for (size_t c = 0; c < tb->ncols; c++)
		if (!tb->cols[c].fit) {
			t->w[c] = (int)(avail * tb->cols[c].weight / sum);
			used += t->w[c];
		}
	if (heaviest < tb->ncols)
		t->w[heaviest] += avail - used;
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

/* The joint left of column c (c == ncols: the line's end) in a rule,
 * open[] telling the columns that go on through it. */
static const char *
export_txt_joint(const struct txt *t, enum txt_rule kind, const bool *open,
    size_t c)
{
	const struct txt_frame *f = &t->f;
	size_t n = t->tb->ncols;
	bool before = c > 0 && open[c - 1], after = c < n && open[c];

	switch (kind) {
	case TXT_RULE_TOP:
		return c == 0 ? f->tl : c == n ? f->tr : f->tt;
	case TXT_RULE_BOTTOM:
		return c == 0 ? f->bl : c == n ? f->br : f->bt;
	default:
		break;
	}
	if (c == 0)
		return after ? f->v : f->lt;
	if (c == n)
		return before ? f->v : f->rt;
	if (before && after)
		return f->v;
	if (before)
		return f->lt;
	return after ? f->rt : f->x;
}

/* A horizontal rule; a merged one leaves the spanning columns open. */
static char *
export_txt_rule(const struct txt *t, enum txt_rule kind)
{
	bool open[DOC_MAX_COLUMNS] = { false };
	struct buf b;

	for (size_t c = 0; c < t->tb->ncols; c++)
		open[c] = kind == TXT_RULE_MERGED && t->tb->cols[c].span;
	buf_init(&b);
	for (size_t c = 0; c < t->tb->ncols; c++) {
		buf_puts(&b, export_txt_joint(t, kind, open, c));
		export_txt_repeat(&b, open[c] ? " " : t->f.h, t->w[c] + 2);
	}
	buf_puts(&b, export_txt_joint(t, kind, open, t->tb->ncols));
	return buf_detach(&b);
}

/* Lines of the row side by side, each cell padded to its column; a
 * centred column's text centred. */
static void
export_txt_row(const struct txt *t, struct strvec *cells,
    struct strvec *lines)
{
	size_t height = 1;

	for (size_t i = 0; i < t->tb->ncols; i++)
		if (cells[i].n > height)
			height = cells[i].n;
	for (size_t line = 0; line < height; line++) {
		struct buf b;

		buf_init(&b);
		for (size_t i = 0; i < t->tb->ncols; i++) {
			const char *s = line < cells[i].n ? cells[i].v[line] :
			    "";
			int gap = t->w[i] - utf8_width(s);
			int before = t->tb->cols[i].centred ? gap / 2 : 0;

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
export_txt_cells_init(struct strvec *cells)
{
	for (size_t i = 0; i < DOC_MAX_COLUMNS; i++)
		strvec_init(&cells[i]);
}

/* Free the lines of a row's cells. */
static void
export_txt_cells_fini(struct strvec *cells)
{
	for (size_t i = 0; i < DOC_MAX_COLUMNS; i++)
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

/* The top rule and the column names, wrapped like any cell: the header
 * every page repeats.  A table without titles has only the rule. */
static int
export_txt_head(struct txt *t, struct error *err)
{
	struct strvec cells[DOC_MAX_COLUMNS];
	bool titled = false;
	int rc = 0;

	strvec_fini(&t->head);
	strvec_init(&t->head);
	strvec_push_owned(&t->head, export_txt_rule(t, TXT_RULE_TOP));
	export_txt_cells_init(cells);
	for (size_t i = 0; i < t->tb->ncols && rc == 0; i++) {
		titled = titled || t->tb->cols[i].title[0] != '\0';
		rc = export_txt_wrap(t, export_txt_title(t,
		    t->tb->cols[i].title), t->w[i], "", &cells[i], err);
	}
	if (rc == 0 && titled)
		export_txt_row(t, cells, &t->head);
	export_txt_cells_fini(cells);
	return rc;
}

/* The lines of a row whose spanning cells are those of row `head' (the
 * row itself, or its group's first): every paragraph of a cell wrapped
 * to its column, a list's items each after a dash. */
static int
export_txt_lay_row(struct txt *t, const struct doc_row *r,
    const struct doc_row *head, struct strvec *lines, struct error *err)
{
	struct strvec cells[DOC_MAX_COLUMNS];
	int rc = 0;

	export_txt_cells_init(cells);
	for (size_t c = 0; c < t->tb->ncols && rc == 0; c++) {
		const struct doc_cell *cell = t->tb->cols[c].span ?
		    &head->cells[c] : &r->cells[c];
		const char *prefix = cell->list ? t->dash : "";

		for (size_t i = 0; i < cell->paras.n && rc == 0; i++)
			rc = export_txt_wrap(t, cell->paras.v[i], t->w[c],
			    prefix, &cells[c], err);
	}
	if (rc == 0)
		export_txt_row(t, cells, lines);
	export_txt_cells_fini(cells);
	return rc;
}

/* Row r laid out, and again under its group's first row `head' when it
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

/* Append one line of the page to the document, without the blanks that
 * placed its text: a line copied into a word processor must not carry
 * them into a justified paragraph. */
static void
export_txt_emit(struct txt *t, const char *line)
{
	size_t len = strlen(line);

	while (len > 0 && line[len - 1] == ' ')
		len--;
	buf_append(&t->doc, line, len);
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
	export_txt_emit_owned(t, export_txt_rule(t, kind));
}

/* Start the next page: a form feed, its number centred and a blank
 * line. */
static void
export_txt_page(struct txt *t)
{
	char num[24];

	buf_putc(&t->doc, '\f');
	t->page++;
	t->used = 0;
	snprintf(num, sizeof num, "%d", t->page);
	export_txt_emit_owned(t, export_txt_centred(t, num));
	export_txt_emit_owned(t, export_txt_centred(t, ""));
}

/* Close the page's table and go on with it on the next page, under its
 * header again when it repeats. */
static void
export_txt_new_page(struct txt *t)
{
	export_txt_emit_rule(t, TXT_RULE_BOTTOM);
	export_txt_page(t);
	if (t->tb->repeat_header)
		for (size_t i = 0; i < t->head.n; i++)
			export_txt_emit(t, t->head.v[i]);
	else
		export_txt_emit_rule(t, TXT_RULE_TOP);
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

/*
 * Room for the table's start on this page: its header, a rule, one line
 * of a row and the bottom rule.  A table that only its heading precedes
 * on the page (the annex's grif and title) shares the page with it: too
 * short a page for both is an error; one after running text or another
 * table goes to the next page.
 */
static int
export_txt_check_length(struct txt *t, struct error *err)
{
	int start = (int)t->head.n + 3;
	int later = 2 + start;
	int first = t->used + start;
	int need = first > later ? first : later;

	if (t->page_length == 0 || t->page_length >= need)
		return 0;
	if (t->movable && t->page_length >= later) {
		export_txt_page(t);
		return 0;
	}
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
		/* A group going on at the top of a page names itself. */
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

/* One group: its rows laid out, put on the pages and written out. */
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

/* A line of text flush left, for the lines around a table. */
static int
export_txt_left(struct txt *t, const char *s, struct error *err)
{
	struct strvec lines;
	int rc;

	if (s[0] == '\0')
		return 0;
	strvec_init(&lines);
	rc = export_txt_wrap(t, s, t->width, "", &lines, err);
	for (size_t i = 0; rc == 0 && i < lines.n; i++)
		export_txt_emit_owned(t, export_txt_placed(t, lines.v[i], 0));
	strvec_fini(&lines);
	return rc;
}

/* A table: the line above it, its header, its rows a group at a time,
 * its bottom rule, the line below it. */
static int
export_txt_table(struct txt *t, const struct doc_table *tb,
    struct error *err)
{
	t->tb = tb;
	export_txt_layout(t);
	if (export_txt_left(t, tb->before, err) != 0 ||
	    export_txt_head(t, err) != 0 ||
	    export_txt_check_length(t, err) != 0)
		return -1;
	t->movable = true;
	t->fresh = true;
	for (size_t i = 0; i < t->head.n; i++)
		export_txt_emit(t, t->head.v[i]);
	doc_table_each_group(tb, export_txt_group, t);
	if (t->rc != 0)
		return -1;
	export_txt_emit_rule(t, TXT_RULE_BOTTOM);
	return export_txt_left(t, tb->after, err);
}

/* The grif as a block at the right edge, its lines flush left inside it
 * (ГОСТ Р 7.0.97). */
static int
export_txt_grif(struct txt *t, const char *grif, struct error *err)
{
	int bw = t->width * TXT_GRIF_SHARE / 100;
	struct strvec lines;
	int rc;

	if (bw < TXT_GRIF_MIN)
		bw = TXT_GRIF_MIN;
	strvec_init(&lines);
	rc = export_txt_wrap(t, grif, bw, "", &lines, err);
	for (size_t i = 0; rc == 0 && i < lines.n; i++)
		export_txt_emit_owned(t, export_txt_placed(t, lines.v[i],
		    t->width - bw));
	strvec_fini(&lines);
	return rc;
}

/* A split line: its two ends at the margins. */
static int
export_txt_split(struct txt *t, const struct doc_block *b, struct error *err)
{
	char *left = NULL, *right = NULL;
	int rc, gap;

	rc = export_txt_prepare(t, b->text, &left, err);
	if (rc == 0)
		rc = export_txt_prepare(t, b->right, &right, err);
	if (rc == 0) {
		gap = t->width - utf8_width(left) - utf8_width(right);
		export_txt_emit_owned(t, xasprintf("%s%*s%s", left,
		    gap > 1 ? gap : 1, "", right));
	}
	free(left);
	free(right);
	return rc;
}

/* A block of running text as lines of the full width: a title, caption
 * or heading centred (wrapped like a printed heading), a paragraph or a
 * clause flush left. */
static int
export_txt_text(struct txt *t, const struct doc_block *b, struct error *err)
{
	int width = t->width < TXT_HEADING_MAX ? t->width : TXT_HEADING_MAX;
	bool centred = b->kind == DOC_TITLE || b->kind == DOC_CAPTION ||
	    b->kind == DOC_HEADING;
	struct strvec lines;
	char *clause = NULL;
	int rc;

	if (b->kind == DOC_CLAUSE)
		clause = xasprintf("%s %s", b->right, b->text);
	strvec_init(&lines);
	rc = export_txt_wrap(t, clause != NULL ? clause : b->text, centred ?
	    width : t->width, "", &lines, err);
	for (size_t i = 0; rc == 0 && i < lines.n; i++)
		export_txt_emit_owned(t, centred ? export_txt_centred(t,
		    lines.v[i]) : export_txt_placed(t, lines.v[i], 0));
	strvec_fini(&lines);
	free(clause);
	return rc;
}

/* One block; a page break starts a page of its own numbering. */
static int
export_txt_one(struct txt *t, const struct doc_block *b, struct error *err)
{
	switch (b->kind) {
	case DOC_PAGE_BREAK:
		buf_putc(&t->doc, '\f');
		t->used = 0;
		t->page = 1;
		t->movable = false;
		return 0;
	case DOC_TABLE:
		return export_txt_table(t, b->table, err);
	case DOC_GRIF:
		return export_txt_grif(t, b->text, err);
	case DOC_SPLIT:
		t->movable = true;
		return export_txt_split(t, b, err);
	default:
		t->movable = t->movable || b->kind == DOC_HEADING ||
		    b->kind == DOC_PARAGRAPH || b->kind == DOC_CLAUSE;
		return export_txt_text(t, b, err);
	}
}

/* Whether a blank line follows block i: after every block of text but a
 * title whose caption follows it or the words a quoted table follows
 * (its quotation mark right under them), and after a table when more
 * follows; never before a page break's form feed ends the page anyway. */
static bool
export_txt_blank_after(const struct document *d, size_t i)
{
	const struct doc_block *b = &d->blocks[i];
	bool last = i + 1 == d->nblocks;

	if (b->kind == DOC_PAGE_BREAK)
		return false;
	if (!last && d->blocks[i + 1].kind == DOC_TABLE &&
	    d->blocks[i + 1].table->before[0] != '\0')
		return false;
	if (b->kind == DOC_TABLE)
		return !last && d->blocks[i + 1].kind != DOC_PAGE_BREAK;
	return last || d->blocks[i + 1].kind != DOC_CAPTION ||
	    b->kind != DOC_TITLE;
}

/* The blocks in order; a table's rows are written out a group at a time
 * (what comes before its first group goes with it, so that a page too
 * short for a table's start writes nothing). */
static int
export_txt_document(struct txt *t, const struct document *d,
    struct error *err)
{
	t->page = 1;
	t->err = err;
	for (size_t i = 0; i < d->nblocks; i++) {
		if (export_txt_one(t, &d->blocks[i], err) != 0)
			return -1;
		if (export_txt_blank_after(d, i))
			export_txt_emit_owned(t, export_txt_centred(t, ""));
	}
	return export_txt_flush(t);
}

/* Free what the layout built. */
static void
export_txt_fini(struct txt *t)
{
	export_txt_rows_fini(t);
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
	strvec_init(&t.head);
	buf_init(&t.doc);
	t.out = out;
	rc = export_txt_document(&t, d, err);
	if (rc == 0 && replaced != NULL)
		*replaced = t.replaced + t.lacked;
	export_txt_fini(&t);
	return rc;
}
