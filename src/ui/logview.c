/*
 * logview.c - the change log on a screen of its own: newest first, each
 * entry its local time, login, trigger of п. 5.3 and record, then the
 * field and its values old → new (wrapped; values of several lines one
 * under the other).  Filters by trigger, login and local days.
 *
 * The log is never read whole: a window of at most LOGVIEW_WINDOW entries
 * is kept, read a page at a time by id (before the oldest shown, or after
 * the newest), and moves as the screen scrolls.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_history.h"
#include "utf8.h"

#define LOGVIEW_PAGE	100
#define LOGVIEW_WINDOW	(3 * LOGVIEW_PAGE)
/* Lines above the entries: the title and the keys. */
#define LOGVIEW_TOP	2
/* Columns the trigger code is padded to ("импорт", "5.3.1"). */
#define LOGVIEW_TRIGGER_W 6

/* The order in which t steps through the triggers (-1: any). */
static const int logview_triggers[] = {
	-1, TRIGGER_NEW, TRIGGER_KIND, TRIGGER_NEEDS, TRIGGER_EXCLUDED,
	TRIGGER_EDIT, TRIGGER_IMPORT
};
#define LOGVIEW_NTRIGGERS \
	(sizeof logview_triggers / sizeof logview_triggers[0])

void
logview_init(struct logview *lv, struct store *st)
{
	memset(lv, 0, sizeof *lv);
	lv->st = st;
	lv->trigger = -1;
	lv->width = 80;
	lv->height = 20;
	changes_init(&lv->ch);
}

void
logview_fini(struct logview *lv)
{
	changes_fini(&lv->ch);
	free(lv->login);
	memset(lv, 0, sizeof *lv);
}

/* The filters as the store takes them, bounded by id on either side. */
static struct log_filter
logview_filter(const struct logview *lv)
{
	struct log_filter f;

	memset(&f, 0, sizeof f);
	f.trigger = lv->trigger;
	f.login = lv->login;
	f.since_utc = lv->since_utc;
	f.until_utc = lv->until_utc;
	f.limit = LOGVIEW_PAGE;
	return f;
}

/* Move the entries of src to the end of dst; src ends empty. */
static void
logview_append(struct changes *dst, struct changes *src)
{
	if (dst->n + src->n > dst->cap) {
		dst->cap = dst->n + src->n;
		dst->v = xreallocarray(dst->v, dst->cap, sizeof *dst->v);
	}
	if (src->n > 0)
		memcpy(dst->v + dst->n, src->v, src->n * sizeof *src->v);
	dst->n += src->n;
	src->n = 0;
	changes_fini(src);
}

/* Free n entries of c from index from, closing the gap. */
static void
logview_drop(struct changes *c, size_t from, size_t n)
{
	struct changes gone;

	changes_init(&gone);
	gone.v = xcalloc(n, sizeof *gone.v);
	gone.n = gone.cap = n;
	memcpy(gone.v, c->v + from, n * sizeof *c->v);
	memmove(c->v + from, c->v + from + n,
	    (c->n - from - n) * sizeof *c->v);
	c->n -= n;
	changes_fini(&gone);
}

/* Reverse c in place (an oldest-first page to newest first). */
static void
logview_reverse(struct changes *c)
{
	for (size_t i = 0; i < c->n / 2; i++) {
		struct change t = c->v[i];

		c->v[i] = c->v[c->n - 1 - i];
		c->v[c->n - 1 - i] = t;
	}
}

/* The page newest first (or oldest first, reversed) into a fresh window. */
static int
logview_load_edge(struct logview *lv, bool oldest, struct error *err)
{
	struct log_filter f = logview_filter(lv);
	struct changes page;

	f.oldest_first = oldest;
	changes_init(&page);
	if (store_log_query(lv->st, &f, &page, err) != 0) {
		changes_fini(&page);
		return -1;
	}
	if (oldest)
		logview_reverse(&page);
	changes_fini(&lv->ch);
	lv->ch = page;
	lv->newer = oldest && page.n == LOGVIEW_PAGE;
	lv->older = !oldest && page.n == LOGVIEW_PAGE;
	lv->top = 0;
	lv->top_line = 0;
	return 0;
}

/* The page older than the window, appended; the newest page of the
 * window dropped when it grows too long.  *added: entries read. */
static int
logview_load_older(struct logview *lv, size_t *added, struct error *err)
{
	struct log_filter f = logview_filter(lv);
	struct changes page;

	*added = 0;
	f.before_id = lv->ch.v[lv->ch.n - 1].id;
	changes_init(&page);
	if (store_log_query(lv->st, &f, &page, err) != 0) {
		changes_fini(&page);
		return -1;
	}
	lv->older = page.n == LOGVIEW_PAGE;
	*added = page.n;
	logview_append(&lv->ch, &page);
	if (lv->ch.n > LOGVIEW_WINDOW && lv->top >= LOGVIEW_PAGE) {
		logview_drop(&lv->ch, 0, LOGVIEW_PAGE);
		lv->top -= LOGVIEW_PAGE;
		lv->newer = true;
	}
	return 0;
}

/* The page newer than the window, put before it; the oldest entries
 * dropped when it grows too long.  *added: entries read. */
static int
logview_load_newer(struct logview *lv, size_t *added, struct error *err)
{
	struct log_filter f = logview_filter(lv);
	struct changes page;

	*added = 0;
	f.after_id = lv->ch.v[0].id;
	f.oldest_first = true;
	changes_init(&page);
	if (store_log_query(lv->st, &f, &page, err) != 0) {
		changes_fini(&page);
		return -1;
	}
	lv->newer = page.n == LOGVIEW_PAGE;
	logview_reverse(&page);
	*added = page.n;
	logview_append(&page, &lv->ch);
	lv->ch = page;
	lv->top += *added;
	if (lv->ch.n > LOGVIEW_WINDOW) {
		logview_drop(&lv->ch, LOGVIEW_WINDOW,
		    lv->ch.n - LOGVIEW_WINDOW);
		lv->older = true;
	}
	return 0;
}

/* Append the lines of value after label ("было: "), wrapped to width,
 * the following ones indented under the first. */
static void
logview_value_lines(const char *label, const char *value, int width,
    struct strvec *out)
{
	struct strvec wrapped;
	int lw = utf8_width(label);

	strvec_init(&wrapped);
	utf8_wrap(value[0] != '\0' ? value : "—", width - lw < 10 ? 10 :
	    width - lw, &wrapped);
	for (size_t i = 0; i < wrapped.n; i++)
		strvec_push_owned(out, xasprintf("%s%*s%s", i == 0 ? label : "",
		    i == 0 ? 0 : lw, "", wrapped.v[i]));
	strvec_fini(&wrapped);
}

/*
 * The screen lines of entry c at width: the heading first (time, login,
 * trigger, record), then the field with old → new.  Data strings are
 * sanitised here (utf8_wrap) and again when drawn.
 */
static void
logview_entry_lines(const struct change *c, int width, struct strvec *out)
{
	char when[REMINDER_TIME_BUFSZ], *head, *login, *label, *field;
	const char *code = trigger_code(c->trigger);
	int pad = LOGVIEW_TRIGGER_W - utf8_width(code);

	login = utf8_sanitized(c->login, 0);
	label = utf8_sanitized(c->label, 0);
	field = utf8_sanitized(c->field, 0);
	head = xasprintf("%s  %s  %s%*s  %s",
	    reminder_format_time(c->at_utc, when), login, code,
	    pad > 0 ? pad : 0, "", label);
	strvec_push_owned(out, head);
	if (strchr(c->old_value, '\n') == NULL &&
	    strchr(c->new_value, '\n') == NULL) {
		char *line = xasprintf("%s: %s → %s", field,
		    c->old_value[0] != '\0' ? c->old_value : "—",
		    c->new_value[0] != '\0' ? c->new_value : "—");

		logview_value_lines("  ", line, width, out);
		free(line);
	} else {
		char *line = xasprintf("%s:", field);

		logview_value_lines("  ", line, width, out);
		logview_value_lines("    было:  ", c->old_value, width, out);
		logview_value_lines("    стало: ", c->new_value, width, out);
		free(line);
	}
	free(login);
	free(label);
	free(field);
}

/* How many screen lines entry i takes. */
static int
logview_entry_height(const struct logview *lv, size_t i)
{
	struct strvec lines;
	int n;

	strvec_init(&lines);
	logview_entry_lines(&lv->ch.v[i], lv->width, &lines);
	n = (int)lines.n;
	strvec_fini(&lines);
	return n;
}

/* One line towards the older entries (reading them if need be); false
 * at the end of the log. */
static int
logview_step_down(struct logview *lv, bool *moved, struct error *err)
{
	size_t added;

	*moved = false;
	if (lv->ch.n == 0)
		return 0;
	if (lv->top_line + 1 < logview_entry_height(lv, lv->top)) {
		lv->top_line++;
		*moved = true;
		return 0;
	}
	if (lv->top + 1 >= lv->ch.n && lv->older &&
	    logview_load_older(lv, &added, err) != 0)
		return -1;
	if (lv->top + 1 < lv->ch.n) {
		lv->top++;
		lv->top_line = 0;
		*moved = true;
	}
	return 0;
}

/* One line towards the newer entries; false at the newest. */
static int
logview_step_up(struct logview *lv, bool *moved, struct error *err)
{
	size_t added;

	*moved = false;
	if (lv->top_line > 0) {
		lv->top_line--;
		*moved = true;
		return 0;
	}
	if (lv->top == 0 && lv->newer && lv->ch.n > 0 &&
	    logview_load_newer(lv, &added, err) != 0)
		return -1;
	if (lv->top > 0) {
		lv->top--;
		lv->top_line = logview_entry_height(lv, lv->top) - 1;
		*moved = true;
	}
	return 0;
}

/* Lines from the top of the screen to the end of the log, counted up to
 * the screen's height (reading older pages as needed).  Counted from the
 * top entry: reading may drop entries above it and renumber the window. */
static int
logview_lines_below(struct logview *lv, int *n, struct error *err)
{
	size_t j = 0, added;

	*n = 0;
	if (lv->ch.n == 0)
		return 0;
	*n = logview_entry_height(lv, lv->top) - lv->top_line;
	while (*n < lv->height) {
		if (lv->top + j + 1 >= lv->ch.n) {
			if (!lv->older)
				break;
			if (logview_load_older(lv, &added, err) != 0)
				return -1;
			continue;
		}
		j++;
		*n += logview_entry_height(lv, lv->top + j);
	}
	return 0;
}

/* Do not scroll past the end: the last line stays at the bottom. */
static int
logview_clamp(struct logview *lv, struct error *err)
{
	bool moved = true;
	int below;

	if (logview_lines_below(lv, &below, err) != 0)
		return -1;
	for (; below < lv->height && moved; below++)
		if (logview_step_up(lv, &moved, err) != 0)
			return -1;
	return 0;
}

int
logview_scroll(struct logview *lv, int lines, struct error *err)
{
	bool moved = true;

	for (; lines > 0 && moved; lines--)
		if (logview_step_down(lv, &moved, err) != 0)
			return -1;
	for (; lines < 0 && moved; lines++)
		if (logview_step_up(lv, &moved, err) != 0)
			return -1;
	return logview_clamp(lv, err);
}

int
logview_home(struct logview *lv, struct error *err)
{
	return logview_load_edge(lv, false, err);
}

int
logview_end(struct logview *lv, struct error *err)
{
	if (logview_load_edge(lv, true, err) != 0)
		return -1;
	if (lv->ch.n > 0) {
		lv->top = lv->ch.n - 1;
		lv->top_line = logview_entry_height(lv, lv->top) - 1;
	}
	return logview_clamp(lv, err);
}

/* The filters in words, for the title. */
static void
logview_describe(const struct logview *lv, struct buf *b)
{
	buf_puts(b, "Журнал изменений · основание: ");
	buf_puts(b, lv->trigger < 0 ? "все" :
	    trigger_code((enum trigger)lv->trigger));
	buf_printf(b, " · пользователь: %s", lv->login != NULL ? lv->login :
	    "все");
	if (lv->since[0] == '\0' && lv->until[0] == '\0')
		buf_puts(b, " · дни: все");
	else
		buf_printf(b, " · дни: %s–%s", lv->since, lv->until);
}

void
logview_draw(struct logview *lv, const struct rect *r)
{
	struct strvec lines;
	struct buf title;
	int y = r->y + LOGVIEW_TOP, end = r->y + r->h;

	lv->width = r->w - 2;
	lv->height = r->h - LOGVIEW_TOP;
	buf_init(&title);
	logview_describe(lv, &title);
	draw_fill(r->y, r->x, r->w, term_attr_title());
	draw_text(r->y, r->x + 1, r->w - 1, title.data, term_attr_title());
	draw_text(r->y + 1, r->x + 1, r->w - 1, "t T — основание  u — "
	    "пользователь  d — дни  c — сбросить  Esc — назад", A_DIM);
	buf_fini(&title);
	for (int i = r->y + LOGVIEW_TOP; i < end; i++)
		draw_fill(i, r->x, r->w, A_NORMAL);
	if (lv->ch.n == 0) {
		draw_text(y, r->x + 1, r->w - 2, lv->trigger >= 0 ||
		    lv->login != NULL || lv->since[0] != '\0' ||
		    lv->until[0] != '\0' ? "Подходящих записей в журнале нет." :
		    "Журнал изменений пуст.", A_NORMAL);
		return;
	}
	for (size_t k = lv->top; k < lv->ch.n && y < end; k++) {
		strvec_init(&lines);
		logview_entry_lines(&lv->ch.v[k], lv->width, &lines);
		for (size_t i = k == lv->top ? (size_t)lv->top_line : 0;
		    i < lines.n && y < end; i++)
			draw_text(y++, r->x + 1, r->w - 2, lines.v[i],
			    i == 0 ? A_BOLD : A_NORMAL);
		strvec_fini(&lines);
	}
}

/* A local day typed at a prompt into shown (ДД.ММ.ГГГГ) and the UTC bound
 * of the log (the day's start, or the next day's for until).  An empty
 * answer clears the bound. */
static int
logview_day(const char *text, bool until, char *shown, char *utc,
    struct error *err)
{
	struct date d;

	if (text[0] == '\0') {
		shown[0] = utc[0] = '\0';
		return 0;
	}
	if (date_parse(text, &d, err) != 0)
		return -1;
	date_format(d, shown);
	if (until && date_cmp(d, (struct date){ DATE_YEAR_MAX, 12, 31 }) == 0) {
		utc[0] = '\0';
		return 0;
	}
	if (until)
		d = date_add_days(d, 1);
	if (reminder_day_start_utc(d, utc) != 0)
		return error_set(err, "дату %s нельзя перевести во время "
		    "журнала", shown);
	return 0;
}

/* Ask a line; false if cancelled, *quit on a signal. */
static bool
logview_ask(const char *label, const struct logview_io *io, char **text,
    bool *quit)
{
	switch (prompt_read(label, LINES - 2, io->redraw, io->ctx, text)) {
	case PROMPT_OK:
		return true;
	case PROMPT_QUIT:
		*quit = true;
		break;
	case PROMPT_CANCEL:
		break;
	}
	return false;
}

/* d: the first and the last day, each may be left empty. */
static void
logview_ask_days(struct logview *lv, const struct logview_io *io, bool *quit)
{
	char since[DATE_BUFSZ], until[DATE_BUFSZ];
	char since_utc[REMINDER_UTC_BUFSZ], until_utc[REMINDER_UTC_BUFSZ];
	char *a = NULL, *b = NULL;
	struct error err;

	if (!logview_ask("С какого дня (ДД.ММ.ГГГГ, пусто — с начала): ", io,
	    &a, quit))
		return;
	if (logview_day(a, false, since, since_utc, &err) != 0) {
		snprintf(io->msg, io->msglen, "Начало: %s", err.msg);
		goto done;
	}
	if (!logview_ask("По какой день включительно (пусто — по сегодня): ",
	    io, &b, quit))
		goto done;
	if (logview_day(b, true, until, until_utc, &err) != 0) {
		snprintf(io->msg, io->msglen, "Конец: %s", err.msg);
		goto done;
	}
	memcpy(lv->since, since, sizeof since);
	memcpy(lv->until, until, sizeof until);
	memcpy(lv->since_utc, since_utc, sizeof since_utc);
	memcpy(lv->until_utc, until_utc, sizeof until_utc);
done:
	free(a);
	free(b);
}

/* u: a login, or anyone. */
static void
logview_ask_login(struct logview *lv, const struct logview_io *io, bool *quit)
{
	char *text = NULL, *login;

	if (!logview_ask("Пользователь (учётная запись, пусто — все): ", io,
	    &text, quit))
		return;
	login = utf8_squeeze(text);
	free(text);
	free(lv->login);
	lv->login = login[0] != '\0' ? login : NULL;
	if (lv->login == NULL)
		free(login);
}

/* t and T: the next (or previous) trigger in the cycle. */
static void
logview_step_trigger(struct logview *lv, int dir)
{
	size_t i = 0;

	while (i < LOGVIEW_NTRIGGERS && logview_triggers[i] != lv->trigger)
		i++;
	i = (i + LOGVIEW_NTRIGGERS + (size_t)(dir > 0 ? 1 : -1)) %
	    LOGVIEW_NTRIGGERS;
	lv->trigger = logview_triggers[i];
}

enum logview_result
logview_key(struct logview *lv, bool fkey, wint_t k,
    const struct logview_io *io)
{
	struct error err;
	bool quit = false;

	if (fkey) {
		if (k == KEY_LEFT || k == KEY_F(3))
			return LOGVIEW_LEAVE;
		return LOGVIEW_IGNORED;
	}
	switch (k) {
	case 27: case 'q': case 'Q':
		return LOGVIEW_LEAVE;
	case 't':
		logview_step_trigger(lv, 1);
		break;
	case 'T':
		logview_step_trigger(lv, -1);
		break;
	case 'u':
		logview_ask_login(lv, io, &quit);
		break;
	case 'd':
		logview_ask_days(lv, io, &quit);
		break;
	case 'c':
		lv->trigger = -1;
		free(lv->login);
		lv->login = NULL;
		lv->since[0] = lv->until[0] = '\0';
		lv->since_utc[0] = lv->until_utc[0] = '\0';
		break;
	default:
		return LOGVIEW_IGNORED;
	}
	if (quit)
		return LOGVIEW_QUIT;
	if (logview_home(lv, &err) != 0)
		snprintf(io->msg, io->msglen, "%s", err.msg);
	return LOGVIEW_USED;
}
