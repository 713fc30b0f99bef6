/*
 * widgets.c - what several screens draw (screen.h): wrapped lines, the
 * message line, the key bar, the too-small notice, questions, notices
 * and menus in a box.  The menus and questions read their keys through
 * the one screen loop.
 */
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The widest the menus and notices are. */
#define WIDGET_BOX_W 72

/* Append one line as it is. */
static void
wrapped_push(struct wrapped *ls, const char *text, attr_t attr, int indent,
    size_t tag)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 32;
		ls->text = xreallocarray(ls->text, ls->cap, sizeof *ls->text);
		ls->attr = xreallocarray(ls->attr, ls->cap, sizeof *ls->attr);
		ls->indent = xreallocarray(ls->indent, ls->cap,
		    sizeof *ls->indent);
		ls->tag = xreallocarray(ls->tag, ls->cap, sizeof *ls->tag);
	}
	ls->text[ls->n] = xstrdup(text);
	ls->attr[ls->n] = attr;
	ls->indent[ls->n] = indent;
	ls->tag[ls->n] = tag;
	ls->n++;
}

void
wrapped_add_tagged(struct wrapped *ls, const char *text, attr_t attr,
    int indent, int width, size_t tag)
{
	struct strvec w;

	if (width <= 0) {
		wrapped_push(ls, text, attr, indent, tag);
		return;
	}
	strvec_init(&w);
	utf8_wrap(text, width - indent > 10 ? width - indent : 10, &w);
	for (size_t i = 0; i < w.n; i++)
		wrapped_push(ls, w.v[i], attr, indent + (i > 0 && indent > 0 ?
		    2 : 0), tag);
	strvec_fini(&w);
}

void
wrapped_add(struct wrapped *ls, const char *text, attr_t attr, int indent,
    int width)
{
	wrapped_add_tagged(ls, text, attr, indent, width > 0 ? width : 1, 0);
}

void
wrapped_fini(struct wrapped *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->text[i]);
	free(ls->text);
	free(ls->attr);
	free(ls->indent);
	free(ls->tag);
	memset(ls, 0, sizeof *ls);
}

void
wrapped_draw(const struct wrapped *ls, int y, int x, int w, int height,
    int first)
{
	for (int i = 0; i < height; i++) {
		size_t li = (size_t)(first + i);

		draw_fill(y + i, x, w, A_NORMAL);
		if (li < ls->n)
			draw_text(y + i, x + ls->indent[li], w - ls->indent[li],
			    ls->text[li], ls->attr[li]);
	}
}

void
msgline_vsay(struct msgline *m, bool error, const char *fmt, va_list ap)
{
	vsnprintf(m->text, sizeof m->text, fmt, ap);
	m->error = error;
}

void
msgline_say(struct msgline *m, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msgline_vsay(m, error, fmt, ap);
	va_end(ap);
}

void
msgline_clear(struct msgline *m)
{
	m->text[0] = '\0';
	m->error = false;
}

bool
msgline_draw(const struct msgline *m, int y)
{
	if (m->text[0] == '\0')
		return false;
	draw_text(y, 0, COLS, m->text, m->error ? A_BOLD : A_NORMAL);
	return true;
}

void
widget_bar(const struct barkey *keys, size_t n)
{
	int x = 0, y = LINES - 1;

	draw_fill(y, 0, COLS, term_attr_bar());
	for (size_t i = 0; i < n; i++) {
		int need = utf8_width(keys[i].key) + utf8_width(keys[i].label) +
		    1;

		if (x + need > COLS)
			break;
		x += draw_text(y, x, COLS - x, keys[i].key, term_attr_barkey());
		x += draw_text(y, x, COLS - x, keys[i].label, term_attr_bar());
		if (x < COLS)
			x += draw_text(y, x, 1, " ", A_NORMAL);
	}
}

bool
widget_too_small(void)
{
	if (COLS >= UI_MIN_COLS && LINES >= UI_MIN_LINES)
		return false;
	erase();
	draw_text(0, 0, COLS, "Окно терминала слишком мало: нужно не меньше "
	    "60×16", A_BOLD);
	refresh();
	return true;
}

/* A question's screen: what lies under it, the question over it. */
struct widget_question {
	const char *text;
	prompt_redraw_fn *redraw;
	void	*ctx;
};

static void
widget_question_draw(void *ctx)
{
	struct widget_question *q = ctx;

	if (q->redraw != NULL)
		q->redraw(q->ctx);
	draw_text(LINES - 2, 0, COLS, q->text, A_BOLD);
	refresh();
}

bool
widget_ask(const char *question, prompt_redraw_fn *redraw, void *ctx,
    struct key *answer)
{
	struct widget_question q = { question, redraw, ctx };
	struct screen s = { .draw = widget_question_draw, .ctx = &q };

	widget_question_draw(&q);
	return screen_read(&s, answer);
}

bool
widget_confirm(const char *question, prompt_redraw_fn *redraw, void *ctx,
    bool *quit)
{
	struct key key;

	if (!widget_ask(question, redraw, ctx, &key)) {
		*quit = true;
		return false;
	}
	return !key.fkey && (key.k == L'д' || key.k == L'Д' ||
	    key.k == 'y' || key.k == 'Y' || key.k == '\r' || key.k == '\n');
}

/* A box centred over the screen, w wide at most, h lines high at most. */
static struct rect
widget_box(int h)
{
	int w = COLS - 4 < WIDGET_BOX_W ? COLS - 4 : WIDGET_BOX_W;

	if (h > LINES - 2)
		h = LINES - 2;
	return (struct rect){ (LINES - h) / 2, (COLS - w) / 2, h, w };
}

/* A notice's screen. */
struct widget_notice {
	const char *title, *text;
	prompt_redraw_fn *redraw;
	void	*ctx;
};

static void
widget_notice_draw(void *ctx)
{
	struct widget_notice *n = ctx;
	struct wrapped ls = { 0 };
	struct rect r;

	if (n->redraw != NULL)
		n->redraw(n->ctx);
	if (widget_too_small())
		return;
	r = widget_box(0);
	wrapped_add(&ls, n->text, A_BOLD, 0, r.w - 4);
	r = widget_box((int)ls.n + 4);
	draw_box(&r, n->title);
	wrapped_draw(&ls, r.y + 1, r.x + 2, r.w - 4, r.h - 3, 0);
	draw_text(r.y + r.h - 2, r.x + 2, r.w - 4, "Enter или Esc — закрыть",
	    A_DIM);
	wrapped_fini(&ls);
	curs_set(0);
	refresh();
}

bool
widget_notice(const char *title, const char *text, prompt_redraw_fn *redraw,
    void *ctx)
{
	struct widget_notice n = { title, text, redraw, ctx };
	struct screen s = { .draw = widget_notice_draw, .ctx = &n };
	struct key key;

	widget_notice_draw(&n);
	return screen_read(&s, &key);
}

void
menu_init(struct menu *m, const char *title)
{
	memset(m, 0, sizeof *m);
	m->title = title;
	strvec_init(&m->items);
}

void
menu_add(struct menu *m, const char *text, bool off)
{
	char *s = m->items.n < 9 ? xasprintf("%zu  %s", m->items.n + 1, text) :
	    xasprintf("   %s", text);

	strvec_push(&m->items, s);
	free(s);
	m->off = xreallocarray(m->off, m->items.n, sizeof *m->off);
	m->off[m->items.n - 1] = off;
}

void
menu_fini(struct menu *m)
{
	strvec_fini(&m->items);
	free(m->off);
	memset(m, 0, sizeof *m);
}

/* The rows of items the box has room for, the box in *r. */
static int
menu_layout(struct menu *m, const struct wrapped *note, struct rect *r)
{
	int extra = note->n > 0 ? (int)note->n + 1 : 0, rows;

	*r = widget_box((int)m->items.n + 4 + extra);
	rows = r->h - 4 - extra;
	if (rows < 1)
		rows = 1;
	if (m->cur < m->top)
		m->top = m->cur;
	if (m->cur >= m->top + (size_t)rows)
		m->top = m->cur - (size_t)rows + 1;
	return rows;
}

void
menu_draw(struct menu *m)
{
	struct wrapped note = { 0 };
	struct rect r;
	int rows;

	if (widget_too_small())
		return;
	r = widget_box(0);
	if (m->note[0] != '\0')
		wrapped_add(&note, m->note, A_BOLD, 0, r.w - 4);
	rows = menu_layout(m, &note, &r);
	draw_box(&r, m->title);
	for (int i = 0; i < rows && m->top + (size_t)i < m->items.n; i++) {
		size_t k = m->top + (size_t)i;
		attr_t a = k == m->cur ? A_REVERSE : m->off[k] ? A_DIM :
		    A_NORMAL;

		draw_text(r.y + 1 + i, r.x + 1, r.w - 2, "", a);
		draw_text(r.y + 1 + i, r.x + 2, r.w - 4, m->items.v[k], a);
	}
	for (size_t i = 0; i < note.n && r.y + 2 + rows + (int)i < r.y + r.h -
	    2; i++)
		draw_text(r.y + 2 + rows + (int)i, r.x + 2, r.w - 4,
		    note.text[i], A_BOLD);
	draw_text(r.y + r.h - 2, r.x + 2, r.w - 4, "Enter — выбрать  ↑↓ — "
	    "пункт  Esc — отмена", A_DIM);
	wrapped_fini(&note);
	curs_set(0);
	refresh();
}

/* Step the cursor by dir over the items that may be chosen. */
static void
menu_step(struct menu *m, int dir)
{
	size_t i = m->cur;

	while ((dir < 0 && i > 0) || (dir > 0 && i + 1 < m->items.n)) {
		i = dir < 0 ? i - 1 : i + 1;
		if (!m->off[i]) {
			m->cur = i;
			return;
		}
	}
}

/* A menu's screen: what lies under it, then the box. */
struct menu_screen {
	struct menu *m;
	prompt_redraw_fn *redraw;
	void	*ctx;
	int	 chosen;
};

static void
menu_screen_draw(void *ctx)
{
	struct menu_screen *ms = ctx;

	ms->redraw(ms->ctx);
	menu_draw(ms->m);
}

static enum screen_step
menu_screen_key(void *ctx, struct key *key)
{
	struct menu_screen *ms = ctx;
	struct menu *m = ms->m;
	wint_t k = key->cmd;

	if (key->fkey) {
		if (k == KEY_UP || k == KEY_DOWN)
			menu_step(m, k == KEY_UP ? -1 : 1);
		else if (k == KEY_ENTER || k == KEY_RIGHT)
			ms->chosen = (int)m->cur;
		else if (k == KEY_LEFT)
			ms->chosen = -1;
		return ms->chosen == -3 ? SCREEN_STAY : SCREEN_DONE;
	}
	if (k == 'k' || k == 'j')
		menu_step(m, k == 'k' ? -1 : 1);
	else if (k == '\r' || k == '\n')
		ms->chosen = (int)m->cur;
	else if (k >= '1' && k <= '9' && (size_t)(k - '1') < m->items.n &&
	    !m->off[k - '1'])
		ms->chosen = (int)(k - '1');
	return ms->chosen == -3 ? SCREEN_STAY : SCREEN_DONE;
}

int
menu_run(struct menu *m, prompt_redraw_fn *redraw, void *ctx)
{
	struct menu_screen ms = { m, redraw, ctx, -3 };
	struct screen s = { .draw = menu_screen_draw, .key = menu_screen_key,
	    .ctx = &ms, .leave_esc = true, .leave_q = true };

	if (m->off[m->cur])
		menu_step(m, 1);
	if (screen_run(&s) == SCREEN_QUIT)
		return -2;
	/* Left by the loop's Esc, F10 or q. */
	return ms.chosen == -3 ? -1 : ms.chosen;
}
