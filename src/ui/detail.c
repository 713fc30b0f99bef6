/* detail.c - every field of the current touchpoint (or process), wrapped. */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Labels take this many columns when the pane is wide enough. */
#define LABEL_W 15

void
detail_init(struct detail *d)
{
	memset(d, 0, sizeof *d);
	touchpoint_init(&d->tp);
	d->proc_name = xstrdup("");
	d->width = -1;
}

/* Free the wrapped lines, keeping the array for the next build. */
static void
detail_clear_lines(struct detail *d)
{
	for (size_t i = 0; i < d->nlines; i++) {
		free(d->lines[i].label);
		free(d->lines[i].text);
	}
	d->nlines = 0;
}

void
detail_fini(struct detail *d)
{
	detail_clear_lines(d);
	free(d->lines);
	touchpoint_fini(&d->tp);
	free(d->proc_name);
	free(d->proc_reason);
	memset(d, 0, sizeof *d);
}

int
detail_load(struct detail *d, struct store_view *v, const struct view_row *row,
    struct error *err)
{
	int rc;

	if (row == NULL) {
		d->loaded = false;
		d->width = -1;
		return 0;
	}
	if (d->loaded && store_view_key_cmp(&d->key, &row->key) == 0)
		return 0;
	d->loaded = false;
	d->is_process = row->type == VIEW_ROW_PROCESS;
	free(d->proc_name);
	d->proc_name = xstrdup(row->proc_name);
	free(d->proc_reason);
	d->proc_reason = d->is_process && row->excluded ?
	    xstrdup(row->exclude_reason) : NULL;
	d->proc_number = row->proc_number;
	d->ntps = row->ntps;
	d->tp_number = row->tp_number;
	if (!d->is_process) {
		if ((rc = store_view_touchpoint(v, row->key.tp_id, &d->tp,
		    err)) < 0)
			return -1;
		if (rc == 0)
			return error_set(err, "точка взаимодействия удалена "
			    "другим пользователем");
	}
	d->key = row->key;
	d->loaded = true;
	d->width = -1;
	d->scroll = 0;
	return 0;
}

/* Append one screen line (copies of label and text). */
static void
detail_add_line(struct detail *d, const char *label, const char *text, attr_t attr)
{
	if (d->nlines == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->lines = xreallocarray(d->lines, d->cap, sizeof *d->lines);
	}
	d->lines[d->nlines].label = xstrdup(label);
	d->lines[d->nlines].text = xstrdup(text);
	d->lines[d->nlines].attr = attr;
	d->nlines++;
}

/* A field: its label on the first line, the value wrapped beside it (or
 * under it, indented, in a narrow pane), each line indent columns in. */
void
detail_add_indented(struct detail *d, const char *label, const char *value,
    attr_t attr, int indent)
{
	struct strvec lines;
	bool beside = d->width >= 40;
	int w = (beside ? d->width - LABEL_W : d->width - 2) - indent;
	char *pad = xasprintf("%*s", indent, "");

	strvec_init(&lines);
	utf8_wrap(value, w < 1 ? 1 : w, &lines);
	if (!beside && label[0] != '\0')
		detail_add_line(d, label, "", A_NORMAL);
	for (size_t i = 0; i < lines.n; i++) {
		char *text = xasprintf("%s%s", pad, lines.v[i]);

		detail_add_line(d, beside && i == 0 ? label : "", text, attr);
		free(text);
	}
	strvec_fini(&lines);
	free(pad);
}

/* A field whose lines start at the text column. */
static void
detail_add_field(struct detail *d, const char *label, const char *value,
    attr_t attr)
{
	detail_add_indented(d, label, value, attr, 0);
}

/* s, or what to show when it is empty. */
static const char *
detail_or_dash(const char *s, const char *dash)
{
	return s[0] != '\0' ? s : dash;
}

/* Every contact on its own line, with its type. */
static void
detail_build_contacts(struct detail *d)
{
	if (d->tp.ncontacts == 0) {
		detail_add_field(d, "Контакты:", "не указаны", A_DIM);
		return;
	}
	for (size_t i = 0; i < d->tp.ncontacts; i++) {
		char *s = xasprintf("%s: %s",
		    contact_type_label(d->tp.contacts[i].type),
		    d->tp.contacts[i].value);

		detail_add_field(d, i == 0 ? "Контакты:" : "", s, A_NORMAL);
		free(s);
	}
}

/* Every need with its category (п. 2.6.N) under it, dimmed. */
static void
detail_build_needs(struct detail *d, const struct catalog *cat)
{
	if (d->tp.nneeds == 0) {
		detail_add_field(d, "Потребности:", "не указаны", A_BOLD);
		return;
	}
	for (size_t i = 0; i < d->tp.nneeds; i++) {
		const struct need *n = &d->tp.needs[i];
		const char *title = catalog_need_title(cat, n->category);
		char *s = xasprintf("%zu) %s", i + 1, n->wording), *c;

		detail_add_field(d, i == 0 ? "Потребности:" : "", s, A_NORMAL);
		if (n->category > 0)
			c = xasprintf("п. 2.6.%d %s", n->category,
			    title != NULL ? title : "");
		else
			c = xstrdup("категория не указана");
		detail_add_indented(d, "", c, A_DIM, 3);
		free(s);
		free(c);
	}
}

/* The kind by its catalogue name and clause (п. 4), else its code. */
static void
detail_build_kind(struct detail *d, const struct catalog *cat)
{
	const struct kind *k = catalog_find_kind(cat, d->tp.kind);
	char *s;

	if (d->tp.kind[0] == '\0') {
		detail_add_field(d, "Вид:", "не указан", A_DIM);
		return;
	}
	if (k == NULL) {
		detail_add_field(d, "Вид:", d->tp.kind, A_NORMAL);
		return;
	}
	if (k->clause[0] != '\0' && strcmp(k->clause, "—") != 0)
		s = xasprintf("%s (п. %s)", k->name, k->clause);
	else
		s = xstrdup(k->name);
	detail_add_field(d, "Вид:", s, A_NORMAL);
	free(s);
}

/* The basis: document or act (п. 2.4–2.5) and what it is. */
static void
detail_build_basis(struct detail *d)
{
	const char *type = d->tp.basis_type == BASIS_DOCUMENT ? "документ" :
	    d->tp.basis_type == BASIS_ACT ? "распорядительное действие" : NULL;
	char *s;

	if (type == NULL && d->tp.basis[0] == '\0') {
		detail_add_field(d, "Основание:", "не указано", A_DIM);
		return;
	}
	if (type != NULL && d->tp.basis[0] != '\0')
		s = xasprintf("%s: %s", type, d->tp.basis);
	else
		s = xstrdup(type != NULL ? type : d->tp.basis);
	detail_add_field(d, "Основание:", s, A_NORMAL);
	free(s);
}

/* The facts the rules reason about: key, audience, transfers, receipt,
 * exclusion. */
static void
detail_build_rules(struct detail *d)
{
	const struct touchpoint *tp = &d->tp;
	char num[32];

	detail_add_field(d, "Ключевая:", tp->key ? "да" : "нет", A_NORMAL);
	detail_add_field(d, "Клиенты:", tp->audience == AUDIENCE_INTERNAL ?
	    "внутренние" : "внешние", A_NORMAL);
	if (tp->max_transfers == TRI_UNKNOWN) {
		detail_add_field(d, "Переключения:", "не указано", A_DIM);
	} else {
		snprintf(num, sizeof num, "не более %d", tp->max_transfers);
		detail_add_field(d, "Переключения:", num, A_NORMAL);
	}
	detail_add_field(d, "Уведомление:", tp->ack_receipt == TRI_UNKNOWN ?
	    "о получении — не указано" : tp->ack_receipt ?
	    "о получении направляется" : "о получении не направляется",
	    tp->ack_receipt == TRI_UNKNOWN ? A_DIM : A_NORMAL);
	if (tp->excluded) {
		char *s = xasprintf("да — %s", detail_or_dash(tp->exclude_reason,
		    "причина не указана"));

		detail_add_field(d, "Исключена:", s, A_BOLD);
		free(s);
	} else {
		detail_add_field(d, "Исключена:", "нет", A_NORMAL);
	}
}

/* Every field of a touchpoint, in the order of the printed form. */
static void
detail_build_touchpoint(struct detail *d, const struct catalog *cat)
{
	char *s;

	if (d->more != NULL)
		d->more(d, true, d->more_ctx);
	s = xasprintf("%lld. %s", (long long)d->proc_number, d->proc_name);
	detail_add_field(d, "Процесс:", s, A_NORMAL);
	free(s);
	s = xasprintf("%lld.%lld %s", (long long)d->proc_number,
	    (long long)d->tp_number, d->tp.name);
	detail_add_field(d, "Точка:", s, A_BOLD);
	free(s);
	detail_build_kind(d, cat);
	detail_add_field(d, "Канал:", d->tp.channel == CHANNEL_NONE ? "не указан" :
	    channel_label(d->tp.channel), A_NORMAL);
	detail_add_field(d, "Особенности:", detail_or_dash(d->tp.specifics, "—"), A_NORMAL);
	detail_build_contacts(d);
	detail_build_needs(d, cat);
	detail_build_basis(d);
	detail_add_field(d, "Подразделение:", detail_or_dash(d->tp.unit, "не указано"),
	    d->tp.unit[0] != '\0' ? A_NORMAL : A_DIM);
	detail_build_rules(d);
	if (d->more != NULL)
		d->more(d, false, d->more_ctx);
}

/* A process row: its number, name and size, and what the keys do. */
static void
detail_build_process(struct detail *d)
{
	char *s = xasprintf("%lld. %s", (long long)d->proc_number,
	    d->proc_name);

	detail_add_field(d, "Процесс:", s, A_BOLD);
	free(s);
	s = xasprintf("%lld", (long long)d->ntps);
	detail_add_field(d, "Точек:", s, A_NORMAL);
	free(s);
	if (d->proc_reason != NULL) {
		s = xasprintf("да — %s", detail_or_dash(d->proc_reason,
		    "причина не указана"));
		detail_add_field(d, "Исключён:", s, A_BOLD);
		free(s);
		detail_add_field(d, "", "r — вернуть процесс в перечень.",
		    A_DIM);
	}
	detail_add_field(d, "", "Enter или пробел — свернуть или развернуть "
	    "процесс; → или l — к его точкам.", A_DIM);
}

/* Wrap the content to width (again only when the width changed). */
static void
detail_build(struct detail *d, const struct catalog *cat, int width)
{
	if (d->width == width)
		return;
	detail_clear_lines(d);
	d->width = width;
	if (!d->loaded)
		return;
	if (d->is_process)
		detail_build_process(d);
	else
		detail_build_touchpoint(d, cat);
}

int
detail_height(struct detail *d, const struct catalog *cat, int width)
{
	detail_build(d, cat, width);
	return (int)d->nlines;
}

void
detail_scroll(struct detail *d, int delta, int height)
{
	int max = (int)d->nlines - height;

	d->scroll += delta;
	if (d->scroll > max)
		d->scroll = max;
	if (d->scroll < 0)
		d->scroll = 0;
}

void
detail_draw(struct detail *d, const struct catalog *cat,
    const struct rect *r, const char *title, bool focused)
{
	int body = r->h - 1, lw;
	attr_t ta = focused ? term_attr_title() : A_BOLD | A_UNDERLINE;
	char pos[64] = "";

	if (r->h < 1 || r->w < 1)
		return;
	detail_build(d, cat, r->w - 1);
	detail_scroll(d, 0, body);
	if ((int)d->nlines > body && body > 0)
		snprintf(pos, sizeof pos, " строки %d–%d из %zu ", d->scroll + 1,
		    d->scroll + body < (int)d->nlines ? d->scroll + body :
		    (int)d->nlines, d->nlines);
	draw_fill(r->y, r->x, r->w, ta);
	draw_text(r->y, r->x + 1, r->w - 1 - utf8_width(pos), title, ta);
	draw_text_right(r->y, r->x, r->w, pos, ta);
	lw = d->width >= 40 ? LABEL_W : 0;
	for (int i = 0; i < body; i++) {
		size_t li = (size_t)(d->scroll + i);
		int y = r->y + 1 + i;

		draw_fill(y, r->x, r->w, A_NORMAL);
		if (li >= d->nlines)
			continue;
		if (lw > 0) {
			draw_text(y, r->x + 1, lw, d->lines[li].label, A_BOLD);
			draw_text(y, r->x + 1 + lw, r->w - 1 - lw,
			    d->lines[li].text, d->lines[li].attr);
		} else if (d->lines[li].label[0] != '\0') {
			draw_text(y, r->x + 1, r->w - 1, d->lines[li].label,
			    A_BOLD);
		} else {
			draw_text(y, r->x + 3, r->w - 3, d->lines[li].text,
			    d->lines[li].attr);
		}
	}
}
