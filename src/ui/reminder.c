/*
 * reminder.c - the reminder of п. 5.3-5.4 in the editor: the state in the
 * header line and a screen of its own.  It is worked out again only when
 * the change log has a new entry (an edit, an approval, a publication, in
 * this editor or another process) or the day has changed: a check of the
 * newest log id per frame, the counts of store_status_facts otherwise.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "store_history.h"
#include "store_status.h"
#include "utf8.h"

/* Columns the header keeps for the list's title before it gives the rest
 * to the reminder's longer wordings. */
#define REMINDER_VIEW_TITLE_MIN 20

void
reminder_view_init(struct reminder_view *rv, const char *share_dir)
{
	memset(rv, 0, sizeof *rv);
	rv->share_dir = share_dir;
	calendar_init(&rv->cal);
	reminder_facts_init(&rv->f);
}

void
reminder_view_fini(struct reminder_view *rv)
{
	calendar_fini(&rv->cal);
	reminder_facts_fini(&rv->f);
	memset(rv, 0, sizeof *rv);
}

/* Note why the reminder is not shown. */
static void
reminder_view_fail(struct reminder_view *rv, const struct error *err)
{
	rv->known = false;
	snprintf(rv->why, sizeof rv->why, "%s", err->msg);
}

/* The calendar, once: it does not change while the editor runs. */
static int
reminder_view_calendar(struct reminder_view *rv, struct error *err)
{
	if (rv->cal_loaded)
		return 0;
	if (rv->share_dir == NULL)
		return error_set(err, "не задан каталог данных программы: "
		    "производственный календарь не найден");
	if (calendar_load_standard(&rv->cal, rv->share_dir, err) != 0) {
		calendar_fini(&rv->cal);
		calendar_init(&rv->cal);
		return -1;
	}
	rv->cal_loaded = true;
	return 0;
}

void
reminder_view_refresh(struct reminder_view *rv, struct store *st, bool force)
{
	struct error err;
	struct date today;
	int64_t last;

	if (date_today(&today, &err) != 0 ||
	    store_log_last_id(st, &last, &err) != 0) {
		reminder_view_fail(rv, &err);
		return;
	}
	if (!force && rv->known && last == rv->last_id &&
	    date_cmp(today, rv->r.today) == 0)
		return;
	if (reminder_view_calendar(rv, &err) != 0 ||
	    store_status_facts(st, &rv->f, &err) != 0 ||
	    reminder_compute(&rv->f, today, &rv->cal, &rv->r, &err) != 0) {
		reminder_view_fail(rv, &err);
		/* Not again on every frame: only when something changes. */
		rv->last_id = last;
		return;
	}
	rv->known = true;
	rv->last_id = last;
	rv->why[0] = '\0';
}

/* One way to word the header's state: up to three parts joined by " · ",
 * the middle one (the reminder) emphasised when overdue. */
struct reminder_view_state {
	const char *part[3];
};

/* Its width in columns. */
static int
reminder_view_state_width(const struct reminder_view_state *s)
{
	int w = 0, n = 0;

	for (int i = 0; i < 3; i++) {
		if (s->part[i] == NULL || s->part[i][0] == '\0')
			continue;
		w += utf8_width(s->part[i]) + (n++ > 0 ? 3 : 0);
	}
	return w;
}

/* Draw s ending at column end (exclusive), at most width columns. */
static void
reminder_view_state_draw(const struct reminder_view_state *s, int y, int end,
    int width, attr_t plain, attr_t alert)
{
	int w = reminder_view_state_width(s), x, n = 0;

	if (w > width)
		w = width;
	x = end - w;
	for (int i = 0; i < 3 && x < end; i++) {
		if (s->part[i] == NULL || s->part[i][0] == '\0')
			continue;
		if (n++ > 0)
			x += draw_text(y, x, end - x, " · ", plain);
		x += draw_text(y, x, end - x, s->part[i], i == 1 ? alert :
		    plain);
	}
}

/* "Министерство … — Перечень точек …" as on the printed page. */
static void
reminder_view_title(const struct list_header *hdr, struct buf *b)
{
	if (hdr->org[0] != '\0')
		buf_printf(b, "%s — ", hdr->org);
	/* The title continues the word "Перечень", as on the printed page. */
	if (hdr->title[0] != '\0')
		buf_printf(b, "Перечень %s", hdr->title);
	else
		buf_puts(b, "Перечень точек взаимодействия с клиентом");
}

/* "МПТСО" for "Министерство промышленности и торговли Смоленской
 * области": the initials of the words, short ones (и, по) left out. */
static void
reminder_view_initials(const char *org, struct buf *out)
{
	const char *p = org;

	while (*p != '\0') {
		size_t len = strcspn(p, " "), n = 0, k;
		uint32_t cp;

		for (k = 0; k < len; k += utf8_decode(p + k, len - k, &cp))
			n++;
		if (n > 2) {
			char enc[5] = { 0 };

			utf8_decode(p, len, &cp);
			utf8_encode((uint32_t)towupper((wint_t)cp), enc);
			buf_puts(out, enc);
		}
		p += len;
		p += strspn(p, " ");
	}
}

/* The body's name in what the reminder leaves of the header (from the
 * screen's edge): cut if a dozen columns are left, after the margin;
 * else its initials; else nothing. */
static void
reminder_view_draw_org(const char *org, int y, int x, int width,
    attr_t attr)
{
	struct buf b;

	if (org[0] == '\0' || width < 3)
		return;
	if (width >= 12) {
		draw_text(y, x + 1, width - 1, org, attr);
		return;
	}
	buf_init(&b);
	reminder_view_initials(org, &b);
	if (utf8_width(b.data) <= width)
		draw_text(y, x, width, b.data, attr);
	buf_fini(&b);
}

/*
 * The headline names the more urgent of publication and actualisation;
 * while the revision waits for the website the actualisation's deadline
 * (of changes since, or of the cycle the revision closed, which ends only
 * online) is added when the headline does not already name its day, so
 * that the later deadline is not hidden until "publish".
 */
static void
reminder_view_add_actualise(const struct reminder *r, struct buf *full,
    struct buf *brief)
{
	const struct reminder_deadline *a = NULL;
	char due[DATE_BUFSZ];

	if (!r->unpublished)
		return;
	if (r->actualise)
		a = &r->actualise_by;
	else if (r->closed && !r->cycle.published)
		a = &r->cycle.by;
	if (a == NULL)
		return;
	date_format(a->due, due);
	if (strstr(full->data, due) != NULL)
		return;
	buf_printf(full, "; актуализация (п. 5.3): %s %s", a->overdue ?
	    "срок истёк" : "срок", due);
	buf_printf(brief, "; актуализация: %s", due);
}

void
reminder_view_draw_header(const struct reminder_view *rv,
    const struct list_header *hdr, const struct rect *r, bool readonly)
{
	const char *mode = readonly ? "рабочая версия · только чтение" :
	    "рабочая версия";
	attr_t plain = term_attr_title(), alert = plain;
	struct buf title, rev, full, brief;
	char day[DATE_BUFSZ];
	int room = r->w - 2, w = 0;
	size_t i;

	buf_init(&title);
	buf_init(&rev);
	buf_init(&full);
	buf_init(&brief);
	reminder_view_title(hdr, &title);
	if (rv->known) {
		if (!rv->r.never_approved)
			buf_printf(&rev, "Ред. %lld от %s",
			    (long long)rv->f.revision,
			    date_format(rv->f.order_date, day));
		reminder_headline(&rv->r, &full);
		reminder_headline_brief(&rv->r, &rv->f, &brief);
		reminder_view_add_actualise(&rv->r, &full, &brief);
		if (rv->r.level == REMINDER_OVERDUE)
			alert = term_attr_alert();
	} else if (rv->share_dir != NULL) {
		buf_puts(&full, "срок не рассчитан (R — почему)");
		buf_puts(&brief, "срок не рассчитан");
	}
	/* The fullest wording that leaves the title some room; else the
	 * fullest that fits without it; else the briefest, cut. */
	const struct reminder_view_state ways[] = {
		{ { rev.data, full.data, mode } },
		{ { NULL, full.data, mode } },
		{ { rev.data, brief.data, mode } },
		{ { NULL, brief.data, mode } },
		{ { NULL, brief.data[0] != '\0' ? brief.data : mode, NULL } },
	};
	const size_t last = sizeof ways / sizeof ways[0] - 1;

	for (i = 0; i < last; i++)
		if (reminder_view_state_width(&ways[i]) +
		    REMINDER_VIEW_TITLE_MIN + 2 <= room)
			break;
	for (size_t k = 0; i == last && k < last; k++)
		if (reminder_view_state_width(&ways[k]) <= room)
			i = k;
	w = reminder_view_state_width(&ways[i]);
	draw_fill(r->y, r->x, r->w, plain);
	/* A title cut to a word says nothing: then the body's name alone. */
	if (room - w - 2 >= REMINDER_VIEW_TITLE_MIN - 4)
		draw_text(r->y, r->x + 1, room - w - 2, title.data, plain);
	else
		/* Tight: the margin given up for it too. */
		reminder_view_draw_org(hdr->org, r->y, r->x, room - w, plain);
	reminder_view_state_draw(&ways[i], r->y, r->x + r->w - 1, room,
	    plain, alert);
	buf_fini(&title);
	buf_fini(&rev);
	buf_fini(&full);
	buf_fini(&brief);
}

/* The screen's text before wrapping: the reminder in full, then what the
 * clerk can do about it. */
static void
reminder_view_text(const struct reminder_view *rv, struct strvec *lines)
{
	if (!rv->known) {
		strvec_push(lines, "Напоминание не рассчитано:");
		strvec_push(lines, rv->share_dir == NULL ?
		    "не задан каталог данных программы" : rv->why);
		return;
	}
	reminder_format(&rv->r, &rv->f, &rv->cal, lines);
	strvec_push(lines, "");
	strvec_push(lines, "Что можно сделать отсюда:");
	strvec_push(lines, "  A — утвердить перечень приказом (новая "
	    "редакция, п. 5.1)");
	strvec_push(lines, "  L — журнал изменений: что изменилось, кем и "
	    "когда");
	strvec_push(lines, "  p — напечатать перечень или сохранить в файл");
	strvec_push(lines, "  o — проект приказа о внесении изменений: "
	    "напечатать или сохранить в файл");
	if (rv->r.unpublished)
		strvec_push(lines, "  w — отметить размещение на сайте: дата "
		    "и адрес страницы (п. 5.2), как perechen publish");
	strvec_push(lines, "Сроки считаются по производственному календарю "
	    "(perechen calendar --help).");
}

/* The screen's lines wrapped to width, each with its attribute. */
static void
reminder_view_layout(const struct reminder_view *rv, int width,
    struct strvec *out, attr_t **attrs)
{
	struct strvec text;
	size_t cap = 0;

	strvec_init(&text);
	reminder_view_text(rv, &text);
	*attrs = NULL;
	for (size_t k = 0; k < text.n; k++) {
		bool overdue = strncmp(text.v[k], "ПРОСРОЧЕНО",
		    strlen("ПРОСРОЧЕНО")) == 0;
		size_t first = out->n;
		int indent = (int)strspn(text.v[k], " ");
		struct strvec wrapped;

		/* Keep the indentation of the count lines under their
		 * heading, on every line they wrap to. */
		strvec_init(&wrapped);
		utf8_wrap(text.v[k] + indent, width - indent < 10 ? 10 :
		    width - indent, &wrapped);
		for (size_t i = 0; i < wrapped.n; i++)
			strvec_push_owned(out, xasprintf("%*s%s", indent, "",
			    wrapped.v[i]));
		strvec_fini(&wrapped);
		if (out->n > cap) {
			cap = out->n * 2;
			*attrs = xreallocarray(*attrs, cap, sizeof **attrs);
		}
		for (size_t i = first; i < out->n; i++)
			(*attrs)[i] = overdue ? term_attr_alert() : A_NORMAL;
	}
	strvec_fini(&text);
}

int
reminder_view_lines(const struct reminder_view *rv, int width)
{
	struct strvec lines;
	attr_t *attrs;
	int n;

	strvec_init(&lines);
	reminder_view_layout(rv, width - 2, &lines, &attrs);
	n = (int)lines.n;
	strvec_fini(&lines);
	free(attrs);
	return n;
}

void
reminder_view_draw(const struct reminder_view *rv, const struct rect *r,
    int scroll)
{
	struct strvec lines;
	attr_t *attrs;
	char *title, day[DATE_BUFSZ];

	strvec_init(&lines);
	reminder_view_layout(rv, r->w - 2, &lines, &attrs);
	if (rv->known)
		title = xasprintf("Напоминание (п. 5.3–5.4) на %s, %s — Esc "
		    "или q — назад", date_format(rv->r.today, day),
		    date_weekday_name(date_weekday(rv->r.today)));
	else
		title = xstrdup("Напоминание (п. 5.3–5.4) — Esc или q — назад");
	draw_fill(r->y, r->x, r->w, term_attr_title());
	draw_text(r->y, r->x + 1, r->w - 1, title, term_attr_title());
	for (int i = 0; i < r->h - 1; i++) {
		size_t k = (size_t)(scroll + i);

		draw_fill(r->y + 1 + i, r->x, r->w, A_NORMAL);
		if (k < lines.n)
			draw_text(r->y + 1 + i, r->x + 1, r->w - 2, lines.v[k],
			    attrs[k]);
	}
	free(title);
	free(attrs);
	strvec_fini(&lines);
}
