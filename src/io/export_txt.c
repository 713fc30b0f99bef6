/* export_txt.c - the list as the printed text table (Приложение 1). */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "columns.h"
#include "strvec.h"
#include "utf8.h"

#define TXT_NCOLS	5
#define TXT_HEADING_MAX	80	/* the title wraps like a printed heading */

enum { TXT_NUM, TXT_PROCESS, TXT_TOUCHPOINT, TXT_NEEDS, TXT_SPECIFICS };

/* Share of the width after № for each of the other columns, in percent;
 * the needs, the longest text, get what rounding leaves. */
static const int txt_weights[TXT_NCOLS] = { 0, 23, 25, 29, 23 };

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

struct txt {
	const char *enc;	/* canonical name; NULL for UTF-8 */
	int	 width;
	int	 w[TXT_NCOLS];	/* text width of each column */
	struct txt_frame f;
	const char *dash;	/* in front of each of several needs */
	const char *num;	/* the № heading */
	size_t	 replaced;
	struct buf doc;		/* the document in UTF-8 */
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
	t->num = COL_NUM;
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

/* Column widths that add up, with the frame, to exactly t->width. */
static void
export_txt_layout(struct txt *t, size_t nprocs)
{
	int digits = 1, avail, used = 0;

	for (size_t n = nprocs; n >= 10; n /= 10)
		digits++;
	t->w[TXT_NUM] = digits > 3 ? digits : 3;
	/* Each column has a space either side and a bar to its left; one
	 * more bar closes the line. */
	avail = t->width - (3 * TXT_NCOLS + 1) - t->w[TXT_NUM];
	for (int i = 1; i < TXT_NCOLS; i++) {
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
	utf8_wrap(text, width - pw, &wrapped);
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
export_txt_repeat(struct txt *t, const char *s, int n)
{
	for (int i = 0; i < n; i++)
		buf_puts(&t->doc, s);
}

/* A horizontal rule; a merged one leaves № and process open. */
static void
export_txt_rule(struct txt *t, enum txt_rule kind)
{
	const struct txt_frame *f = &t->f;
	const char *left, *mid, *right;

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
	for (int i = 0; i < TXT_NCOLS; i++) {
		/* The № and process cells of one process stay open. */
		bool open = kind == TXT_RULE_MERGED && i <= TXT_PROCESS;

		if (i == 0)
			buf_puts(&t->doc, open ? f->v : left);
		else if (kind == TXT_RULE_MERGED && i <= TXT_TOUCHPOINT)
			buf_puts(&t->doc, i == TXT_TOUCHPOINT ? f->lt : f->v);
		else
			buf_puts(&t->doc, mid);
		export_txt_repeat(t, open ? " " : f->h, t->w[i] + 2);
	}
	buf_puts(&t->doc, right);
	buf_putc(&t->doc, '\n');
}

/* Lines of the row side by side, each cell padded to its column. */
static void
export_txt_row(struct txt *t, struct strvec cells[TXT_NCOLS])
{
	size_t height = 1;

	for (int i = 0; i < TXT_NCOLS; i++)
		if (cells[i].n > height)
			height = cells[i].n;
	for (size_t line = 0; line < height; line++) {
		for (int i = 0; i < TXT_NCOLS; i++) {
			const char *s = line < cells[i].n ? cells[i].v[line] :
			    "";

			buf_puts(&t->doc, t->f.v);
			buf_putc(&t->doc, ' ');
			buf_puts(&t->doc, s);
			export_txt_repeat(t, " ", t->w[i] - utf8_width(s) + 1);
		}
		buf_puts(&t->doc, t->f.v);
		buf_putc(&t->doc, '\n');
	}
}

/* A row's cells start empty: a missing cell prints blank. */
static void
export_txt_cells_init(struct strvec cells[TXT_NCOLS])
{
	for (int i = 0; i < TXT_NCOLS; i++)
		strvec_init(&cells[i]);
}

/* Free the lines of a row's cells. */
static void
export_txt_cells_fini(struct strvec cells[TXT_NCOLS])
{
	for (int i = 0; i < TXT_NCOLS; i++)
		strvec_fini(&cells[i]);
}

/* One line padded to the full width with s in its middle. */
static void
export_txt_centred(struct txt *t, const char *s)
{
	int pad = t->width - utf8_width(s);

	export_txt_repeat(t, " ", pad / 2);
	buf_puts(&t->doc, s);
	export_txt_repeat(t, " ", pad - pad / 2);
	buf_putc(&t->doc, '\n');
}

/* "ПЕРЕЧЕНЬ", the title and the organisation, as the approved list has. */
static int
export_txt_heading(struct txt *t, const struct list_header *h,
    struct error *err)
{
	const char *parts[3] = { "ПЕРЕЧЕНЬ", h->title, h->org };
	int width = t->width < TXT_HEADING_MAX ? t->width : TXT_HEADING_MAX;
	struct strvec lines;

	if (h->title[0] == '\0' && h->org[0] == '\0')
		return 0;
	strvec_init(&lines);
	for (int i = 0; i < 3; i++)
		if (parts[i][0] != '\0' && export_txt_wrap(t, parts[i], width,
		    "", &lines, err) != 0) {
			strvec_fini(&lines);
			return -1;
		}
	for (size_t i = 0; i < lines.n; i++)
		export_txt_centred(t, lines.v[i]);
	export_txt_centred(t, "");
	strvec_fini(&lines);
	return 0;
}

/* The column names, wrapped like any cell. */
static int
export_txt_header_row(struct txt *t, struct error *err)
{
	const char *names[TXT_NCOLS] = { t->num, COL_PROCESS, COL_TOUCHPOINT,
	    COL_NEEDS, COL_SPECIFICS };
	struct strvec cells[TXT_NCOLS];
	int rc = 0;

	export_txt_cells_init(cells);
	for (int i = 0; i < TXT_NCOLS && rc == 0; i++)
		rc = export_txt_wrap(t, names[i], t->w[i], "", &cells[i], err);
	if (rc == 0)
		export_txt_row(t, cells);
	export_txt_cells_fini(cells);
	return rc;
}

/* The touchpoint's three cells: name and contacts, needs, specifics. */
static int
export_txt_touchpoint(struct txt *t, const struct touchpoint *tp,
    struct strvec cells[TXT_NCOLS], struct error *err)
{
	const char *label = channel_label(tp->channel);
	const char *bullet = tp->nneeds > 1 ? t->dash : "";

	if (export_txt_wrap(t, tp->name, t->w[TXT_TOUCHPOINT], "",
	    &cells[TXT_TOUCHPOINT], err) != 0)
		return -1;
	for (size_t i = 0; i < tp->ncontacts; i++)
		if (export_txt_wrap(t, tp->contacts[i].value,
		    t->w[TXT_TOUCHPOINT], "", &cells[TXT_TOUCHPOINT],
		    err) != 0)
			return -1;
	for (size_t i = 0; i < tp->nneeds; i++)
		if (export_txt_wrap(t, tp->needs[i].wording, t->w[TXT_NEEDS],
		    bullet, &cells[TXT_NEEDS], err) != 0)
			return -1;
	if (label[0] != '\0' && export_txt_wrap(t, label,
	    t->w[TXT_SPECIFICS], "", &cells[TXT_SPECIFICS], err) != 0)
		return -1;
	if (tp->specifics[0] != '\0' && export_txt_wrap(t, tp->specifics,
	    t->w[TXT_SPECIFICS], "", &cells[TXT_SPECIFICS], err) != 0)
		return -1;
	return 0;
}

/* One process: a full rule, then a row per touchpoint still in the list
 * (one empty row if none), № and name on the first. */
static int
export_txt_process(struct txt *t, const struct process *p, size_t pos,
    struct error *err)
{
	struct strvec cells[TXT_NCOLS];
	size_t printed = 0;
	char *num;

	export_txt_rule(t, TXT_RULE_FULL);
	for (size_t i = 0; i <= p->ntps; i++) {
		const struct touchpoint *tp = i < p->ntps ? &p->tps[i] : NULL;
		int rc = 0;

		if (tp != NULL ? tp->excluded : printed > 0)
			continue;
		export_txt_cells_init(cells);
		if (printed == 0) {
			num = xasprintf("%zu", pos + 1);
			strvec_push_owned(&cells[TXT_NUM], num);
			rc = export_txt_wrap(t, p->name, t->w[TXT_PROCESS], "",
			    &cells[TXT_PROCESS], err);
		} else {
			export_txt_rule(t, TXT_RULE_MERGED);
		}
		if (rc == 0 && tp != NULL)
			rc = export_txt_touchpoint(t, tp, cells, err);
		if (rc == 0)
			export_txt_row(t, cells);
		export_txt_cells_fini(cells);
		if (rc != 0)
			return -1;
		printed++;
	}
	return 0;
}

/* The document in UTF-8 in t->doc. */
static int
export_txt_document(struct txt *t, const struct list *l, struct error *err)
{
	if (export_txt_heading(t, &l->hdr, err) != 0)
		return -1;
	export_txt_rule(t, TXT_RULE_TOP);
	if (export_txt_header_row(t, err) != 0)
		return -1;
	for (size_t i = 0; i < l->nprocs; i++)
		if (export_txt_process(t, &l->procs[i], i, err) != 0)
			return -1;
	export_txt_rule(t, TXT_RULE_BOTTOM);
	return 0;
}

int
export_txt(const struct list *l, const struct catalog *cat,
    const struct export_opts *o, struct buf *out, size_t *replaced,
    struct error *err)
{
	struct txt t;
	size_t lacked = 0;
	int rc;

	(void)cat;
	if (replaced != NULL)
		*replaced = 0;
	if (o->width < EXPORT_WIDTH_MIN || o->width > EXPORT_WIDTH_MAX)
		return error_set(err, "ширина таблицы %d вне пределов %d–%d",
		    o->width, EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX);
	memset(&t, 0, sizeof t);
	t.width = o->width;
	if (o->encoding != NULL && o->encoding[0] != '\0' &&
	    strcmp(charset_canonical(o->encoding), "UTF-8") != 0)
		t.enc = charset_canonical(o->encoding);
	if (export_txt_choose_glyphs(&t, err) != 0)
		return -1;
	export_txt_layout(&t, l->nprocs);
	buf_init(&t.doc);
	rc = export_txt_document(&t, l, err);
	if (rc == 0 && t.enc == NULL)
		buf_append(out, t.doc.data, t.doc.len);
	else if (rc == 0)
		rc = charset_from_utf8(t.enc, t.doc.data, t.doc.len, out,
		    &lacked, err);
	buf_fini(&t.doc);
	if (rc == 0 && replaced != NULL)
		*replaced = t.replaced + lacked;
	return rc;
}
