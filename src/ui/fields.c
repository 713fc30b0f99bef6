/*
 * fields.c - a dialog of a few labelled one-line fields in a box over the
 * screen (the approval's order, the publication's date and address): its
 * drawing and its keys; what the fields mean is the caller's.
 */
#include "screen.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

#define FIELDS_W 66
#define FIELDS_H 15
#define FIELDS_LABEL_W 17

/* The dialog's frame, centred. */
static struct rect
fields_rect(void)
{
	int w = COLS - 4 < FIELDS_W ? COLS - 4 : FIELDS_W;
	int h = LINES - 2 < FIELDS_H ? LINES - 2 : FIELDS_H;

	return (struct rect){ (LINES - h) / 2, (COLS - w) / 2, h, w };
}

/* One field: its label, then its text (the end of it, if long) on a
 * reversed ground; returns the column after the text for the cursor. */
static int
fields_draw_one(const struct fields *f, const struct rect *r, int y, int i)
{
	int x = r->x + 2 + FIELDS_LABEL_W, w = r->w - 4 - FIELDS_LABEL_W;
	const char *shown = f->field[i].data;

	draw_text(y, r->x + 2, FIELDS_LABEL_W, f->labels[i],
	    i == f->cur ? A_BOLD : A_NORMAL);
	/* A long text scrolls: its end, where the typing is, stays shown. */
	while (*shown != '\0' && utf8_width(shown) > w - 1) {
		shown++;
		while ((*shown & 0xC0) == 0x80)
			shown++;
	}
	draw_fill(y, x, w, A_REVERSE);
	return x + draw_text(y, x, w, shown, A_REVERSE);
}

/* Text wrapped to the box's inside, at most max lines from y on. */
static int
fields_draw_wrapped(const struct rect *r, int y, const char *text, int max,
    attr_t attr)
{
	struct wrapped w = { 0 };
	int n;

	wrapped_add(&w, text, attr, 0, r->w - 4);
	n = (int)w.n < max ? (int)w.n : max;
	if (n > 0)
		wrapped_draw(&w, y, r->x + 2, r->w - 4, n, 0);
	wrapped_fini(&w);
	return n > 0 ? n : 0;
}
void
fields_draw(const struct fields *f)
{
	struct rect r = fields_rect();
	int cx = 0, cy = 0, y = r.y + 3;

	draw_box(&r, f->title);
	fields_draw_wrapped(&r, r.y + 1, f->intro, 2, A_NORMAL);
	for (int i = 0; i < f->n; i++, y++) {
		int x = fields_draw_one(f, &r, y, i);

		if (i == f->cur) {
			cx = x;
			cy = y;
		}
	}
	draw_text(y, r.x + 2 + FIELDS_LABEL_W, r.w - 4 - FIELDS_LABEL_W,
	    f->hint, A_DIM);
	fields_draw_wrapped(&r, y + 2, f->note, r.y + r.h - 2 - (y + 2),
	    A_BOLD);
	draw_text(r.y + r.h - 2, r.x + 2, r.w - 4, f->keys, A_DIM);
	move(cy, cx);
	refresh();
}

/* The dialog over its screen, as the loop repaints it. */
struct fields_screen {
	struct fields *f;
	const struct dialog_env *env;
};

static void
fields_screen_draw(void *ctx)
{
	fields_draw(((struct fields_screen *)ctx)->f);
}

static void
fields_screen_resize(void *ctx)
{
	const struct dialog_env *env = ((struct fields_screen *)ctx)->env;

	env->redraw(env->ctx);
}

/* Whether the field the cursor is in is the choice (fields.choice). */
static bool
fields_at_choice(const struct fields *f)
{
	return f->choice != NULL && f->cur == f->n - 1;
}

/* Switch the choice to its other text. */
static enum fields_input
fields_switch(struct fields *f)
{
	struct buf *b = &f->field[f->n - 1];
	bool first = b->data != NULL && strcmp(b->data, f->choice[0]) == 0;

	buf_reset(b);
	buf_puts(b, f->choice[first ? 1 : 0]);
	f->note[0] = '\0';
	return FIELDS_EDITED;
}

/* An F-key or arrow: moves between the fields, Backspace, Enter. */
static enum fields_input
fields_fkey(struct fields *f, wint_t wc, size_t max)
{
	if (wc == KEY_UP || wc == KEY_BTAB)
		f->cur = (f->cur + f->n - 1) % f->n;
	else if (wc == KEY_DOWN)
		f->cur = (f->cur + 1) % f->n;
	else if (fields_at_choice(f) && (wc == KEY_LEFT || wc == KEY_RIGHT))
		return fields_switch(f);
	else if (fields_at_choice(f))
		return wc == KEY_ENTER ? FIELDS_ENTER : FIELDS_NONE;
	else if (wc == KEY_BACKSPACE) {
		prompt_edit_key(&f->field[f->cur], 127, max);
		return FIELDS_EDITED;
	} else if (wc == KEY_ENTER)
		return FIELDS_ENTER;
	return FIELDS_NONE;
}

enum fields_input
fields_key(struct fields *f, const struct dialog_env *env, size_t max)
{
	struct fields_screen fs = { f, env };
	struct screen s = { .draw = fields_screen_draw,
	    .resize = fields_screen_resize, .ctx = &fs, .leave_esc = true };
	struct key key;
	wint_t wc;

	if (!screen_read(&s, &key))
		return FIELDS_QUIT;
	if (screen_leaves(&s, &key))
		return FIELDS_CANCEL;
	wc = key.k;
	if (key.fkey)
		return fields_fkey(f, wc, max);
	if (wc == '\t') {
		f->cur = (f->cur + 1) % f->n;
		return FIELDS_NONE;
	}
	if (wc == '\r' || wc == '\n')
		return FIELDS_ENTER;
	if (fields_at_choice(f))
		return wc == ' ' ? fields_switch(f) : FIELDS_NONE;
	/* What was said under the fields was about what was typed. */
	f->note[0] = '\0';
	prompt_edit_key(&f->field[f->cur], wc, max);
	return FIELDS_EDITED;
}
