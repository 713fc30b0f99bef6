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

struct csv {
	char	 delim;
	struct buf doc;		/* the document in UTF-8 */
	char	*cells[CSV_NCOLS];	/* the row being built, owned */
};

/* A spreadsheet runs a cell that starts with one of these as a formula. */
static bool
export_csv_formula_char(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@';
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
	char *safe = utf8_sanitized(s, SAN_KEEP_NEWLINES);
	const char *p = safe;
	bool quote;

	while (*p == '\'')
		p++;
	if (export_csv_formula_char(*p)) {
		char *guarded = xasprintf("'%s", safe);

		free(safe);
		safe = guarded;
	}
	quote = strchr(safe, c->delim) != NULL || strpbrk(safe, "\"\r\n") !=
	    NULL;
	if (!quote) {
		buf_puts(&c->doc, safe);
		free(safe);
		return;
	}
	buf_putc(&c->doc, '"');
	for (p = safe; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(&c->doc, '"');
		buf_putc(&c->doc, *p);
	}
	buf_putc(&c->doc, '"');
	free(safe);
}

/* Write the row in c->cells and empty it for the next. */
static void
export_csv_flush_row(struct csv *c)
{
	for (size_t i = 0; i < CSV_NCOLS; i++) {
		if (i > 0)
			buf_putc(&c->doc, c->delim);
		export_csv_field(c, c->cells[i] != NULL ? c->cells[i] : "");
		free(c->cells[i]);
		c->cells[i] = NULL;
	}
	buf_puts(&c->doc, "\r\n");
}

/* Append s as one line of a multi-line cell: a line break inside it
 * would read back as two needs (or contacts), so it becomes a space. */
static void
export_csv_line(struct buf *b, size_t index, const char *s)
{
	if (index > 0)
		buf_putc(b, '\n');
	for (; *s != '\0'; s++)
		buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
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

/* The cells of a touchpoint after № and process. */
static void
export_csv_touchpoint(struct csv *c, const struct catalog *cat,
    const struct touchpoint *tp)
{
	struct buf needs, contacts, cats;
	const char *label = channel_label(tp->channel);

	buf_init(&needs);
	buf_init(&contacts);
	buf_init(&cats);
	for (size_t i = 0; i < tp->nneeds; i++) {
		export_csv_line(&needs, i, tp->needs[i].wording);
		if (i > 0)
			buf_putc(&cats, '\n');
		if (tp->needs[i].category != 0)
			buf_printf(&cats, "2.6.%d", tp->needs[i].category);
	}
	for (size_t i = 0; i < tp->ncontacts; i++)
		export_csv_line(&contacts, i, tp->contacts[i].value);
	c->cells[2] = xstrdup(tp->name);
	c->cells[3] = buf_detach(&needs);
	c->cells[4] = tp->specifics[0] == '\0' ? xstrdup(label) :
	    label[0] == '\0' ? xstrdup(tp->specifics) :
	    xasprintf("%s\n%s", label, tp->specifics);
	c->cells[5] = xstrdup(export_csv_kind(cat, tp->kind));
	c->cells[6] = buf_detach(&contacts);
	c->cells[7] = buf_detach(&cats);
	c->cells[8] = xstrdup(tp->key ? VAL_YES : VAL_NO);
	c->cells[9] = xstrdup(export_csv_basis_type(tp->basis_type));
	c->cells[10] = xstrdup(tp->basis);
	c->cells[11] = xstrdup(tp->unit);
	c->cells[12] = xstrdup(tp->audience == AUDIENCE_INTERNAL ?
	    VAL_AUDIENCE_INTERNAL : VAL_AUDIENCE_EXTERNAL);
	c->cells[13] = tp->max_transfers == TRI_UNKNOWN ? xstrdup("") :
	    xasprintf("%d", tp->max_transfers);
	c->cells[14] = xstrdup(export_csv_yes_no(tp->ack_receipt));
	c->cells[15] = xstrdup(tp->excluded ? VAL_YES : "");
	c->cells[16] = xstrdup(tp->exclude_reason);
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
		c->cells[0] = xasprintf("%zu", pos + 1);
		c->cells[1] = xstrdup(p->name);
		c->cells[15] = xstrdup(VAL_YES);
		c->cells[16] = xstrdup(p->exclude_reason);
		export_csv_flush_row(c);
		for (; i < p->ntps; i++) {
			export_csv_touchpoint(c, cat, &p->tps[i]);
			export_csv_flush_row(c);
		}
		return;
	}
	do {
		if (i == 0) {
			c->cells[0] = xasprintf("%zu", pos + 1);
			c->cells[1] = xstrdup(p->name);
		}
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
	buf_init(&w.c.doc);
	if (utf8 && o->bom)
		buf_puts(&w.c.doc, "\xEF\xBB\xBF");
	for (size_t i = 0; i < CSV_NCOLS; i++)
		w.c.cells[i] = xstrdup(export_csv_header[i]);
	export_csv_flush_row(&w.c);
	export_csv_flush(&w);
	if (w.rc == 0)
		each(src, export_csv_walk_process, &w);
	buf_fini(&w.c.doc);
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
