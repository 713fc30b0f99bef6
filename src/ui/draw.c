/* draw.c - putting text on the screen, always through the sanitiser. */
#include "ui_int.h"

#include <stdio.h>
#include <wchar.h>

#include "buf.h"
#include "utf8.h"

/*
 * Bold and dim do not show on a blank: blanks drawn without them are the
 * same on screen, and curses then neither switches attributes for them
 * nor rewrites blanks that only differ so (fewer bytes per key).
 */
static attr_t
draw_blank_attr(attr_t attr)
{
	return attr & ~(attr_t)(A_BOLD | A_DIM);
}

void
draw_fill(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attrset(draw_blank_attr(attr));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

/* Draw at most width columns of s at (y, x); returns the columns used. */
static int
draw_fitted(int y, int x, int width, const char *s, attr_t attr)
{
	struct buf b;
	int used;

	buf_init(&b);
	used = utf8_fit(s, width, &b);
	attrset(attr);
	mvaddstr(y, x, b.data);
	attrset(A_NORMAL);
	buf_fini(&b);
	return used;
}

int
draw_text(int y, int x, int width, const char *s, attr_t attr)
{
	int used;

	if (width <= 0)
		return 0;
	used = draw_fitted(y, x, width, s, attr);
	draw_fill(y, x + used, width - used, attr);
	return used;
}

int
draw_text_right(int y, int x, int width, const char *s, attr_t attr)
{
	int w;

	if (width <= 0)
		return 0;
	w = utf8_width(s);
	if (w >= width)
		return draw_fitted(y, x, width, s, attr);
	return draw_fitted(y, x + width - w, w, s, attr);
}

/*
 * Blank whole every wide character of row y that column x0 or x1 would
 * cut.  curses leaves the other half of a wide character a narrow one
 * is written over in place: the frame's neighbour would blank the frame
 * (left edge), or the terminal would keep half a glyph beside it (right
 * edge).  Two blanks over both halves leave curses and the terminal
 * agreeing.  Cells are walked from the row's start, since both halves
 * of a wide character read alike.
 */
static void
draw_unsplit(int y, int x0, int x1)
{
	for (int x = 0; x < COLS; x++) {
		wchar_t wc[CCHARW_MAX + 1] = { 0 };
		attr_t attr;
		short pair;
		cchar_t cell;

		if (mvin_wch(y, x, &cell) == ERR ||
		    getcchar(&cell, wc, &attr, &pair, NULL) == ERR ||
		    wcwidth(wc[0]) != 2)
			continue;
		if (x == x0 || x + 1 == x0 || x == x1 || x + 1 == x1)
			mvaddstr(y, x, "  ");
		x++;
	}
}

void
draw_box(const struct rect *r, const char *title)
{
	int inner = r->w - 2;

	if (r->w < 4 || r->h < 2)
		return;
	for (int y = r->y; y < r->y + r->h; y++)
		draw_unsplit(y, r->x, r->x + r->w - 1);
	/* UTF-8 lines, not ACS: the same on every TERM, as the pane's. */
	draw_text(r->y, r->x, 1, "┌", A_NORMAL);
	for (int i = 0; i < inner; i++) {
		draw_text(r->y, r->x + 1 + i, 1, "─", A_NORMAL);
		draw_text(r->y + r->h - 1, r->x + 1 + i, 1, "─", A_NORMAL);
	}
	draw_text(r->y, r->x + r->w - 1, 1, "┐", A_NORMAL);
	for (int y = r->y + 1; y < r->y + r->h - 1; y++) {
		draw_text(y, r->x, 1, "│", A_NORMAL);
		draw_fill(y, r->x + 1, inner, A_NORMAL);
		draw_text(y, r->x + r->w - 1, 1, "│", A_NORMAL);
	}
	draw_text(r->y + r->h - 1, r->x, 1, "└", A_NORMAL);
	draw_text(r->y + r->h - 1, r->x + r->w - 1, 1, "┘", A_NORMAL);
	if (title != NULL && title[0] != '\0' && inner > 4) {
		int tw = utf8_width(title);

		if (tw > inner - 2)
			tw = inner - 2;
		draw_text(r->y, r->x + 1 + (inner - tw - 2) / 2, tw + 2, "",
		    A_BOLD);
		draw_text(r->y, r->x + 2 + (inner - tw - 2) / 2, tw, title,
		    A_BOLD);
	}
}

const char *
draw_plural(int64_t n, const char *one, const char *few, const char *many)
{
	int64_t d = n % 10, h = n % 100;

	if (d == 1 && h != 11)
		return one;
	if (d >= 2 && d <= 4 && (h < 12 || h > 14))
		return few;
	return many;
}

/* Columns a key takes whole: number, label and the gap after it. */
static int
draw_fkey_need(const struct fkey_label *key)
{
	char num[8];

	snprintf(num, sizeof num, "%d", key->n);
	return utf8_width(num) + utf8_width(key->label) + 1;
}

void
draw_fkeys(int y, int width, const struct fkey_label *keys, size_t n)
{
	int total = 0, extra = 0, x = 0;
	bool fit;

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++)
		total += draw_fkey_need(&keys[i]);
	fit = total <= width;
	if (fit)
		extra = (width - total) / (int)n;
	for (size_t i = 0; i < n; i++) {
		char num[8];
		int w = fit ? draw_fkey_need(&keys[i]) + extra : width / (int)n;
		int nw;

		if (i + 1 == n)
			w = width - x;
		snprintf(num, sizeof num, "%d", keys[i].n);
		nw = draw_text(y, x, w, num, term_attr_barkey());
		draw_text(y, x + nw, w - nw - 1, keys[i].label, term_attr_bar());
		draw_fill(y, x + w - 1, 1, A_NORMAL);
		x += w;
	}
}
