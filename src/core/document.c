/* document.c - the list as a printed document: grif, title, rows, page. */
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

static struct doc_row *
add_row(struct document *d, size_t process, bool first)
{
	struct doc_row *r;

	d->rows = xreallocarray(d->rows, d->nrows + 1, sizeof *d->rows);
	r = &d->rows[d->nrows++];
	r->process = process;
	r->first = first;
	r->span = 1;
	for (int c = 0; c < DOC_COLUMNS; c++)
		strvec_init(&r->cells[c]);
	return r;
}

/* The name as the clerk wrote it, then each contact it does not already
 * hold verbatim: every contact printed once, where it was written. */
void
document_fill_touchpoint(struct doc_row *r, const struct touchpoint *tp)
{
	strvec_push(&r->cells[2], tp->name);
	for (size_t i = 0; i < tp->ncontacts; i++)
		if (tp->contacts[i].value[0] != '\0' &&
		    !contact_written_in(tp->name, &tp->contacts[i]))
			strvec_push(&r->cells[2], tp->contacts[i].value);
	for (size_t i = 0; i < tp->nneeds; i++)
		strvec_push(&r->cells[3], tp->needs[i].wording);
	if (tp->channel != CHANNEL_NONE)
		strvec_push(&r->cells[4], channel_label(tp->channel));
	if (tp->specifics[0] != '\0') {
		const char *p = tp->specifics;

		/* Specifics may hold several lines: one paragraph each. */
		while (*p != '\0') {
			size_t n = strcspn(p, "\n");

			strvec_pushn(&r->cells[4], p, n);
			p += n + (p[n] == '\n');
		}
	}
}

void
document_begin(struct document *d, const char *list_title, const char *grif,
    const char *caption)
{
	struct buf title;

	memset(d, 0, sizeof *d);
	doc_page_defaults(&d->page);
	d->grif = xstrdup(grif != NULL ? grif : "");
	d->caption = xstrdup(caption != NULL ? caption : "");
	buf_init(&title);
	buf_puts(&title, "ПЕРЕЧЕНЬ");
	if (list_title[0] != '\0') {
		buf_putc(&title, '\n');
		buf_puts(&title, list_title);
	}
	d->title = buf_detach(&title);
}

bool
document_process_rows(struct document *d, const struct process *p,
    size_t printed)
{
	size_t first = d->nrows, n = 0;
	char num[24];

	if (p->excluded)
		return false;
	snprintf(num, sizeof num, "%zu", printed + 1);
	for (size_t j = 0; j < p->ntps; j++) {
		struct doc_row *r;

		if (p->tps[j].excluded)
			continue;
		r = add_row(d, printed, n == 0);
		document_fill_touchpoint(r, &p->tps[j]);
		n++;
	}
	if (n == 0) {
		add_row(d, printed, true);
		n = 1;
	}
	d->rows[first].span = n;
	strvec_push(&d->rows[first].cells[0], num);
	strvec_push(&d->rows[first].cells[1], p->name);
	return true;
}

void
document_build(struct document *d, const struct list *l, const char *grif,
    const char *caption)
{
	document_begin(d, l->hdr.title, grif, caption);
	/* An excluded process is out of the published list: the № runs on
	 * over the processes printed (i counts those). */
	for (size_t k = 0, i = 0; k < l->nprocs; k++)
		if (document_process_rows(d, &l->procs[k], i))
			i++;
}

void
document_rows_clear(struct document *d)
{
	for (size_t i = 0; i < d->nrows; i++)
		for (int c = 0; c < DOC_COLUMNS; c++)
			strvec_fini(&d->rows[i].cells[c]);
	d->nrows = 0;
}

size_t
document_nprocs(const struct document *d)
{
	if (d->source.each != NULL)
		return d->nprocs;
	return d->nrows > 0 ? d->rows[d->nrows - 1].process + 1 : 0;
}

void
document_each_group(const struct document *d, doc_group_fn fn, void *ctx)
{
	size_t r = 0;

	if (d->source.each != NULL) {
		d->source.each(d->source.src, fn, ctx);
		return;
	}
	while (r < d->nrows) {
		size_t span = d->rows[r].span > 0 ? d->rows[r].span : 1;
		size_t n = span < d->nrows - r ? span : d->nrows - r;

		fn(ctx, &d->rows[r], n);
		r += n;
	}
}

void
document_add_block(struct document *d, enum doc_block_kind k,
    const char *text, const char *right)
{
	struct doc_block *b;

	d->blocks = xreallocarray(d->blocks, d->nblocks + 1,
	    sizeof *d->blocks);
	b = &d->blocks[d->nblocks++];
	b->kind = k;
	b->text = xstrdup(text);
	b->right = xstrdup(right != NULL ? right : "");
}

void
document_fini(struct document *d)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		free(d->blocks[i].text);
		free(d->blocks[i].right);
	}
	free(d->blocks);
	document_rows_clear(d);
	free(d->rows);
	free(d->grif);
	free(d->title);
	free(d->caption);
	memset(d, 0, sizeof *d);
}

bool
document_cell_is_list(const struct doc_row *r, int c)
{
	return c == DOC_NEEDS && r->cells[c].n > 1;
}
