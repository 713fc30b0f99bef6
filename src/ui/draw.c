/* draw.c - putting text on the screen, always through the sanitiser. */
#include "ui_int.h"

#include "buf.h"
#include "utf8.h"

void
draw_fill(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attrset(attr);
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
