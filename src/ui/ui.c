/* ui.c - the editor: layout, the main loop and what each key does. */
#include "ui.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store_view.h"
#include "screen.h"
#include "utf8.h"

#define KEY_ESC 27
/* Wider than this, the detail pane stands beside the table. */
#define SIDE_BY_SIDE_COLS 140
/* The detail pane under the table keeps at least its title and four
 * lines; a table that does not fit leaves it this share of the body. */
#define DETAIL_MIN_LINES 5
#define DETAIL_SHARE(body) ((body) * 2 / 5)
/* Keys worked off at most without a frame between them. */

enum ui_mode {
	MODE_TABLE,
	MODE_RECORD,		/* one touchpoint, full screen, read-only */
	MODE_REMINDER,		/* the reminder of п. 5.3-5.4 in full */
	MODE_LOG		/* the change log */
};

struct layout {
	bool	too_small;
	bool	side;		/* detail pane beside the table, not under it */
	bool	fits;		/* under it: every row of the table shows */
	struct rect header, table, detail, full, msg, bar;
};

struct ui {
	struct store		*st;
	struct store_view	*v;
	const struct ui_options	*opt;
	struct list_header	 hdr;
	struct catalog		 cat;
	struct table		 table;
	struct detail		 detail;
	struct layout		 lay;
	enum ui_mode		 mode;
	bool			 focus_detail;
	struct screen		 scr;		/* its loop, with the help */
	struct msgline		 msg;
	char			*search;	/* last search text */
	enum view_dir		 search_dir;
	bool			 quit;
	struct reminder_view	 reminder;
	int			 reminder_scroll;
	struct logview		 log;
	struct edit		*edit;		/* forms, undo, findings */
	struct review_badges	 badges;	/* rows returned for rework */
};

/* The function-key bar: only keys that do something. */
static const struct fkey_label fkeys[] = {
	{ 1, "Помощь" },
	{ 3, "Просмотр" },
	{ 4, "Правка" },
	{ 5, "Замечания" },
	{ 6, "Проверка" },
	{ 7, "Поиск" },
	{ 8, "Исключ." },
	{ 9, "Печать" },
	{ 10, "Выход" },
};

#define NFKEYS (sizeof fkeys / sizeof fkeys[0])

static void ui_message(struct ui *u, bool error, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/* Say something on the message line until the next key. */
static void
ui_message(struct ui *u, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msgline_vsay(&u->msg, error, fmt, ap);
	va_end(ap);
}

/* A store error shows on the message line; the editor goes on. */
static void
ui_failed(struct ui *u, const struct error *err)
{
	ui_message(u, true, "%s", err->msg);
}

/* Where everything goes at LINES x COLS: the detail pane under the table,
 * or beside it on a wide terminal. */
static void
ui_layout(struct layout *l)
{
	int body = LINES - 3, dh, tw;

	memset(l, 0, sizeof *l);
	l->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	l->header = (struct rect){ 0, 0, 1, COLS };
	l->msg = (struct rect){ LINES - 2, 0, 1, COLS };
	l->bar = (struct rect){ LINES - 1, 0, 1, COLS };
	l->full = (struct rect){ 1, 0, body, COLS };
	l->side = COLS >= SIDE_BY_SIDE_COLS;
	if (l->side) {
		tw = COLS * 3 / 5;
		l->table = (struct rect){ 1, 0, body, tw };
		l->detail = (struct rect){ 1, tw + 1, body, COLS - tw - 1 };
	} else {
		dh = DETAIL_SHARE(body);
		if (dh < DETAIL_MIN_LINES)
			dh = DETAIL_MIN_LINES;
		l->table = (struct rect){ 1, 0, body - dh, COLS };
		l->detail = (struct rect){ 1 + body - dh, 0, dh, COLS };
	}
}

/* Keep the detail pane on the current row (loads only on a change). */
static void
ui_load_detail(struct ui *u)
{
	struct error err;

	if (detail_load(&u->detail, u->v, table_current(&u->table), &err) != 0)
		ui_failed(u, &err);
}

/*
 * The table under which the detail pane stands takes the rows it needs
 * when the whole list fits above the pane's least height (a page one row
 * taller than that room is read to tell); else the pane keeps its share.
 */
static void
ui_fit_table(struct ui *u)
{
	struct layout *l = &u->lay;
	int body = LINES - 3, room = body - DETAIL_MIN_LINES, dh;
	struct error err;

	if (l->too_small || l->side)
		return;
	if (u->table.height != room &&
	    table_resize(&u->table, room, &err) != 0) {
		ui_failed(u, &err);
		return;
	}
	/* An empty table keeps its room for saying how to fill it. */
	l->fits = u->table.n > 0 && u->table.n < (size_t)room;
	if (u->table.n == 0) {
		l->table.h = room;
	} else if (l->fits) {
		l->table.h = (int)u->table.n + 1;
	} else {
		dh = DETAIL_SHARE(body) < DETAIL_MIN_LINES ? DETAIL_MIN_LINES :
		    DETAIL_SHARE(body);
		l->table.h = body - dh;
		if (table_resize(&u->table, l->table.h - 1, &err) != 0)
			ui_failed(u, &err);
	}
	l->detail = (struct rect){ 1 + l->table.h, 0, body - l->table.h,
	    COLS };
}

/* Under a table that fits, the pane is no taller than what it shows
 * (the rest of the screen stays blank below it). */
static void
ui_fit_detail(struct ui *u)
{
	struct layout *l = &u->lay;
	int rest = LINES - 3 - l->table.h, need;

	if (l->too_small || l->side || !l->fits)
		return;
	need = detail_height(&u->detail, &u->cat, l->detail.w - 1) + 1;
	if (need < DETAIL_MIN_LINES)
		need = DETAIL_MIN_LINES;
	l->detail.h = need < rest ? need : rest;
}

/* Recompute the layout from LINES and COLS and refill the table. */
static void
ui_resize(struct ui *u)
{
	struct error err;

	ui_layout(&u->lay);
	if (u->lay.too_small)
		return;
	if (table_resize(&u->table, u->lay.table.h - 1, &err) != 0)
		ui_failed(u, &err);
	ui_fit_table(u);
	ui_load_detail(u);
}

/* Organisation and title on the left; revision, reminder and state on
 * the right. */
static void
ui_draw_header(struct ui *u)
{
	reminder_view_refresh(&u->reminder, u->st, false);
	reminder_view_draw_header(&u->reminder, &u->hdr, &u->lay.header,
	    u->opt->readonly);
}

/* Where the cursor is, when no message waits. */
static void
ui_status_text(struct ui *u, char *out, size_t size)
{
	const struct view_row *r = table_current(&u->table);

	if (r == NULL)
		snprintf(out, size, "Перечень пуст");
	else if (r->type == VIEW_ROW_PROCESS)
		snprintf(out, size, "Процесс %lld из %lld",
		    (long long)r->proc_number, (long long)u->table.nprocs);
	else
		snprintf(out, size, "Процесс %lld из %lld, точка %lld",
		    (long long)r->proc_number, (long long)u->table.nprocs,
		    (long long)r->tp_number);
}

/* The message, or where the cursor is and a hint of the keys. */
static void
ui_draw_message(struct ui *u)
{
	const struct rect *r = &u->lay.msg;
	const char *hint = u->mode == MODE_TABLE && !u->scr.pane.on ?
	    "Tab — сведения  / — поиск  F1 — справка" : "Esc — назад";
	char status[128];
	int hw = utf8_width(hint);

	draw_fill(r->y, r->x, r->w, A_NORMAL);
	if (u->msg.text[0] != '\0') {
		draw_text(r->y, r->x, r->w, u->msg.text,
		    u->msg.error ? A_BOLD : A_NORMAL);
		return;
	}
	ui_status_text(u, status, sizeof status);
	if (list_header_missing(&u->hdr) != 0) {
		/* R0: no annex is approved without it, so it is said, in place
		 * of the keys' hint, until it is filled. */
		hint = "Заголовок перечня не заполнен (п. 5.1): E — заполнить";
		hw = utf8_width(hint);
		draw_text_right(r->y, r->x, r->w, hint, A_BOLD);
		draw_text(r->y, r->x, r->w - hw - 2, status, A_NORMAL);
		return;
	}
	draw_text(r->y, r->x, r->w - hw - 2, status, A_NORMAL);
	if (r->w - hw - 2 > utf8_width(status))
		draw_text_right(r->y, r->x, r->w, hint, A_DIM);
}

/* Below the minimum size: say so, and how to leave. */
static void
ui_draw_too_small(void)
{
	char need[128];
	int y = LINES / 2 - 1;

	snprintf(need, sizeof need, "нужно не меньше %d×%d, сейчас %d×%d",
	    UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
	draw_text(y < 0 ? 0 : y, 0, COLS, "Окно терминала слишком мало", A_BOLD);
	draw_text(y + 1, 0, COLS, need, A_NORMAL);
	draw_text(y + 2, 0, COLS, "Увеличьте окно или нажмите q для выхода",
	    A_NORMAL);
}

/* The detail pane with a title naming what it shows. */
static void
ui_draw_detail(struct ui *u)
{
	const struct view_row *r = table_current(&u->table);
	const char *title = r == NULL ? "Сведения" :
	    r->type == VIEW_ROW_PROCESS ? "Процесс" : "Точка взаимодействия";
	char *t = xasprintf("%s%s", title, u->focus_detail ?
	    " — прокрутка ↑↓, Tab — к таблице" : "");

	/* A UTF-8 line like the table's, not ACS: the same on every TERM. */
	for (int i = 0; u->lay.side && i < u->lay.detail.h; i++)
		draw_text(u->lay.detail.y + i, u->lay.detail.x - 1, 1, "│",
		    A_NORMAL);
	detail_draw(&u->detail, &u->cat, &u->lay.detail, t, u->focus_detail);
	free(t);
}

/*
 * Draw the whole screen into curses' buffer; refresh() then sends only what
 * changed (erase() clears the buffer, never the terminal).
 */
static void
ui_draw(struct ui *u)
{
	struct error err;

	erase();
	if (u->lay.too_small) {
		ui_draw_too_small();
		refresh();
		return;
	}
	ui_draw_header(u);
	/* A verdict or a change since: the marks and the pane follow. */
	if (review_badges_refresh(&u->badges, u->st))
		u->detail.width = -1;
	switch (u->scr.pane.on ? (enum ui_mode)-1 : u->mode) {
	case MODE_TABLE:
		if (table_counts_refresh(&u->table, &err) != 0)
			ui_failed(u, &err);
		ui_fit_detail(u);
		table_draw(&u->table, &u->lay.table, !u->focus_detail);
		ui_draw_detail(u);
		break;
	case MODE_RECORD:
		detail_draw(&u->detail, &u->cat, &u->lay.full,
		    "Запись точки взаимодействия (только просмотр) — "
		    "Esc или q — назад", true);
		break;
	case MODE_REMINDER:
		reminder_view_draw(&u->reminder, &u->lay.full,
		    u->reminder_scroll);
		break;
	case MODE_LOG:
		logview_draw(&u->log, &u->lay.full);
		break;
	default:
		help_pane_draw(&u->scr.pane, &u->lay.full);
		break;
	}
	ui_draw_message(u);
	draw_fkeys(u->lay.bar.y, u->lay.bar.w, fkeys, NFKEYS);
	refresh();
}

/* The prompt's redraw after a resize. */
static void
ui_redraw_cb(void *ctx)
{
	struct ui *u = ctx;

	ui_resize(u);
	ui_draw(u);
}

/* Search from the current row and go to the match, saying why not. */
static void
ui_search_run(struct ui *u, enum view_dir dir)
{
	const struct view_row *r = table_current(&u->table);
	struct view_key found;
	struct error err;
	bool wrapped;
	int rc;

	if (u->search == NULL) {
		ui_message(u, false, "Образец поиска не задан: нажмите / или ?");
		return;
	}
	rc = store_view_search(u->v, r != NULL ? &r->key : NULL, u->search,
	    dir, &found, &wrapped, &err);
	if (rc < 0) {
		ui_failed(u, &err);
		return;
	}
	if (rc == 0) {
		ui_message(u, true, "Не найдено: %s", u->search);
		return;
	}
	if (table_goto(&u->table, &found, &err) != 0) {
		ui_failed(u, &err);
		return;
	}
	if (wrapped)
		ui_message(u, false, "Поиск продолжен с %s перечня: %s",
		    dir == VIEW_FORWARD ? "начала" : "конца", u->search);
}

/* / and ?: read the text (empty repeats the last one), then search. */
static void
ui_search_prompt(struct ui *u, enum view_dir dir)
{
	char *text = NULL;

	msgline_clear(&u->msg);
	ui_draw(u);
	switch (prompt_read(dir == VIEW_FORWARD ? "Поиск: " : "Поиск назад: ",
	    u->lay.msg.y, ui_redraw_cb, u, &text)) {
	case PROMPT_QUIT:
		u->quit = true;
		return;
	case PROMPT_CANCEL:
		return;
	case PROMPT_OK:
		break;
	}
	if (text[0] != '\0') {
		free(u->search);
		u->search = text;
	} else {
		free(text);
	}
	u->search_dir = dir;
	ui_search_run(u, dir);
}

/* Enter on a touchpoint: its record, full screen, read-only. */
static void
ui_open_record(struct ui *u)
{
	const struct view_row *r = table_current(&u->table);

	if (r == NULL || r->type != VIEW_ROW_TOUCHPOINT) {
		ui_message(u, false, "Запись открывается на строке точки "
		    "взаимодействия");
		return;
	}
	u->mode = MODE_RECORD;
	u->detail.scroll = 0;
}

/* Arrows and the like, as a direction: the same keys scroll every view. */
enum motion {
	MOVE_NONE, MOVE_DOWN, MOVE_UP, MOVE_PGDN, MOVE_PGUP, MOVE_HOME, MOVE_END
};

/* The motion a key means, by arrows or by letters. */
static enum motion
ui_key_motion(bool fkey, wint_t k)
{
	if (fkey) {
		switch (k) {
		case KEY_DOWN: return MOVE_DOWN;
		case KEY_UP: return MOVE_UP;
		case KEY_NPAGE: return MOVE_PGDN;
		case KEY_PPAGE: return MOVE_PGUP;
		case KEY_HOME: return MOVE_HOME;
		case KEY_END: return MOVE_END;
		}
		return MOVE_NONE;
	}
	switch (k) {
	case 'j': case CTRL('n'): return MOVE_DOWN;
	case 'k': case CTRL('p'): return MOVE_UP;
	case CTRL('f'): return MOVE_PGDN;
	case CTRL('b'): return MOVE_PGUP;
	case 'g': return MOVE_HOME;
	case 'G': return MOVE_END;
	}
	return MOVE_NONE;
}

/* Scroll a text of total lines shown height at a time. */
static int
ui_scroll_by(enum motion m, int scroll, int total, int height)
{
	int max = total - height < 0 ? 0 : total - height;

	switch (m) {
	case MOVE_DOWN: scroll++; break;
	case MOVE_UP: scroll--; break;
	case MOVE_PGDN: scroll += height - 1; break;
	case MOVE_PGUP: scroll -= height - 1; break;
	case MOVE_HOME: scroll = 0; break;
	case MOVE_END: scroll = max; break;
	case MOVE_NONE: break;
	}
	return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

/* Move the table's cursor. */
static void
ui_table_motion(struct ui *u, enum motion m)
{
	struct error err;
	int rc = 0;

	switch (m) {
	case MOVE_DOWN: rc = table_move(&u->table, 1, &err); break;
	case MOVE_UP: rc = table_move(&u->table, -1, &err); break;
	case MOVE_PGDN: rc = table_page(&u->table, 1, &err); break;
	case MOVE_PGUP: rc = table_page(&u->table, -1, &err); break;
	case MOVE_HOME: rc = table_home(&u->table, &err); break;
	case MOVE_END: rc = table_end(&u->table, &err); break;
	case MOVE_NONE: break;
	}
	if (rc != 0)
		ui_failed(u, &err);
}

/* ← / h: from a touchpoint up to its process; on a process, fold it. */
static int
ui_table_left(struct ui *u, struct error *err)
{
	const struct view_row *r = table_current(&u->table);
	struct view_key pkey;

	if (r == NULL)
		return 0;
	if (r->type == VIEW_ROW_TOUCHPOINT) {
		pkey = store_view_key_process(&r->key);
		return table_goto(&u->table, &pkey, err);
	}
	return table_fold(&u->table, 1, err);
}

/* → / l: unfold a folded process, else step to its first touchpoint. */
static int
ui_table_right(struct ui *u, struct error *err)
{
	const struct view_row *r = table_current(&u->table);

	if (r == NULL || r->type != VIEW_ROW_PROCESS)
		return 0;
	if (r->folded)
		return table_fold(&u->table, 0, err);
	if (r->ntps > 0)
		return table_move(&u->table, 1, err);
	return 0;
}

/* Keys of the table (and its detail pane); false if k is not one. */
static bool
ui_table_key(struct ui *u, bool fkey, wint_t k)
{
	const struct view_row *r = table_current(&u->table);
	enum motion m = ui_key_motion(fkey, k);
	struct error err;
	int rc = 0;

	if (m != MOVE_NONE) {
		if (u->focus_detail)
			u->detail.scroll = ui_scroll_by(m, u->detail.scroll,
			    (int)u->detail.nlines, u->lay.detail.h - 1);
		else
			ui_table_motion(u, m);
		return true;
	}
	if ((!fkey && k == '\t') || (fkey && k == KEY_BTAB)) {
		u->focus_detail = !u->focus_detail;
		return true;
	}
	if (!fkey && k == KEY_ESC && u->focus_detail) {
		u->focus_detail = false;
		return true;
	}
	if ((fkey && k == KEY_LEFT) || (!fkey && k == 'h'))
		rc = ui_table_left(u, &err);
	else if ((fkey && k == KEY_RIGHT) || (!fkey && k == 'l'))
		rc = ui_table_right(u, &err);
	else if (!fkey && k == ' ')
		rc = table_fold(&u->table, -1, &err);
	else if ((!fkey && (k == '\r' || k == '\n')) || (fkey && k == KEY_ENTER)) {
		if (r != NULL && r->type == VIEW_ROW_PROCESS)
			rc = table_fold(&u->table, -1, &err);
		else
			ui_open_record(u);
	} else if (fkey && k == KEY_F(3))
		ui_open_record(u);
	else if (!fkey && (k == '-' || k == 'z'))
		rc = table_fold_all(&u->table, true, &err);
	else if (!fkey && (k == '+' || k == '=' || k == 'Z'))
		rc = table_fold_all(&u->table, false, &err);
	else
		return false;
	if (rc != 0)
		ui_failed(u, &err);
	return true;
}

/* Keys of the full-screen record and help views. */
static void
ui_overlay_key(struct ui *u, bool fkey, wint_t k)
{
	enum motion m = ui_key_motion(fkey, k);

	if (!fkey && k == ' ')
		m = MOVE_PGDN;
	if (m != MOVE_NONE) {
		if (u->mode == MODE_REMINDER)
			u->reminder_scroll = ui_scroll_by(m, u->reminder_scroll,
			    reminder_view_lines(&u->reminder, u->lay.full.w),
			    u->lay.full.h - 1);
		else
			u->detail.scroll = ui_scroll_by(m, u->detail.scroll,
			    (int)u->detail.nlines, u->lay.full.h - 1);
		return;
	}
	if ((!fkey && (k == KEY_ESC || k == 'q' || k == 'Q' || k == '\r' ||
	    k == '\n')) || (fkey && (k == KEY_F(3) || k == KEY_LEFT ||
	    k == KEY_ENTER))) {
		u->mode = MODE_TABLE;
		u->detail.scroll = 0;
	}
}

/* L: the change log, newest first, with the filters it had. */
static void
ui_log_open(struct ui *u)
{
	struct error err;

	u->mode = MODE_LOG;
	if (logview_home(&u->log, &err) != 0)
		ui_failed(u, &err);
}

/* A: the approval dialog; the header follows what it did. */
static void
ui_approve(struct ui *u)
{
	struct dialog_env env = { u->st, u->opt->actions, ui_redraw_cb, u };

	if (u->opt->readonly) {
		ui_message(u, true, "Перечень открыт только для чтения: "
		    "утвердить его нельзя");
		return;
	}
	if (approve_dialog(&env, &u->reminder, u->msg.text,
	    sizeof u->msg.text) ==
	    DIALOG_QUIT)
		u->quit = true;
	u->msg.error = false;
}

/* w on the reminder's screen: record the publication; the reminder
 * follows what it did. */
static void
ui_publish(struct ui *u)
{
	struct dialog_env env = { u->st, u->opt->actions, ui_redraw_cb, u };
	enum dialog_result res;

	if (u->opt->readonly) {
		ui_message(u, true, "Перечень открыт только для чтения: "
		    "отметить размещение нельзя");
		return;
	}
	res = publish_dialog(&env, u->msg.text, sizeof u->msg.text);
	if (res == DIALOG_QUIT)
		u->quit = true;
	reminder_view_refresh(&u->reminder, u->st, true);
	u->reminder_scroll = 0;
	u->msg.error = false;
}

/* p, F9: the print dialog; the message line says where the file went. */
static void
ui_print(struct ui *u)
{
	struct dialog_env env = { u->st, u->opt->actions, ui_redraw_cb, u };
	bool failed;

	if (print_dialog(&env, u->msg.text, sizeof u->msg.text, &failed) ==
	    DIALOG_QUIT)
		u->quit = true;
	u->msg.error = failed;
}

/* o on the reminder's screen: the draft of the amending order, as the
 * print dialog prints or saves; the message line says where. */
static void
ui_print_order(struct ui *u)
{
	struct dialog_env env = { u->st, u->opt->actions, ui_redraw_cb, u };
	bool failed;

	if (print_order_dialog(&env, u->msg.text, sizeof u->msg.text,
	    &failed) == DIALOG_QUIT)
		u->quit = true;
	u->msg.error = failed;
}

/* V, F6: the review mode; the table shows where it stopped. */
static void
ui_review(struct ui *u)
{
	if (review_mode(u->edit, &u->msg) == DIALOG_QUIT)
		u->quit = true;
	u->mode = MODE_TABLE;
	ui_resize(u);
}

/* The keys of the reminder, the change log, approval and printing: in
 * the table and on the reminder's and the log's screens (where the
 * screen's own key takes the clerk back). */
static bool
ui_history_key(struct ui *u, bool fkey, wint_t k)
{
	if (u->mode != MODE_TABLE && u->mode != MODE_REMINDER &&
	    u->mode != MODE_LOG)
		return false;
	if (!fkey && k == 'R') {
		u->mode = u->mode == MODE_REMINDER ? MODE_TABLE :
		    MODE_REMINDER;
		u->reminder_scroll = 0;
	} else if (!fkey && k == 'L') {
		if (u->mode == MODE_LOG)
			u->mode = MODE_TABLE;
		else
			ui_log_open(u);
	} else if (!fkey && k == 'A')
		ui_approve(u);
	else if (!fkey && k == 'w' && u->mode == MODE_REMINDER)
		ui_publish(u);
	else if (!fkey && k == 'o' && u->mode == MODE_REMINDER)
		ui_print_order(u);
	else if ((!fkey && k == 'V') || (fkey && k == KEY_F(6)))
		ui_review(u);
	else if ((!fkey && k == 'p') || (fkey && k == KEY_F(9)))
		ui_print(u);
	else
		return false;
	return true;
}

/* Keys of the change log's screen: motions here, the filters there. */
static void
ui_log_key(struct ui *u, bool fkey, wint_t k)
{
	struct logview_io io = { ui_redraw_cb, u, u->msg.text,
	    sizeof u->msg.text };
	int page = u->lay.full.h - 3, rc = 0;
	struct error err;

	switch (ui_key_motion(fkey, k)) {
	case MOVE_DOWN: rc = logview_scroll(&u->log, 1, &err); break;
	case MOVE_UP: rc = logview_scroll(&u->log, -1, &err); break;
	case MOVE_PGDN: rc = logview_scroll(&u->log, page, &err); break;
	case MOVE_PGUP: rc = logview_scroll(&u->log, -page, &err); break;
	case MOVE_HOME: rc = logview_home(&u->log, &err); break;
	case MOVE_END: rc = logview_end(&u->log, &err); break;
	case MOVE_NONE:
		switch (logview_key(&u->log, fkey, k, &io)) {
		case LOGVIEW_LEAVE:
			u->mode = MODE_TABLE;
			break;
		case LOGVIEW_QUIT:
			u->quit = true;
			break;
		case LOGVIEW_USED:
		case LOGVIEW_IGNORED:
			break;
		}
		u->msg.error = u->msg.text[0] != '\0';
		return;
	}
	if (rc != 0)
		ui_failed(u, &err);
}

/* Keys that mean the same everywhere; false if k is not one. */
static bool
ui_global_key(struct ui *u, bool fkey, wint_t k)
{
	if (fkey && k == KEY_F(10)) {
		u->quit = true;
		return true;
	}
	if (u->lay.too_small) {
		if (!fkey && (k == 'q' || k == 'Q'))
			u->quit = true;
		return true;
	}
	if (ui_history_key(u, fkey, k))
		return true;
	if (u->mode != MODE_TABLE)
		return false;
	if (!fkey && (k == 'q' || k == 'Q')) {
		u->quit = true;
	} else if ((!fkey && k == '/') || (fkey && k == KEY_F(7))) {
		ui_search_prompt(u, VIEW_FORWARD);
	} else if (!fkey && k == '?') {
		ui_search_prompt(u, VIEW_BACKWARD);
	} else if (!fkey && k == 'n') {
		ui_search_run(u, u->search_dir);
	} else if (!fkey && k == 'N') {
		ui_search_run(u, u->search_dir == VIEW_FORWARD ?
		    VIEW_BACKWARD : VIEW_FORWARD);
	} else {
		return false;
	}
	return true;
}

/* One key: global meaning first, then that of the current view. */
static void
ui_key(struct ui *u, bool fkey, wint_t k)
{
	if (ui_global_key(u, fkey, k))
		goto done;
	/* The record's key bar offers 4Правка: its form, as from the table
	 * (whose cursor is on the record). */
	if (u->mode == MODE_RECORD && ((!fkey && k == 'e') ||
	    (fkey && k == KEY_F(4)))) {
		u->mode = MODE_TABLE;
		u->detail.scroll = 0;
	}
	if (u->mode == MODE_TABLE && edit_key(u->edit, fkey, k, &u->msg,
	    &u->quit))
		goto done;
	if (u->mode == MODE_TABLE)
		ui_table_key(u, fkey, k);
	else if (u->mode == MODE_LOG)
		ui_log_key(u, fkey, k);
	else
		ui_overlay_key(u, fkey, k);
done:
	/* Only a change of the rows (a fold, an edit) or of the size may
	 * make the list fit or stop fitting; a motion cannot. */
	if (u->mode == MODE_TABLE && ui_key_motion(fkey, k) == MOVE_NONE)
		ui_fit_table(u);
	if (u->mode == MODE_TABLE)
		ui_load_detail(u);
}

/* Read what the screen shows besides the rows: header and catalogues. */
static int
ui_open(struct ui *u, struct store *st, const struct ui_options *opt,
    struct error *err)
{
	memset(u, 0, sizeof *u);
	u->st = st;
	u->opt = opt;
	u->search_dir = VIEW_FORWARD;
	list_header_init(&u->hdr);
	catalog_init(&u->cat);
	detail_init(&u->detail);
	reminder_view_init(&u->reminder, opt->share_dir);
	logview_init(&u->log, st);
	review_badges_init(&u->badges);
	if (store_get_header(st, &u->hdr, err) != 0 ||
	    store_read_catalog(st, &u->cat, err) != 0 ||
	    store_view_new(st, &u->v, err) != 0)
		return -1;
	table_init(&u->table, u->v);
	u->table.st = st;
	u->table.badges = &u->badges;
	u->detail.more = review_badges_detail;
	u->detail.more_ctx = &u->badges;
	u->edit = edit_new(st, &u->cat, &u->hdr, &u->table, &u->detail, opt,
	    ui_redraw_cb, u);
	return 0;
}

/* Free what ui_open made (safe after a partial ui_open). */
static void
ui_close(struct ui *u)
{
	if (u->v != NULL)
		table_fini(&u->table);
	detail_fini(&u->detail);
	reminder_view_fini(&u->reminder);
	logview_fini(&u->log);
	review_badges_fini(&u->badges);
	edit_free(u->edit);
	store_view_free(u->v);
	catalog_fini(&u->cat);
	list_header_fini(&u->hdr);
	free(u->search);
}

static void
ui_draw_cb(void *ctx)
{
	ui_draw(ctx);
}

/* The terminal changed size: the only full repaint. */
static void
ui_resize_cb(void *ctx)
{
	ui_resize(ctx);
}

/* A key (the loop gives the command: no screen reached from here reads
 * text but through its prompt). */
static enum screen_step
ui_screen_key(void *ctx, struct key *key)
{
	struct ui *u = ctx;

	ui_key(u, key->fkey, key->cmd);
	return u->quit ? SCREEN_QUIT : SCREEN_STAY;
}

/* Keys until the clerk quits; returns the signal that ended it, or 0. */
static int
ui_loop(struct ui *u)
{
	int sig;

	u->scr = (struct screen){ .draw = ui_draw_cb, .key = ui_screen_key,
	    .ctx = u, .resize = ui_resize_cb, .help = "", .help_h = true,
	    .msg = &u->msg };
	screen_run(&u->scr);
	sig = term_signal();
	/* Not the clerk's quitting: a signal, or the terminal gone. */
	return u->quit || sig != 0 ? sig : SIGHUP;
}
int
ui_run(struct store *st, const struct ui_options *opt, struct error *err)
{
	static bool registered;
	struct ui u;
	int rc = 0;

	if (ui_open(&u, st, opt, err) != 0) {
		ui_close(&u);
		return -1;
	}
	if (!registered) {
		atexit(ui_end);
		registered = true;
	}
	if (term_init(err) != 0) {
		ui_close(&u);
		return -1;
	}
	if (opt->notice != NULL)
		ui_message(&u, true, "%s", opt->notice);
	ui_resize(&u);
	ui_draw(&u);
	if (!opt->exit_after_first_frame)
		rc = ui_loop(&u);
	term_end();
	ui_close(&u);
	return rc;
}

void
ui_end(void)
{
	term_end();
}
