/* document.c - the printed document: blocks, tables, page; the annex. */
#include "document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "contact.h"
#include "declension.h"
#include "utf8.h"

const char *const document_column_titles[DOC_COLUMNS] = {
	"№",
	"Процесс взаимодействия с клиентом",
	"Точка взаимодействия",
	"Удовлетворяемые потребности клиента",
	"Особенности взаимодействия с клиентом",
};

const double document_column_weights[DOC_COLUMNS] = { 0, 23, 25, 29, 23 };

void
doc_page_defaults(struct doc_page *p)
{
	p->width_mm = 210;
	p->height_mm = 297;
	p->margin_left_mm = 30;
	p->margin_right_mm = 10;
	p->margin_top_mm = 20;
	p->margin_bottom_mm = 20;
	snprintf(p->font, sizeof p->font, "Times New Roman");
	p->font_pt = 12;
}

static const struct {
	const char *name;
	double w, h;
} sizes[] = {
	{ "A3", 297, 420 }, { "A4", 210, 297 }, { "A5", 148, 210 },
	{ "Letter", 215.9, 279.4 },
};

/*
 * A decimal number with '.' or ',' as the separator, whatever the locale
 * (strtod would follow LC_NUMERIC, and a Russian locale rejects "12.5").
 */
static int
parse_number(const char *s, double lo, double hi, double *out)
{
	double v = 0, scale = 1;
	bool digits = false, fraction = false;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			digits = true;
			if (fraction) {
				scale /= 10;
				v += (*s - '0') * scale;
			} else if ((v = v * 10 + (*s - '0')) > 1e6)
				return -1;
		} else if ((*s == '.' || *s == ',') && !fraction) {
			fraction = true;
		} else {
			return -1;
		}
	}
	if (!digits || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int
set_size(struct doc_page *p, const char *v, struct error *err)
{
	bool landscape = p->width_mm > p->height_mm;
	double w, h;
	char *x, *copy;

	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		if (strcasecmp(v, sizes[i].name) == 0) {
			p->width_mm = landscape ? sizes[i].h : sizes[i].w;
			p->height_mm = landscape ? sizes[i].w : sizes[i].h;
			return 0;
		}
	copy = xstrdup(v);
	x = strchr(copy, 'x');
	if (x != NULL)
		*x = '\0';
	if (x == NULL || parse_number(copy, 50, 2000, &w) != 0 ||
	    parse_number(x + 1, 50, 2000, &h) != 0) {
		free(copy);
		return error_set(err, "размер страницы «%s»: ожидалось A3, A4, "
		    "A5, Letter или ШИРИНАxВЫСОТА в мм", v);
	}
	free(copy);
	p->width_mm = w;
	p->height_mm = h;
	return 0;
}

static int
set_margins(struct doc_page *p, const char *v, struct error *err)
{
	double m[4];
	char *copy = xstrdup(v), *save = NULL, *tok = strtok_r(copy, ",", &save);
	int n = 0;

	while (tok != NULL && n < 4 && parse_number(tok, 0, 100, &m[n]) == 0) {
		n++;
		tok = strtok_r(NULL, ",", &save);
	}
	free(copy);
	if (n != 4 || tok != NULL)
		return error_set(err, "поля «%s»: ожидалось четыре числа в мм "
		    "через запятую: левое,правое,верхнее,нижнее", v);
	p->margin_left_mm = m[0];
	p->margin_right_mm = m[1];
	p->margin_top_mm = m[2];
	p->margin_bottom_mm = m[3];
	return 0;
}

int
doc_page_set(struct doc_page *p, const char *key, const char *value,
    struct error *err)
{
	char *f;
	int rc = 0;

	if (strcmp(key, "size") == 0)
		return set_size(p, value, err);
	if (strcmp(key, "margins") == 0)
		return set_margins(p, value, err);
	if (strcmp(key, "font") == 0) {
		if (value[0] == '\0' || strlen(value) >= sizeof p->font)
			return error_set(err, "шрифт «%s»: пустое или слишком "
			    "длинное имя", value);
		snprintf(p->font, sizeof p->font, "%s", value);
		return 0;
	}
	if (strcmp(key, "font-size") == 0) {
		if (parse_number(value, 6, 28, &p->font_pt) != 0)
			return error_set(err, "кегль «%s»: ожидалось число от 6 "
			    "до 28 пунктов", value);
		return 0;
	}
	if (strcmp(key, "orientation") != 0)
		return error_set(err, "неизвестная настройка страницы «%s» "
		    "(size, orientation, margins, font, font-size)", key);
	f = utf8_casefold(value);
	if (strcmp(f, "landscape") == 0 || strcmp(f, "альбомная") == 0) {
		if (p->width_mm < p->height_mm) {
			double t = p->width_mm;

			p->width_mm = p->height_mm;
			p->height_mm = t;
		}
	} else if (strcmp(f, "portrait") == 0 || strcmp(f, "книжная") == 0) {
		if (p->width_mm > p->height_mm) {
			double t = p->width_mm;

			p->width_mm = p->height_mm;
			p->height_mm = t;
		}
	} else {
		rc = error_set(err, "ориентация «%s»: ожидалось portrait "
		    "(книжная) или landscape (альбомная)", value);
	}
	free(f);
	return rc;
}

char *
document_genitive(const struct list_header *h)
{
	if (h->org_genitive[0] != '\0')
		return xstrdup(h->org_genitive);
	return declension_genitive(h->org);
}

char *
document_grif(const char *org_genitive, const char *wording,
    const char *order_date, const char *order_no)
{
	const char *gen = org_genitive != NULL ? org_genitive : "";
	int y, m, d;

	if (order_date == NULL || sscanf(order_date, "%4d-%2d-%2d", &y, &m,
	    &d) != 3)
		return xstrdup("");
	if (wording != NULL && wording[0] != '\0')
		return xasprintf("УТВЕРЖДЕН\n%s\nот %02d.%02d.%04d № %s", wording,
		    d, m, y, order_no);
	return xasprintf("УТВЕРЖДЕН\nприказом%s%s\nот %02d.%02d.%04d № %s",
	    gen[0] ? " " : "", gen, d, m, y, order_no);
}

void
document_init(struct document *d)
{
	memset(d, 0, sizeof *d);
	doc_page_defaults(&d->page);
	d->title = xstrdup("");
}

static void
doc_table_free(struct doc_table *t)
{
	if (t == NULL)
		return;
	doc_table_rows_clear(t);
	free(t->rows);
	for (size_t c = 0; c < t->ncols; c++) {
		free((char *)t->cols[c].title);
		free((char *)t->cols[c].widest);
	}
	free(t->before);
	free(t->after);
	free(t);
}

void
document_fini(struct document *d)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		free(d->blocks[i].text);
		free(d->blocks[i].right);
		doc_table_free(d->blocks[i].table);
	}
	free(d->blocks);
	free(d->title);
	memset(d, 0, sizeof *d);
}

static struct doc_block *
document_push(struct document *d, enum doc_block_kind k, const char *text,
    const char *right)
{
	struct doc_block *b;

	d->blocks = xreallocarray(d->blocks, d->nblocks + 1,
	    sizeof *d->blocks);
	b = &d->blocks[d->nblocks++];
	b->kind = k;
	b->text = xstrdup(text != NULL ? text : "");
	b->right = xstrdup(right != NULL ? right : "");
	b->table = NULL;
	return b;
}

void
document_add_block(struct document *d, enum doc_block_kind k,
    const char *text, const char *right)
{
	document_push(d, k, text, right);
}

struct doc_table *
document_add_table(struct document *d, const struct doc_column *cols,
    size_t ncols)
{
	struct doc_block *b = document_push(d, DOC_TABLE, NULL, NULL);
	struct doc_table *t = xcalloc(1, sizeof *t);

	/* A producer's mistake, not the clerk's: never more than fit. */
	if (ncols > DOC_MAX_COLUMNS)
		ncols = DOC_MAX_COLUMNS;
	t->ncols = ncols;
	for (size_t c = 0; c < ncols; c++) {
		t->cols[c] = cols[c];
		t->cols[c].title = xstrdup(cols[c].title != NULL ?
		    cols[c].title : "");
		t->cols[c].widest = cols[c].widest != NULL ?
		    xstrdup(cols[c].widest) : NULL;
		if (t->cols[c].weight <= 0)
			t->cols[c].weight = 1;
	}
	t->before = xstrdup("");
	t->after = xstrdup("");
	b->table = t;
	return t;
}

struct doc_row *
doc_table_add_row(struct doc_table *t, bool first)
{
	struct doc_row *r;

	t->rows = xreallocarray(t->rows, t->nrows + 1, sizeof *t->rows);
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->first = first || t->nrows == 1;
	r->span = 1;
	for (size_t c = 0; c < DOC_MAX_COLUMNS; c++)
		strvec_init(&r->cells[c].paras);
	/* The group's first row counts its rows. */
	if (r->first)
		t->group = t->nrows - 1;
	else
		t->rows[t->group].span++;
	return r;
}

void
doc_table_rows_clear(struct doc_table *t)
{
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; c < DOC_MAX_COLUMNS; c++)
			strvec_fini(&t->rows[i].cells[c].paras);
	t->nrows = 0;
	t->group = 0;
}

void
doc_table_each_group(const struct doc_table *t, doc_group_fn fn, void *ctx)
{
	size_t r = 0;

	if (t->source.each != NULL) {
		t->source.each(t->source.src, fn, ctx);
		return;
	}
	while (r < t->nrows) {
		size_t span = t->rows[r].span > 0 ? t->rows[r].span : 1;
		size_t n = span < t->nrows - r ? span : t->nrows - r;

		fn(ctx, &t->rows[r], n);
		r += n;
	}
}

struct doc_table *
document_table(const struct document *d)
{
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_TABLE)
			return d->blocks[i].table;
	return NULL;
}

/* Each line of text as a paragraph of cell c. */
static void
cell_lines(struct doc_cell *c, const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		strvec_pushn(&c->paras, p, n);
		p += n + (p[n] == '\n');
	}
}

/* The name as the clerk wrote it, then each contact it does not already
 * hold verbatim: every contact printed once, where it was written. */
void
document_fill_touchpoint(struct doc_row *r, size_t at,
    const struct touchpoint *tp)
{
	struct doc_cell *name = &r->cells[at], *needs = &r->cells[at + 1];
	struct doc_cell *spec = &r->cells[at + 2];

	strvec_push(&name->paras, tp->name);
	for (size_t i = 0; i < tp->ncontacts; i++)
		if (tp->contacts[i].value[0] != '\0' &&
		    !contact_written_in(tp->name, &tp->contacts[i]))
			strvec_push(&name->paras, tp->contacts[i].value);
	for (size_t i = 0; i < tp->nneeds; i++)
		strvec_push(&needs->paras, tp->needs[i].wording);
	needs->list = needs->paras.n > 1;
	if (tp->channel != CHANNEL_NONE)
		strvec_push(&spec->paras, channel_label(tp->channel));
	/* Specifics may hold several lines: one paragraph each. */
	cell_lines(spec, tp->specifics);
}

struct doc_table *
document_annex(struct document *d, const char *list_title, const char *grif,
    const char *caption, size_t nprocs)
{
	struct doc_column cols[DOC_COLUMNS];
	struct doc_table *t;
	struct buf title;
	char widest[24];

	buf_init(&title);
	buf_puts(&title, "ПЕРЕЧЕНЬ");
	if (list_title[0] != '\0') {
		buf_putc(&title, '\n');
		buf_puts(&title, list_title);
	}
	/* A document of its own is named by it; an order keeps its name. */
	if (d->title[0] == '\0') {
		free(d->title);
		d->title = xstrdup(title.data);
	}
	if (grif != NULL && grif[0] != '\0')
		document_add_block(d, DOC_GRIF, grif, NULL);
	document_add_block(d, DOC_TITLE, title.data, NULL);
	buf_fini(&title);
	if (caption != NULL && caption[0] != '\0')
		document_add_block(d, DOC_CAPTION, caption, NULL);
	memset(cols, 0, sizeof cols);
	snprintf(widest, sizeof widest, "%zu", nprocs);
	for (int c = 0; c < DOC_COLUMNS; c++) {
		cols[c].title = document_column_titles[c];
		cols[c].weight = document_column_weights[c];
	}
	cols[DOC_NUM].fit = cols[DOC_NUM].centred = true;
	cols[DOC_NUM].widest = nprocs > 0 ? widest : NULL;
	cols[DOC_NUM].span = cols[DOC_PROCESS].span = true;
	cols[DOC_PROCESS].group_head = true;
	t = document_add_table(d, cols, DOC_COLUMNS);
	t->measured = true;
	t->repeat_header = true;
	return t;
}

bool
document_process_rows(struct doc_table *t, const struct process *p,
    size_t printed)
{
	struct doc_row *r = NULL;
	char num[24];

	if (p->excluded)
		return false;
	for (size_t j = 0; j < p->ntps; j++) {
		if (p->tps[j].excluded)
			continue;
		r = doc_table_add_row(t, r == NULL);
		document_fill_touchpoint(r, DOC_TOUCHPOINT, &p->tps[j]);
	}
	if (r == NULL)
		doc_table_add_row(t, true);
	r = &t->rows[t->group];
	snprintf(num, sizeof num, "%zu", printed + 1);
	strvec_push(&r->cells[DOC_NUM].paras, num);
	strvec_push(&r->cells[DOC_PROCESS].paras, p->name);
	return true;
}

void
document_build(struct document *d, const struct list *l, const char *grif,
    const char *caption)
{
	struct doc_table *t;

	document_init(d);
	t = document_annex(d, l->hdr.title, grif, caption, 0);
	/* An excluded process is out of the published list: the № runs on
	 * over the processes printed (i counts those). */
	for (size_t k = 0, i = 0; k < l->nprocs; k++)
		if (document_process_rows(t, &l->procs[k], i))
			i++;
}
