/*
 * review.c - review sessions in the editor (п. 2.2: authorised persons
 * check each entry for completeness and compliance and include it), and
 * the marks of touchpoints returned for rework in the table.
 *
 * The session is the store's (store_review.h), the same one "perechen
 * review" drives: every verdict and every move is written at once, so a
 * session left by a key, a dropped link or a signal resumes at the item
 * it stood on.  The screen shows one item at a time: the record as the
 * detail pane shows it (every field), then its findings and its changes
 * since the last approved revision, the progress always in the title.
 * From an item the clerk may open its form and come back to it.  Past
 * the last item a summary; the session is finished when every item has a
 * verdict (or when the clerk finishes it).
 */
#include "screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "policy.h"
#include "reminder.h"
#include "store_history.h"
#include "store_review.h"
#include "store_users.h"
#include "utf8.h"

/* The marks, by touchpoint id. */
static int
rv_mark_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct review_mark *)a)->tp_id;
	int64_t y = ((const struct review_mark *)b)->tp_id;

	return (x > y) - (x < y);
}

void
review_badges_init(struct review_badges *b)
{
	memset(b, 0, sizeof *b);
}

void
review_badges_fini(struct review_badges *b)
{
	review_marks_fini(&b->m);
	memset(b, 0, sizeof *b);
}

bool
review_badges_refresh(struct review_badges *b, struct store *st)
{
	struct review_marks m = { 0 };
	struct error err;
	int64_t last;

	if (store_log_last_id(st, &last, &err) != 0)
		return false;
	if (b->read && last == b->last_id)
		return false;
	/* Tried once per log entry: a failure does not repeat every frame. */
	b->read = true;
	b->last_id = last;
	if (store_review_returned(st, &m, &err) != 0) {
		review_marks_fini(&m);
		return false;
	}
	if (m.n > 1)
		qsort(m.v, m.n, sizeof *m.v, rv_mark_cmp);
	review_marks_fini(&b->m);
	b->m = m;
	return true;
}

const struct review_mark *
review_badges_find(const struct review_badges *b, int64_t tp_id)
{
	struct review_mark key;

	if (b == NULL || b->m.n == 0)
		return NULL;
	memset(&key, 0, sizeof key);
	key.tp_id = tp_id;
	return bsearch(&key, b->m.v, b->m.n, sizeof *b->m.v, rv_mark_cmp);
}

/* "нет телефона (ivanov, 25.03.2024 14:05, проверка № 1)"; caller
 * frees. */
static char *
rv_mark_text(const char *comment, const char *login, const char *at_utc,
    int64_t session)
{
	char when[REMINDER_TIME_BUFSZ];

	reminder_format_time(at_utc, when);
	if (session > 0)
		return xasprintf("%s (%s, %s, проверка № %lld)", comment, login,
		    when, (long long)session);
	return xasprintf("%s (%s, %s)", comment, login, when);
}

void
review_badges_detail(struct detail *d, bool first, void *ctx)
{
	const struct review_mark *m;
	char *s;

	if (!first || (m = review_badges_find(ctx, d->tp.id)) == NULL)
		return;
	s = rv_mark_text(m->comment, m->login, m->at_utc, m->session);
	detail_add_indented(d, "↩ Доработать:", s, A_BOLD, 0);
	free(s);
}

/* The review screen's state. */
struct rv {
	struct edit	*e;
	char		*login;		/* who reviews */
	int64_t		 id;		/* the session */
	struct review_session s;	/* its progress */
	struct review_items items;
	struct review_detail d;		/* the current item's */
	bool		 have_d;
	struct detail	 rec;		/* d as the detail pane draws it */
	int64_t		 shown_tp;	/* the touchpoint rec was last for */
	struct screen	 scr;		/* its loop, with the help */
	int		 sum_scroll;
	struct msgline	 msg;
	bool		 leave;
	bool		 quit;
};

/* Whether an item is shown (else the summary is). */
static bool
rv_at_item(const struct rv *r)
{
	return r->s.finished_utc != NULL && r->s.finished_utc[0] == '\0' &&
	    r->s.position < r->s.total && r->s.position < r->items.n;
}

/* The item shown, or NULL. */
static const struct review_item *
rv_item(const struct rv *r)
{
	return rv_at_item(r) ? &r->items.v[r->s.position] : NULL;
}

/* "все точки", "точки подразделения «отдел А»"; caller frees. */
static char *
rv_scope_text(const struct review_session *s)
{
	if (s->scope == REVIEW_SCOPE_UNIT)
		return xasprintf("%s «%s»", review_scope_title(s->scope),
		    s->unit);
	return xstrdup(review_scope_title(s->scope));
}

/* The progress: "12/19", or "19/19" past the last. */
static void
rv_progress(const struct review_session *s, char *buf, size_t size)
{
	snprintf(buf, size, "%zu/%zu", s->position < s->total ?
	    s->position + 1 : s->total, s->total);
}

/* The record's verdicts, before its fields: this session's, else one
 * that stands from another session. */
static void
rv_more_verdict(struct rv *r, struct detail *d)
{
	const struct review_item *it = rv_item(r);
	const struct review_mark *st = &r->d.standing;
	char *s, *t;

	if (it != NULL && it->verdict != VERDICT_PENDING) {
		t = it->comment[0] != '\0' ? rv_mark_text(it->comment,
		    it->login, it->at_utc, 0) : NULL;
		s = xasprintf("в этой проверке — %s%s%s%s", verdict_title(
		    it->verdict), t != NULL ? ": " : "", t != NULL ? t : "",
		    it->stale ? "; точка изменена после решения" : "");
		detail_add_indented(d, "Решение:", s, A_BOLD, 0);
		free(s);
		free(t);
		return;
	}
	if (st->verdict == VERDICT_PENDING) {
		detail_add_indented(d, "Решение:", "ещё не вынесено", A_DIM, 0);
		return;
	}
	t = st->comment[0] != '\0' ? rv_mark_text(st->comment, st->login,
	    st->at_utc, 0) : NULL;
	s = xasprintf("в проверке № %lld — %s%s%s", (long long)st->session,
	    verdict_title(st->verdict), t != NULL ? ": " : "",
	    t != NULL ? t : "");
	detail_add_indented(d, "Решение:", s, st->verdict == VERDICT_RETURNED ?
	    A_BOLD : A_NORMAL, 0);
	free(s);
	free(t);
}

/* One line before the fields: how many findings and changes the
 * sections after them hold, so that none goes unseen on a short
 * screen. */
static void
rv_more_brief(struct rv *r, struct detail *d)
{
	const struct review_detail *rd = &r->d;
	size_t errors = findings_count(&rd->findings, LEVEL_ERROR, false);
	size_t open = findings_count(&rd->findings, LEVEL_WARNING, true);
	struct buf b;

	buf_init(&b);
	if (errors > 0 || open > 0)
		buf_printf(&b, "ошибок %zu, непринятых предупреждений %zu",
		    errors, open);
	else
		buf_puts(&b, rd->tp.excluded ? "точка исключена" :
		    "ошибок и предупреждений нет");
	if (rd->revision == 0)
		buf_puts(&b, "; перечень ещё не утверждён");
	else if (!rd->in_revision)
		buf_printf(&b, "; новая точка (после редакции %lld)",
		    (long long)rd->revision);
	else if (rd->changes.n > 0)
		buf_printf(&b, "; изменений после редакции %lld: %zu",
		    (long long)rd->revision, rd->changes.n);
	else
		buf_printf(&b, "; после редакции %lld не изменялась",
		    (long long)rd->revision);
	buf_puts(&b, " — подробно ниже");
	detail_add_indented(d, "Сводка:", b.data, errors > 0 ? A_BOLD :
	    A_NORMAL, 0);
	buf_fini(&b);
}

/* The findings of the rules about the touchpoint, acknowledgements
 * shown. */
static void
rv_more_findings(struct rv *r, struct detail *d)
{
	const struct findings *f = &r->d.findings;

	detail_add_indented(d, "", "", A_NORMAL, 0);
	if (r->d.tp.excluded) {
		detail_add_indented(d, "Замечания:", "точка исключена — "
		    "правилами не проверяется", A_DIM, 0);
		return;
	}
	if (f->n == 0) {
		detail_add_indented(d, "Замечания:", "нет", A_NORMAL, 0);
		return;
	}
	for (size_t i = 0; i < f->n; i++) {
		const struct finding *fi = &f->v[i];
		attr_t a = fi->level == LEVEL_ERROR ? A_BOLD :
		    fi->level == LEVEL_HINT || fi->acknowledged ? A_DIM :
		    A_NORMAL;
		char *s;

		if (fi->acknowledged)
			s = xasprintf("✓ принято — %s (обоснование: %s)",
			    fi->message, fi->justification);
		else
			s = xasprintf("%s %s — %s", fi->level == LEVEL_ERROR ?
			    "✗" : fi->level == LEVEL_WARNING ? "!" : "·",
			    level_label(fi->level), fi->message);
		detail_add_indented(d, i == 0 ? "Замечания:" : "", s, a, 0);
		free(s);
	}
}

/* One change, old → new; values of several lines under the field. */
static void
rv_more_change(struct detail *d, const struct change *ch)
{
	const char *was = ch->old_value[0] != '\0' ? ch->old_value : "—";
	const char *now = ch->new_value[0] != '\0' ? ch->new_value : "—";
	char *s;

	if (strchr(was, '\n') == NULL && strchr(now, '\n') == NULL) {
		s = xasprintf("%s: %s → %s", ch->field, was, now);
		detail_add_indented(d, "", s, A_NORMAL, 0);
		free(s);
		return;
	}
	s = xasprintf("%s:", ch->field);
	detail_add_indented(d, "", s, A_NORMAL, 0);
	free(s);
	detail_add_indented(d, "", "было:", A_DIM, 2);
	detail_add_indented(d, "", was, A_NORMAL, 4);
	detail_add_indented(d, "", "стало:", A_DIM, 2);
	detail_add_indented(d, "", now, A_NORMAL, 4);
}

/* The changes since the latest approved revision. */
static void
rv_more_changes(struct rv *r, struct detail *d)
{
	const struct review_detail *rd = &r->d;
	char *s;

	detail_add_indented(d, "", "", A_NORMAL, 0);
	if (rd->revision == 0) {
		detail_add_indented(d, "Изменения:", "перечень ещё не "
		    "утверждён — сравнивать не с чем", A_DIM, 0);
		return;
	}
	if (!rd->in_revision) {
		s = xasprintf("новая точка: в редакции %lld её не было "
		    "(п. 5.3.1)", (long long)rd->revision);
		detail_add_indented(d, "Изменения:", s, A_BOLD, 0);
		free(s);
		return;
	}
	if (rd->changes.n == 0) {
		s = xasprintf("после редакции %lld — нет",
		    (long long)rd->revision);
		detail_add_indented(d, "Изменения:", s, A_NORMAL, 0);
		free(s);
		return;
	}
	s = xasprintf("после редакции %lld (было → стало):",
	    (long long)rd->revision);
	detail_add_indented(d, "Изменения:", s, A_BOLD, 0);
	free(s);
	for (size_t i = 0; i < rd->changes.n; i++)
		rv_more_change(d, &rd->changes.v[i]);
}

/* The record's hook: the verdict first, findings and changes after. */
static void
rv_more(struct detail *d, bool first, void *ctx)
{
	struct rv *r = ctx;

	if (first) {
		rv_more_verdict(r, d);
		rv_more_brief(r, d);
		return;
	}
	rv_more_findings(r, d);
	rv_more_changes(r, d);
}

/* Show r->d in the record (scrolled to the top for another touchpoint). */
static void
rv_fill_record(struct rv *r)
{
	struct detail *d = &r->rec;

	record_copy_touchpoint(&d->tp, &r->d.tp);
	free(d->proc_name);
	d->proc_name = xstrdup(r->d.process);
	d->proc_number = (int64_t)r->d.pnum;
	d->tp_number = (int64_t)r->d.tnum;
	d->is_process = false;
	d->loaded = true;
	d->width = -1;
	d->more = rv_more;
	d->more_ctx = r;
	if (r->shown_tp != r->d.tp.id)
		d->scroll = 0;
	r->shown_tp = r->d.tp.id;
}

/* Record that the item stood on is shown as it is now, before it is
 * read: accepting takes only a version shown (store_review_seen). */
static int
rv_mark_seen(struct rv *r, struct error *err)
{
	struct actor who;

	if (r->s.finished_utc[0] != '\0')
		return 0;
	if (edit_actor(r->e, &who, err) != 0)
		return -1;
	return store_review_seen(r->e->st, r->id, r->s.position, &who, err);
}

/* Read the session again, and the item it stands on. */
static int
rv_load(struct rv *r, struct error *err)
{
	const struct review_item *it;
	int64_t id = r->id;

	review_session_fini(&r->s);
	review_items_fini(&r->items);
	r->rec.loaded = false;
	r->have_d = false;
	if (store_review_get(r->e->st, id, &r->s, err) != 0 ||
	    store_review_items(r->e->st, id, &r->items, err) != 0)
		return -1;
	if ((it = rv_item(r)) == NULL || it->gone)
		return 0;
	if (rv_mark_seen(r, err) != 0 ||
	    store_review_detail(r->e->st, it->tp_id, r->e->cat, &r->d,
	    err) != 0)
		return -1;
	r->have_d = true;
	rv_fill_record(r);
	return 0;
}

/* rv_load, an error on the message line. */
static void
rv_reload(struct rv *r)
{
	struct error err;

	if (rv_load(r, &err) != 0)
		msgline_say(&r->msg, true, "%s", err.msg);
}

/* The title: the session, the progress, the counts. */
static void
rv_draw_title(const struct rv *r)
{
	char prog[64], *scope = rv_scope_text(&r->s), *t;

	rv_progress(&r->s, prog, sizeof prog);
	t = xasprintf("Проверка № %lld — %s (%s): принято %zu, возвращено "
	    "%zu, пропущено %zu", (long long)r->s.id, prog, scope,
	    r->s.count[VERDICT_ACCEPTED], r->s.count[VERDICT_RETURNED],
	    r->s.count[VERDICT_SKIPPED]);
	draw_fill(0, 0, COLS, term_attr_title());
	draw_text(0, 1, COLS - 1, t, term_attr_title());
	free(t);
	free(scope);
}

/* The items with verdict v under heading, one per line, comments after. */
static void
rv_summary_group(const struct rv *r, struct wrapped *ls, enum verdict v,
    const char *heading, int width)
{
	char *s;

	if (r->s.count[v] == 0)
		return;
	s = xasprintf("%s (%zu):", heading, r->s.count[v]);
	wrapped_add(ls, "", A_NORMAL, 0, width);
	wrapped_add(ls, s, A_BOLD, 0, width);
	free(s);
	for (size_t i = 0; i < r->items.n; i++) {
		const struct review_item *it = &r->items.v[i];

		if (it->verdict != v)
			continue;
		s = xasprintf("%s%s%s%s", it->label, it->comment[0] != '\0' ?
		    " — " : "", it->comment, it->gone ? " (нет в перечне)" :
		    it->stale ? " (изменена после решения)" : "");
		wrapped_add(ls, s, A_NORMAL, 2, width);
		free(s);
	}
}

/* The summary: what the session came to, the returned ones first. */
static void
rv_summary_lines(const struct rv *r, struct wrapped *ls, int width)
{
	char when[REMINDER_TIME_BUFSZ];
	char *s, *scope = rv_scope_text(&r->s);
	bool done = r->s.finished_utc[0] != '\0';

	if (done)
		s = xasprintf("Итог проверки № %lld (%s): проверка завершена.",
		    (long long)r->s.id, scope);
	else
		s = xasprintf("Проверка № %lld (%s): все точки пройдены, но "
		    "решение вынесено не по всем.", (long long)r->s.id, scope);
	wrapped_add(ls, s, A_BOLD, 0, width);
	free(s);
	free(scope);
	s = xasprintf("Начата %s, проверяющий %s.",
	    reminder_format_time(r->s.started_utc, when), r->s.started_by);
	wrapped_add(ls, s, A_NORMAL, 0, width);
	free(s);
	s = xasprintf("Точек %zu: принято %zu, возвращено на доработку %zu, "
	    "пропущено %zu, не просмотрено %zu.", r->s.total,
	    r->s.count[VERDICT_ACCEPTED], r->s.count[VERDICT_RETURNED],
	    r->s.count[VERDICT_SKIPPED], r->s.count[VERDICT_PENDING]);
	wrapped_add(ls, s, A_BOLD, 0, width);
	free(s);
	rv_summary_group(r, ls, VERDICT_RETURNED, "Возвращены на доработку",
	    width);
	rv_summary_group(r, ls, VERDICT_SKIPPED, "Пропущены", width);
	rv_summary_group(r, ls, VERDICT_PENDING, "Не просмотрены", width);
	rv_summary_group(r, ls, VERDICT_ACCEPTED, "Приняты", width);
	wrapped_add(ls, "", A_NORMAL, 0, width);
	if (r->s.count[VERDICT_RETURNED] > 0)
		wrapped_add(ls, "Возвращённые точки отмечены в таблице знаком "
		    "↩, пока их не изменят; замечание — в панели сведений.",
		    A_DIM, 0, width);
}

/* The summary in the body, scrolled. */
static void
rv_draw_summary(struct rv *r, const struct rect *b)
{
	struct wrapped ls = { 0 };
	int max;

	rv_summary_lines(r, &ls, b->w - 2);
	max = (int)ls.n - b->h;
	if (r->sum_scroll > max)
		r->sum_scroll = max;
	if (r->sum_scroll < 0)
		r->sum_scroll = 0;
	wrapped_draw(&ls, b->y, b->x + 1, b->w - 1, b->h, r->sum_scroll);
	wrapped_fini(&ls);
}

/* The item: its record with the verdict, findings and changes; one that
 * is gone or unreadable said so. */
static void
rv_draw_item(struct rv *r, const struct rect *b)
{
	const struct review_item *it = rv_item(r);
	struct wrapped ls = { 0 };
	char *t;

	if (r->have_d) {
		t = xasprintf("%s — %s", it->label, verdict_title(it->verdict));
		detail_draw(&r->rec, r->e->cat, b, t, true);
		free(t);
		return;
	}
	t = it->gone ? xasprintf("Точки %s больше нет в перечне: решение по "
	    "ней вынести нельзя. → — дальше, ← — назад.", it->label) :
	    xasprintf("Точку %s прочитать не удалось. → — дальше, ← — назад.",
	    it->label);
	wrapped_add(&ls, t, A_BOLD, 0, b->w - 4);
	wrapped_draw(&ls, b->y + 1, b->x + 2, b->w - 2, b->h - 1, 0);
	wrapped_fini(&ls);
	free(t);
}

/* The message line: a message, or what the keys do here. */
static void
rv_draw_message(const struct rv *r)
{
	const char *hint;

	draw_fill(LINES - 2, 0, COLS, A_NORMAL);
	if (msgline_draw(&r->msg, LINES - 2))
		return;
	if (r->scr.pane.on)
		hint = "↑↓ PgUp PgDn — прокрутка · другая клавиша — назад к "
		    "проверке";
	else if (rv_at_item(r))
		hint = "a — принять · r — вернуть на доработку с замечанием · "
		    "s — пропустить · ↑↓ — прокрутка";
	else if (r->s.finished_utc[0] != '\0')
		hint = "Enter или q — к перечню · ↑↓ — прокрутка";
	else
		hint = "Enter — к непросмотренной точке · f — завершить "
		    "проверку · ← — назад · q — выйти";
	draw_text(LINES - 2, 0, COLS, hint, A_DIM);
}

/* The bottom bar for the item or the summary. */
static void
rv_draw_keys(const struct rv *r)
{
	static const struct barkey item[] = {
		{ "a", "Принять" }, { "r", "Вернуть" }, { "s", "Пропуск" },
		{ "←", "Назад" }, { "→", "Далее" }, { "e", "Правка" },
		{ "f", "Завершить" }, { "F1", "Помощь" }, { "q", "Выход" },
	}, open[] = {
		{ "Enter ", "Непросмотренные" }, { "←", "Назад" },
		{ "f", "Завершить" }, { "F1", "Помощь" }, { "q", "Выход" },
	}, done[] = {
		{ "Enter ", "К перечню" }, { "F1", "Помощь" }, { "q", "Выход" },
	};

	if (rv_at_item(r))
		widget_bar(item, sizeof item / sizeof item[0]);
	else if (r->s.finished_utc[0] == '\0')
		widget_bar(open, sizeof open / sizeof open[0]);
	else
		widget_bar(done, sizeof done / sizeof done[0]);
}

/* The whole screen; curses sends only what changed. */
static void
rv_draw(struct rv *r)
{
	struct rect b = { 1, 0, LINES - 3, COLS };

	if (widget_too_small())
		return;
	erase();
	rv_draw_title(r);
	if (r->scr.pane.on)
		help_pane_draw(&r->scr.pane, &b);
	else if (rv_at_item(r))
		rv_draw_item(r, &b);
	else
		rv_draw_summary(r, &b);
	rv_draw_message(r);
	rv_draw_keys(r);
	curs_set(0);
	refresh();
}

/* The prompt's redraw after a resize. */
static void
rv_redraw_cb(void *ctx)
{
	rv_draw(ctx);
}

/* Who acts now, or false with the reason said. */
static bool
rv_actor(struct rv *r, struct actor *who)
{
	struct error err;

	if (edit_actor(r->e, who, &err) == 0)
		return true;
	msgline_say(&r->msg, true, "%s", err.msg);
	return false;
}

/* Close the session: its pending items stay pending. */
static void
rv_finish_now(struct rv *r)
{
	struct actor who;
	struct error err;

	if (!rv_actor(r, &who))
		return;
	if (store_review_finish(r->e->st, r->id, &who, &err) != 0) {
		msgline_say(&r->msg, true, "%s", err.msg);
		return;
	}
	r->sum_scroll = 0;
	rv_reload(r);
}

/*
 * The verdict v on the item shown (a comment asked for a return), then
 * on to the next; when no item is left without a verdict the session is
 * finished and the summary shown.
 */
static void
rv_verdict(struct rv *r, enum verdict v)
{
	const struct review_item *it = rv_item(r);
	char *text = NULL, *comment = NULL, *label;
	struct actor who;
	struct error err;
	enum prompt_result pr;

	if (it == NULL) {
		msgline_say(&r->msg, false,
		    "Все точки проверки пройдены: ← — назад к "
		    "последней, Enter — к непросмотренной");
		return;
	}
	if (it->gone) {
		msgline_say(&r->msg, true,
		    "Точки %s больше нет в перечне: решение по ней "
		    "вынести нельзя", it->label);
		return;
	}
	if (v == VERDICT_RETURNED) {
		msgline_clear(&r->msg);
		rv_draw(r);
		pr = prompt_read("Что доработать (замечание): ", LINES - 2,
		    rv_redraw_cb, r, &text);
		if (pr == PROMPT_QUIT) {
			r->quit = true;
			return;
		}
		if (pr == PROMPT_CANCEL) {
			msgline_say(&r->msg, false, "Точка не возвращена");
			return;
		}
		comment = utf8_squeeze(text);
		free(text);
		if (comment[0] == '\0') {
			msgline_say(&r->msg, true,
			    "Точка не возвращена: напишите "
			    "замечание — что доработать");
			free(comment);
			return;
		}
	}
	if (!rv_actor(r, &who)) {
		free(comment);
		return;
	}
	if (store_review_verdict(r->e->st, r->id, r->s.position, v, comment,
	    &who, &err) != 0) {
		/* Changed since shown: show it as it is now, to decide on. */
		rv_reload(r);
		msgline_say(&r->msg, true, "%s", err.msg);
		free(comment);
		return;
	}
	label = xstrdup(it->label);
	rv_reload(r);
	if (r->msg.text[0] == '\0')
		msgline_say(&r->msg, false,
		    "%s: %s%s%s", label, verdict_title(v),
		    comment != NULL ? " — " : "",
		    comment != NULL ? comment : "");
	free(label);
	free(comment);
	if (r->s.finished_utc[0] == '\0' && r->s.count[VERDICT_PENDING] == 0) {
		rv_finish_now(r);
		msgline_say(&r->msg, false,
		    "Все точки просмотрены — проверка № %lld "
		    "завершена", (long long)r->id);
	}
}

/* Stand on item to (total: past the last). */
static void
rv_seek(struct rv *r, size_t to)
{
	struct actor who;
	struct error err;

	if (!rv_actor(r, &who))
		return;
	if (store_review_seek(r->e->st, r->id, to, &who, &err) != 0) {
		msgline_say(&r->msg, true, "%s", err.msg);
		return;
	}
	r->sum_scroll = 0;
	rv_reload(r);
}

/* ←: the item before. */
static void
rv_back(struct rv *r)
{
	if (r->s.finished_utc[0] != '\0')
		msgline_say(&r->msg, false,
		    "Проверка завершена: её решения не меняются; "
		    "новая проверка — V в таблице");
	else if (r->s.position == 0)
		msgline_say(&r->msg, false, "Это первая точка проверки");
	else
		rv_seek(r, r->s.position - 1);
}

/* →: the item after, without a verdict on this one. */
static void
rv_next(struct rv *r)
{
	if (!rv_at_item(r))
		msgline_say(&r->msg, false, "Дальше точек нет: ← — назад");
	else
		rv_seek(r, r->s.position + 1);
}

/* f: finish the session, asked first if items are left without a
 * verdict. */
static void
rv_finish(struct rv *r)
{
	char *q;
	bool yes;

	if (r->s.finished_utc[0] != '\0') {
		msgline_say(&r->msg, false, "Проверка уже завершена");
		return;
	}
	if (r->s.count[VERDICT_PENDING] > 0) {
		q = xasprintf("Завершить проверку? Не просмотрено точек: %zu — "
		    "они так и останутся. д — да, другая клавиша — нет",
		    r->s.count[VERDICT_PENDING]);
		msgline_clear(&r->msg);
		yes = widget_confirm(q, rv_redraw_cb, r, &r->quit);
		free(q);
		if (!yes) {
			if (!r->quit)
				msgline_say(&r->msg, false,
				    "Проверка продолжается");
			return;
		}
	}
	rv_finish_now(r);
	if (r->msg.text[0] == '\0')
		msgline_say(&r->msg, false,
		    "Проверка № %lld завершена", (long long)r->id);
}

/* Enter: on the summary, to the first item without a verdict (or out
 * of a finished session). */
static void
rv_enter(struct rv *r)
{
	if (rv_at_item(r)) {
		msgline_say(&r->msg, false,
		    "a — принять, r — вернуть на доработку, s — "
		    "пропустить, e — исправить в форме");
		return;
	}
	if (r->s.finished_utc[0] != '\0') {
		r->leave = true;
		return;
	}
	for (size_t i = 0; i < r->items.n; i++)
		if (r->items.v[i].verdict == VERDICT_PENDING) {
			rv_seek(r, i);
			return;
		}
	rv_finish_now(r);
}

/* e, F4: the item's form, on its first error or open warning; then back
 * to the same item. */
static void
rv_form(struct rv *r)
{
	const struct review_item *it = rv_item(r);
	enum field field = FIELD_NONE;
	size_t item = FORM_NO_ITEM;
	struct view_key pkey, key;
	int64_t tp_id;

	if (it == NULL || !r->have_d) {
		msgline_say(&r->msg, false,
		    "Форма открывается на точке проверки");
		return;
	}
	for (int pass = 0; pass < 2 && field == FIELD_NONE; pass++)
		for (size_t i = 0; i < r->d.findings.n; i++) {
			const struct finding *fi = &r->d.findings.v[i];

			if ((pass == 0 && fi->level == LEVEL_ERROR) ||
			    (pass == 1 && fi->level == LEVEL_WARNING &&
			    !fi->acknowledged)) {
				field = fi->field;
				item = fi->item;
				break;
			}
		}
	tp_id = it->tp_id;
	pkey.proc_pos = (int64_t)r->d.pnum;
	pkey.proc_id = r->d.proc_id;
	pkey.tp_pos = pkey.tp_id = VIEW_KEY_PROCESS;
	msgline_clear(&r->msg);
	switch (form_touchpoint(r->e, &pkey, tp_id, field, item, &key)) {
	case DIALOG_QUIT:
		r->quit = true;
		return;
	case DIALOG_OK:
		edit_refresh(r->e, &key);
		break;
	case DIALOG_CANCEL:
		if (r->msg.text[0] == '\0')
			msgline_say(&r->msg, false,
			    "Форма закрыта без сохранения");
		break;
	}
	rv_reload(r);
}

/* What the keys of the review screen do. */
enum rv_act {
	RV_NONE, RV_ACCEPT, RV_RETURN, RV_SKIP, RV_BACK, RV_NEXT, RV_FORM,
	RV_FINISH, RV_HELP, RV_ENTER, RV_DOWN, RV_UP, RV_PGDN,
	RV_PGUP, RV_HOME, RV_END
};

/* The function keys (also Esc or Alt and a digit). */
static enum rv_act
rv_fkey_action(wint_t k)
{
	switch (k) {
	case KEY_F(1): return RV_HELP;
	case KEY_F(2): return RV_ACCEPT;
	case KEY_F(4): return RV_FORM;
	case KEY_LEFT: return RV_BACK;
	case KEY_RIGHT: return RV_NEXT;
	case KEY_ENTER: return RV_ENTER;
	case KEY_DOWN: return RV_DOWN;
	case KEY_UP: return RV_UP;
	case KEY_NPAGE: return RV_PGDN;
	case KEY_PPAGE: return RV_PGUP;
	case KEY_HOME: return RV_HOME;
	case KEY_END: return RV_END;
	}
	return RV_NONE;
}

/* What a key means here, in either layout. */
static enum rv_act
rv_action(const struct key *key)
{
	if (key->fkey)
		return rv_fkey_action(key->k);
	if (key->alt && key->k >= '0' && key->k <= '9')
		return rv_fkey_action(KEYS_DIGIT_FKEY(key->k));
	switch (key->cmd) {
	case 'a': return RV_ACCEPT;
	case 'r': return RV_RETURN;
	case 's': return RV_SKIP;
	case 'b': return RV_BACK;
	case 'n': return RV_NEXT;
	case 'e': return RV_FORM;
	case 'f': return RV_FINISH;
	case 'H': case '?': return RV_HELP;
	case '\r': case '\n': return RV_ENTER;
	case 'j': case CTRL('n'): return RV_DOWN;
	case 'k': case CTRL('p'): return RV_UP;
	case ' ': case CTRL('f'): return RV_PGDN;
	case CTRL('b'): return RV_PGUP;
	case 'g': return RV_HOME;
	case 'G': return RV_END;
	}
	return RV_NONE;
}

/* Scroll the record or the summary. */
static void
rv_scroll(struct rv *r, enum rv_act a)
{
	int page = LINES - 5 > 1 ? LINES - 5 : 1, delta = 0;

	switch (a) {
	case RV_DOWN: delta = 1; break;
	case RV_UP: delta = -1; break;
	case RV_PGDN: delta = page; break;
	case RV_PGUP: delta = -page; break;
	case RV_HOME: delta = -1000000; break;
	case RV_END: delta = 1000000; break;
	default: break;
	}
	if (rv_at_item(r))
		detail_scroll(&r->rec, delta, LINES - 4);
	else
		r->sum_scroll += delta;
}

/* One key on the review screen. */
static void
rv_key(struct rv *r, const struct key *key)
{
	enum rv_act a = rv_action(key);

	switch (a) {
	case RV_ACCEPT: rv_verdict(r, VERDICT_ACCEPTED); break;
	case RV_RETURN: rv_verdict(r, VERDICT_RETURNED); break;
	case RV_SKIP: rv_verdict(r, VERDICT_SKIPPED); break;
	case RV_BACK: rv_back(r); break;
	case RV_NEXT: rv_next(r); break;
	case RV_FORM: rv_form(r); break;
	case RV_FINISH: rv_finish(r); break;
	case RV_HELP: screen_help_open(&r->scr); break;
	case RV_ENTER: rv_enter(r); break;
	case RV_NONE: break;
	default: rv_scroll(r, a); break;
	}
}

static enum screen_step
rv_screen_key(void *ctx, struct key *key)
{
	struct rv *r = ctx;

	rv_key(r, key);
	return r->quit ? SCREEN_QUIT : r->leave ? SCREEN_DONE : SCREEN_STAY;
}

/* Keys until the clerk leaves the review (or a signal comes). */
static void
rv_run(struct rv *r)
{
	r->scr = (struct screen){ .draw = rv_redraw_cb, .key = rv_screen_key,
	    .ctx = r, .help = "Проверка точек", .help_h = true,
	    .leave_esc = true, .leave_q = true, .msg = &r->msg };
	if (screen_run(&r->scr) == SCREEN_QUIT)
		r->quit = true;
}
/* The units being counted: rv_units's walk. */
struct rv_unit_count {
	struct strvec *units;
	size_t	**counts;
};

/* The units of p's touchpoints (excluded ones aside) added or counted. */
static int
rv_count_units(void *ctx, struct process *p, size_t index, struct error *err)
{
	struct rv_unit_count *uc = ctx;
	struct strvec *units = uc->units;
	size_t k;

	(void)index;
	(void)err;
	for (size_t j = 0; j < p->ntps; j++) {
		const struct touchpoint *tp = &p->tps[j];
		char *u;

		if (tp->excluded || tp->unit[0] == '\0')
			continue;
		for (k = 0; k < units->n; k++)
			if (policy_unit_equal(units->v[k], tp->unit))
				break;
		if (k == units->n) {
			u = utf8_squeeze(tp->unit);
			strvec_push(units, u);
			free(u);
			*uc->counts = xreallocarray(*uc->counts, units->n,
			    sizeof **uc->counts);
			(*uc->counts)[k] = 0;
		}
		(*uc->counts)[k]++;
	}
	return 0;
}

/* The units of the touchpoints in the list (excluded ones aside), each
 * once as first written, with how many touchpoints it has: the list read
 * a process at a time, never whole. */
static int
rv_units(struct store *st, struct strvec *units, size_t **counts,
    struct error *err)
{
	struct rv_unit_count uc = { units, counts };
	bool began;
	int rc;

	if (store_read_begin(st, &began, err) != 0)
		return -1;
	rc = store_list_each_process(st, 0, rv_count_units, &uc, err);
	store_read_end(st, began);
	return rc;
}

/* The unit to review: 1 with *unit (caller frees), 0 back to the scopes
 * (note may say why), -1 on a signal. */
static int
rv_choose_unit(struct rv *r, char *note, size_t notelen, char **unit)
{
	struct strvec units;
	struct menu m;
	struct error err;
	size_t *counts = NULL;
	int pick, rc = 0;

	strvec_init(&units);
	if (rv_units(r->e->st, &units, &counts, &err) != 0)
		snprintf(note, notelen, "%s", err.msg);
	else if (units.n == 0)
		snprintf(note, notelen, "Ни у одной точки перечня не указано "
		    "подразделение: проверьте все точки");
	if (units.n == 0) {
		strvec_fini(&units);
		free(counts);
		return 0;
	}
	menu_init(&m, "Точки какого подразделения проверить");
	for (size_t i = 0; i < units.n; i++) {
		char *s = xasprintf("%s (%zu %s)", units.v[i], counts[i],
		    draw_plural((int64_t)counts[i], "точка", "точки", "точек"));

		menu_add(&m, s, false);
		free(s);
	}
	pick = menu_run(&m, r->e->redraw, r->e->ctx);
	if (pick == -2)
		rc = -1;
	else if (pick >= 0) {
		*unit = xstrdup(units.v[pick]);
		rc = 1;
	}
	menu_fini(&m);
	strvec_fini(&units);
	free(counts);
	return rc;
}

/* What the items of the first menu do. */
enum rv_choice {
	RV_RESUME = -1		/* else an enum review_scope */
};

/* A menu over the table, as a question about it repaints it. */
struct rv_menu_under {
	struct edit *e;
	struct menu *m;
};

static void
rv_menu_redraw(void *ctx)
{
	struct rv_menu_under *u = ctx;

	u->e->redraw(u->e->ctx);
	menu_draw(u->m);
}

/* Close the clerk's unfinished session cur before a new one, if the
 * clerk agrees: 1 closed, 0 not (note may say why), -1 on a signal. */
static int
rv_close_current(struct rv *r, struct menu *m,
    const struct review_session *cur)
{
	struct rv_menu_under under = { r->e, m };
	struct actor who;
	struct error err;
	char prog[64], *q;
	bool yes, quit = false;

	rv_progress(cur, prog, sizeof prog);
	q = xasprintf("Проверка № %lld (%s) не завершена. Завершить её и "
	    "начать новую? д — да, другая клавиша — нет", (long long)cur->id,
	    prog);
	yes = widget_confirm(q, rv_menu_redraw, &under, &quit);
	free(q);
	if (quit)
		return -1;
	if (!yes)
		return 0;
	if (edit_actor(r->e, &who, &err) != 0 ||
	    store_review_finish(r->e->st, cur->id, &who, &err) != 0) {
		snprintf(m->note, sizeof m->note, "%s", err.msg);
		return 0;
	}
	return 1;
}

/* Start a session for scope (unit for one unit's). */
static int
rv_start(struct rv *r, enum review_scope scope, const char *unit,
    struct error *err)
{
	struct actor who;

	if (edit_actor(r->e, &who, err) != 0)
		return -1;
	return store_review_start(r->e->st, scope, unit, r->e->cat, &who,
	    &r->id, err);
}

/* Fill the first menu: resuming cur (if have_cur), then the scopes;
 * what[i] says what item i does. */
static void
rv_scopes_menu(struct menu *m, int *what, const struct review_session *cur,
    bool have_cur, int64_t rev)
{
	char prog[64], *s, *scope;

	menu_init(m, "Проверка точек уполномоченным лицом (п. 2.2)");
	if (have_cur) {
		rv_progress(cur, prog, sizeof prog);
		scope = rv_scope_text(cur);
		s = xasprintf("Продолжить проверку № %lld (%s): %s",
		    (long long)cur->id, scope, prog);
		what[m->items.n] = RV_RESUME;
		menu_add(m, s, false);
		free(s);
		free(scope);
	}
	what[m->items.n] = REVIEW_SCOPE_ALL;
	menu_add(m, "Все точки перечня", false);
	what[m->items.n] = REVIEW_SCOPE_CHANGED;
	if (rev > 0) {
		s = xasprintf("Изменённые после утверждения редакции %lld "
		    "и ещё не принятые", (long long)rev);
		menu_add(m, s, false);
		free(s);
	} else {
		menu_add(m, "Изменённые после утверждения (перечень ещё не "
		    "утверждён)", true);
	}
	what[m->items.n] = REVIEW_SCOPE_UNIT;
	menu_add(m, "Точки одного подразделения…", false);
	what[m->items.n] = REVIEW_SCOPE_FINDINGS;
	menu_add(m, "Точки с ошибками или непринятыми предупреждениями",
	    false);
}

/* The clerk's unfinished session (*have) into cur, and the latest
 * revision (0: none). */
static int
rv_read_state(struct rv *r, struct review_session *cur, bool *have,
    int64_t *rev, struct error *err)
{
	struct revision rv = { 0 };
	bool found;
	int64_t id;

	if (store_review_current(r->e->st, r->login, &id, have, err) != 0 ||
	    (*have && store_review_get(r->e->st, id, cur, err) != 0) ||
	    store_revision_latest(r->e->st, &rv, &found, err) != 0)
		return -1;
	*rev = found ? rv.id : 0;
	revision_fini(&rv);
	return 0;
}

/*
 * The first menu: resume the clerk's unfinished session, or start one
 * for a scope (closing the unfinished one, if the clerk agrees).  1 with
 * r->id set (*resumed tells which), 0 if the clerk left, -1 on a signal.
 */
static int
rv_choose(struct rv *r, bool *resumed)
{
	struct review_session cur = { 0 };
	struct menu m;
	struct error err;
	int what[8], pick, rc = 0;
	char *unit = NULL;
	int64_t rev;
	bool have;

	if (rv_read_state(r, &cur, &have, &rev, &err) != 0) {
		msgline_say(&r->msg, true, "%s", err.msg);
		review_session_fini(&cur);
		return 0;
	}
	rv_scopes_menu(&m, what, &cur, have, rev);
	for (;;) {
		free(unit);
		unit = NULL;
		if ((pick = menu_run(&m, r->e->redraw, r->e->ctx)) < 0) {
			rc = pick == -2 ? -1 : 0;
			break;
		}
		m.cur = (size_t)pick;
		m.note[0] = '\0';
		if (what[pick] == RV_RESUME) {
			r->id = cur.id;
			*resumed = true;
			rc = 1;
			break;
		}
		if (what[pick] == REVIEW_SCOPE_UNIT &&
		    (rc = rv_choose_unit(r, m.note, sizeof m.note,
		    &unit)) <= 0) {
			if (rc < 0)
				break;
			continue;
		}
		if (have && m.off[0] == false) {
			if ((rc = rv_close_current(r, &m, &cur)) < 0)
				break;
			if (rc == 0)
				continue;
			/* Closed: it can no longer be resumed. */
			m.off[0] = true;
		}
		if (rv_start(r, (enum review_scope)what[pick], unit,
		    &err) != 0) {
			snprintf(m.note, sizeof m.note, "%s", err.msg);
			continue;
		}
		*resumed = false;
		rc = 1;
		break;
	}
	free(unit);
	menu_fini(&m);
	review_session_fini(&cur);
	return rc;
}

/* What the message line says when the review is left. */
static void
rv_farewell(const struct rv *r, char *msg, size_t msglen)
{
	char prog[64];

	if (r->s.finished_utc == NULL)
		return;
	rv_progress(&r->s, prog, sizeof prog);
	if (r->s.finished_utc[0] != '\0')
		snprintf(msg, msglen, "Проверка № %lld завершена: принято %zu, "
		    "возвращено на доработку %zu, пропущено %zu, "
		    "не просмотрено %zu", (long long)r->id,
		    r->s.count[VERDICT_ACCEPTED], r->s.count[VERDICT_RETURNED],
		    r->s.count[VERDICT_SKIPPED], r->s.count[VERDICT_PENDING]);
	else
		snprintf(msg, msglen, "Проверка № %lld прервана на %s; V — "
		    "продолжить с этой точки", (long long)r->id, prog);
}

/* May login review?  -1 with err saying who may. */
static int
rv_permitted(struct store *st, const char *login, struct error *err)
{
	struct policy_user pu;
	int rc;

	policy_user_init(&pu);
	rc = store_users_lookup(st, login, &pu, err);
	if (rc == 0)
		rc = policy_check(&pu, POLICY_REVIEW, NULL, NULL, err);
	policy_user_fini(&pu);
	return rc;
}

/* The review with the edit's list and forms, as login. */
static void
rv_init(struct rv *r, struct edit *e, const char *login)
{
	memset(r, 0, sizeof *r);
	r->e = e;
	r->login = xstrdup(login);
	review_detail_init(&r->d);
	detail_init(&r->rec);
}

static void
rv_fini(struct rv *r)
{
	review_session_fini(&r->s);
	review_items_fini(&r->items);
	review_detail_fini(&r->d);
	detail_fini(&r->rec);
	free(r->login);
}

/* The session chosen: step through it, then put the table's cursor on
 * the touchpoint it stopped at. */
static void
rv_session(struct rv *r, bool resumed)
{
	struct view_key key;
	char prog[64];

	rv_reload(r);
	if (r->msg.text[0] == '\0') {
		rv_progress(&r->s, prog, sizeof prog);
		if (resumed)
			msgline_say(&r->msg, false,
			    "Проверка № %lld продолжается с %s",
			    (long long)r->id, prog);
		else
			msgline_say(&r->msg, false,
			    "Начата проверка № %lld: точек %zu",
			    (long long)r->id, r->s.total);
	}
	rv_run(r);
	if (r->quit || !rv_at_item(r) || !r->have_d)
		return;
	key.proc_pos = (int64_t)r->d.pnum;
	key.proc_id = r->d.proc_id;
	key.tp_pos = (int64_t)r->d.tnum;
	key.tp_id = r->d.tp.id;
	edit_refresh(r->e, &key);
}

enum dialog_result
review_mode(struct edit *e, struct msgline *msg)
{
	struct actor who;
	struct error err;
	struct rv r;
	bool resumed = false;
	int rc;

	msgline_clear(msg);
	if (e->opt->readonly || store_is_readonly(e->st)) {
		msgline_say(msg, true, "Перечень открыт только для чтения: "
		    "проверять точки нельзя");
		return DIALOG_CANCEL;
	}
	if (edit_actor(e, &who, &err) != 0 ||
	    rv_permitted(e->st, who.login, &err) != 0) {
		msgline_say(msg, true, "Проверка недоступна: %s", err.msg);
		return widget_notice("Проверка недоступна", err.msg,
		    e->redraw, e->ctx) ?
		    DIALOG_CANCEL : DIALOG_QUIT;
	}
	rv_init(&r, e, who.login);
	e->msg = &r.msg;
	rc = rv_choose(&r, &resumed);
	if (rc > 0)
		rv_session(&r, resumed);
	e->msg = NULL;
	if (rc < 0 || r.quit) {
		rv_fini(&r);
		return DIALOG_QUIT;
	}
	if (rc > 0)
		rv_farewell(&r, msg->text, sizeof msg->text);
	else
		*msg = r.msg;
	rv_fini(&r);
	return rc > 0 ? DIALOG_OK : DIALOG_CANCEL;
}
