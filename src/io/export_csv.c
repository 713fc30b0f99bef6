/* export_csv.c - the list as RFC 4180 CSV, the lossless interchange form. */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "columns.h"
#include "utf8.h"

static const char *const export_csv_header[] = {
	COL_NUM, COL_PROCESS, COL_TOUCHPOINT, COL_NEEDS, COL_SPECIFICS,
	COL_KIND, COL_CONTACTS, COL_CATEGORIES, COL_KEY, COL_BASIS_TYPE,
	COL_BASIS, COL_UNIT, COL_AUDIENCE, COL_TRANSFERS, COL_ACK,
	COL_EXCLUDED, COL_EXCLUDE_REASON
};

#define CSV_NCOLS (sizeof export_csv_header / sizeof export_csv_header[0])

/*
 * The row being built: each cell points at the list's own text, a
 * constant, or the column's scratch buffer (a cell composed of several
 * texts), so that no cell is copied to be written.
 */
struct csv {
	char	 delim;
	struct buf doc;		/* the document in UTF-8 */
	const char *cells[CSV_NCOLS];	/* NULL: empty */
	struct buf made[CSV_NCOLS];	/* cells composed for this row */
	struct buf field;	/* one field sanitised */
};

static void
export_csv_init(struct csv *c)
{
	buf_init(&c->doc);
	buf_init(&c->field);
	for (size_t i = 0; i < CSV_NCOLS; i++)
		buf_init(&c->made[i]);
}

static void
export_csv_fini(struct csv *c)
{
	buf_fini(&c->doc);
	buf_fini(&c->field);
	for (size_t i = 0; i < CSV_NCOLS; i++)
		buf_fini(&c->made[i]);
}

/* The column's scratch buffer, emptied, for a cell to be composed in. */
static struct buf *
export_csv_make(struct csv *c, size_t col)
{
	buf_reset(&c->made[col]);
	c->cells[col] = c->made[col].data;
	return &c->made[col];
}

/* A spreadsheet runs a cell that starts with one of these as a formula. */
static bool
export_csv_formula_char(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@';
}

/* Whether a field must be quoted: it holds the delimiter, a quote or a
 * line break. */
static bool
export_csv_needs_quotes(const struct csv *c, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == c->delim || s[i] == '"' || s[i] == '\r' ||
		    s[i] == '\n')
			return true;
	return false;
}

/*
 * Append one field: sanitised (newlines kept), an apostrophe in front if a
 * spreadsheet would take it for a formula (after apostrophes already there,
 * so that the importer's "remove one" rule gives the text back), quoted
 * when it holds the delimiter, a quote or a line break.
 */
static void
export_csv_field(struct csv *c, const char *s)
{
	const char *p, *q, *end;
	bool guard, quote;

	buf_reset(&c->field);
	utf8_sanitize(s, SAN_KEEP_NEWLINES, &c->field);
	p = c->field.data;
	end = p + c->field.len;
	while (*p == '\'')
		p++;
	guard = export_csv_formula_char(*p);
	quote = export_csv_needs_quotes(c, c->field.data, c->field.len);
	if (quote)
		buf_putc(&c->doc, '"');
	if (guard)
		buf_putc(&c->doc, '\'');
	/* Each quote doubled: the text up to and with it, then it again. */
	for (p = c->field.data; quote &&
	    (q = memchr(p, '"', (size_t)(end - p))) != NULL; p = q + 1) {
		buf_append(&c->doc, p, (size_t)(q - p) + 1);
		buf_putc(&c->doc, '"');
	}
	buf_append(&c->doc, p, (size_t)(end - p));
	if (quote)
		buf_putc(&c->doc, '"');
}

/* Write the row in c->cells and empty it for the next. */
static void
export_csv_flush_row(struct csv *c)
{
	for (size_t i = 0; i < CSV_NCOLS; i++) {
		if (i > 0)
			buf_putc(&c->doc, c->delim);
		export_csv_field(c, c->cells[i] != NULL ? c->cells[i] : "");
		c->cells[i] = NULL;
	}
	buf_puts(&c->doc, "\r\n");
}

/* Append s as one line of a multi-line cell: a line break inside it
 * would read back as two needs (or contacts), so it becomes a space. */
static void
export_csv_line(struct buf *b, size_t index, const char *s)
{
	size_t n;

	if (index > 0)
		buf_putc(b, '\n');
	while (*s != '\0') {
		n = strcspn(s, "\r\n");
		buf_append(b, s, n);
		s += n;
		if (*s != '\0') {
			buf_putc(b, ' ');
			s++;
		}
	}
}

/* да / нет, or empty for a fact not recorded. */
static const char *
export_csv_yes_no(int v)
{
	if (v == TRI_UNKNOWN)
		return "";
	return v ? VAL_YES : VAL_NO;
}

/* The basis type as columns.h words it; empty when not set. */
static const char *
export_csv_basis_type(enum basis_type b)
{
	switch (b) {
	case BASIS_DOCUMENT:
		return VAL_BASIS_DOCUMENT;
	case BASIS_ACT:
		return VAL_BASIS_ACT;
	case BASIS_NONE:
		break;
	}
	return "";
}

/* The kind's name, so a clerk can read it; an unknown code as it is. */
static const char *
export_csv_kind(const struct catalog *cat, const char *code)
{
	const struct kind *k = cat != NULL && code[0] != '\0' ?
	    catalog_find_kind(cat, code) : NULL;

	return k != NULL ? k->name : code;
}

/* Needs, their categories and contacts: one line each in their cells. */
static void
export_csv_lines(struct csv *c, const struct touchpoint *tp)
{
	struct buf *needs = export_csv_make(c, 3);
	struct buf *contacts = export_csv_make(c, 6);
	struct buf *cats = export_csv_make(c, 7);

	for (size_t i = 0; i < tp->nneeds; i++) {
		export_csv_line(needs, i, tp->needs[i].wording);
		if (i > 0)
			buf_putc(cats, '\n');
		if (tp->needs[i].category != 0)
			buf_printf(cats, "2.6.%d", tp->needs[i].category);
	}
	for (size_t i = 0; i < tp->ncontacts; i++)
		export_csv_line(contacts, i, tp->contacts[i].value);
	/* Appending may have moved the bytes. */
	c->cells[3] = needs->data;
	c->cells[6] = contacts->data;
	c->cells[7] = cats->data;
}

/* The cells of a touchpoint after № and process. */
static void
export_csv_touchpoint(struct csv *c, const struct catalog *cat,
    const struct touchpoint *tp)
{
	const char *label = channel_label(tp->channel);

	export_csv_lines(c, tp);
	c->cells[2] = tp->name;
	if (tp->specifics[0] == '\0' || label[0] == '\0')
		c->cells[4] = tp->specifics[0] == '\0' ? label : tp->specifics;
	else {
		buf_printf(export_csv_make(c, 4), "%s\n%s", label,
		    tp->specifics);
		c->cells[4] = c->made[4].data;
	}
	c->cells[5] = export_csv_kind(cat, tp->kind);
	c->cells[8] = tp->key ? VAL_YES : VAL_NO;
	c->cells[9] = export_csv_basis_type(tp->basis_type);
	c->cells[10] = tp->basis;
	c->cells[11] = tp->unit;
	c->cells[12] = tp->audience == AUDIENCE_INTERNAL ?
	    VAL_AUDIENCE_INTERNAL : VAL_AUDIENCE_EXTERNAL;
	if (tp->max_transfers != TRI_UNKNOWN) {
		buf_printf(export_csv_make(c, 13), "%d", tp->max_transfers);
		c->cells[13] = c->made[13].data;
	}
	c->cells[14] = export_csv_yes_no(tp->ack_receipt);
	c->cells[15] = tp->excluded ? VAL_YES : "";
	c->cells[16] = tp->exclude_reason;
}

/* № and name of the process, on its first row. */
static void
export_csv_process_cells(struct csv *c, const struct process *p, size_t pos)
{
	buf_printf(export_csv_make(c, 0), "%zu", pos + 1);
	c->cells[0] = c->made[0].data;
	c->cells[1] = p->name;
}

/*
 * The rows of one process; № and name on the first only.  An excluded
 * process has a row of its own first, with no touchpoint and the
 * exclusion in the touchpoints' columns of it; its touchpoints follow.
 */
static void
export_csv_process(struct csv *c, const struct catalog *cat,
    const struct process *p, size_t pos)
{
	size_t i = 0;

	if (p->excluded) {
		export_csv_process_cells(c, p, pos);
		c->cells[15] = VAL_YES;
		c->cells[16] = p->exclude_reason;
		export_csv_flush_row(c);
		for (; i < p->ntps; i++) {
			export_csv_touchpoint(c, cat, &p->tps[i]);
			export_csv_flush_row(c);
		}
		return;
	}
	do {
		if (i == 0)
			export_csv_process_cells(c, p, pos);
		if (i < p->ntps)
			export_csv_touchpoint(c, cat, &p->tps[i]);
		export_csv_flush_row(c);
	} while (++i < p->ntps);
}

/* Where the processes go as they come, and what became of them. */
struct csv_walk {
	struct csv c;
	const struct catalog *cat;
	const char *enc;	/* NULL: UTF-8 */
	struct buf *out;
	size_t	 replaced;
	int	 rc;
	struct error *err;
};

/* Write out what c.doc holds, in the encoding. */
static void
export_csv_flush(struct csv_walk *w)
{
	size_t lacked = 0;

	if (w->rc != 0)
		return;
	if (w->enc == NULL)
		buf_append(w->out, w->c.doc.data, w->c.doc.len);
	else
		w->rc = charset_from_utf8(w->enc, w->c.doc.data, w->c.doc.len,
		    w->out, &lacked, w->err);
	w->replaced += lacked;
	buf_reset(&w->c.doc);
}

static void
export_csv_walk_process(void *ctx, const struct process *p, size_t index)
{
	struct csv_walk *w = ctx;

	export_csv_process(&w->c, w->cat, p, index);
	export_csv_flush(w);
}

int
export_csv_each(export_csv_source each, void *src,
    const struct catalog *cat, const struct export_opts *o, struct buf *out,
    size_t *replaced, struct error *err)
{
	const char *enc = o->encoding != NULL && o->encoding[0] != '\0' ?
	    charset_canonical(o->encoding) : "UTF-8";
	bool utf8 = strcmp(enc, "UTF-8") == 0;
	struct csv_walk w;

	if (replaced != NULL)
		*replaced = 0;
	memset(&w, 0, sizeof w);
	w.c.delim = o->delimiter != '\0' ? o->delimiter :
	    strcmp(enc, "CP1251") == 0 ? ';' : ',';
	if (strchr("\"'\r\n", w.c.delim) != NULL)
		return error_set(err, "символ %s не может разделять поля CSV",
		    w.c.delim == '"' ? "«\"»" : w.c.delim == '\'' ? "«'»" :
		    "конца строки");
	w.cat = cat;
	w.enc = utf8 ? NULL : enc;
	w.out = out;
	w.err = err;
	export_csv_init(&w.c);
	if (utf8 && o->bom)
		buf_puts(&w.c.doc, "\xEF\xBB\xBF");
	for (size_t i = 0; i < CSV_NCOLS; i++)
		w.c.cells[i] = export_csv_header[i];
	export_csv_flush_row(&w.c);
	export_csv_flush(&w);
	if (w.rc == 0)
		each(src, export_csv_walk_process, &w);
	export_csv_fini(&w.c);
	if (w.rc == 0 && replaced != NULL)
		*replaced = w.replaced;
	return w.rc;
}

/* The processes of a list in memory. */
static void
export_csv_list(void *src, export_process_fn fn, void *ctx)
{
	const struct list *l = src;

	for (size_t i = 0; i < l->nprocs; i++)
		fn(ctx, &l->procs[i], i);
}

int
export_csv(const struct list *l, const struct catalog *cat,
    const struct export_opts *o, struct buf *out, size_t *replaced,
    struct error *err)
{
	return export_csv_each(export_csv_list, (void *)l, cat, o, out,
	    replaced, err);
}
