/* lineedit.c - the focused text field of a form: its keys and drawing. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void
lineedit_init(struct lineedit *le, const char *text)
{
	textedit_init(&le->te, text);
	le->scroll = 0;
}

void
lineedit_fini(struct lineedit *le)
{
	textedit_fini(&le->te);
}

/* A character a clerk may type into a field. */
static bool
lineedit_printable(wint_t wc)
{
	return wc >= 0x20 && wc != 0x7F && (wc < 0x80 || wc >= 0xA0);
}

/* Moves and deletions by curses' key codes. */
static enum lineedit_result
lineedit_fkey(struct lineedit *le, const struct key *key)
{
	struct textedit *te = &le->te;

	switch (key->x) {
	case XKEY_CTRL_LEFT:
		return textedit_word_left(te) ? LINEEDIT_MOVED :
		    LINEEDIT_IGNORED;
	case XKEY_CTRL_RIGHT:
		return textedit_word_right(te) ? LINEEDIT_MOVED :
		    LINEEDIT_IGNORED;
	default:
		break;
	}
	switch (key->k) {
	case KEY_LEFT:
		textedit_left(te);
		return LINEEDIT_MOVED;
	case KEY_RIGHT:
		textedit_right(te);
		return LINEEDIT_MOVED;
	case KEY_HOME:
		textedit_home(te);
		return LINEEDIT_MOVED;
	case KEY_END:
		textedit_end(te);
		return LINEEDIT_MOVED;
	case KEY_BACKSPACE:
		if (key->alt)
			return textedit_delete_word(te) ? LINEEDIT_CHANGED :
			    LINEEDIT_MOVED;
		return textedit_backspace(te) ? LINEEDIT_CHANGED :
		    LINEEDIT_MOVED;
	case KEY_DC:
		return textedit_delete(te) ? LINEEDIT_CHANGED : LINEEDIT_MOVED;
	case KEY_IC:
		te->overwrite = !te->overwrite;
		return LINEEDIT_MOVED;
	}
	return LINEEDIT_IGNORED;
}

/* Alt-b, Alt-f, Alt-Backspace: by words, as in readline. */
static enum lineedit_result
lineedit_alt(struct lineedit *le, wint_t k)
{
	struct textedit *te = &le->te;

	switch (k) {
	case 'b':
		textedit_word_left(te);
		return LINEEDIT_MOVED;
	case 'f':
		textedit_word_right(te);
		return LINEEDIT_MOVED;
	case 127:
	case CTRL('h'):
		return textedit_delete_word(te) ? LINEEDIT_CHANGED :
		    LINEEDIT_MOVED;
	}
	return LINEEDIT_IGNORED;
}

enum lineedit_result
lineedit_key(struct lineedit *le, const struct key *key)
{
	struct textedit *te = &le->te;
	char enc[4];

	if (key->fkey)
		return lineedit_fkey(le, key);
	if (key->alt)
		return lineedit_alt(le, key->k);
	switch (key->k) {
	case 127:
	case CTRL('h'):
		return textedit_backspace(te) ? LINEEDIT_CHANGED :
		    LINEEDIT_MOVED;
	case CTRL('d'):
		return textedit_delete(te) ? LINEEDIT_CHANGED : LINEEDIT_MOVED;
	case CTRL('w'):
		return textedit_delete_word(te) ? LINEEDIT_CHANGED :
		    LINEEDIT_MOVED;
	case CTRL('u'):
		return textedit_kill_start(te) ? LINEEDIT_CHANGED :
		    LINEEDIT_MOVED;
	case CTRL('k'):
		return textedit_kill_end(te) ? LINEEDIT_CHANGED :
		    LINEEDIT_MOVED;
	case CTRL('a'):
		textedit_home(te);
		return LINEEDIT_MOVED;
	case CTRL('e'):
		textedit_end(te);
		return LINEEDIT_MOVED;
	}
	if (!lineedit_printable(key->k))
		return LINEEDIT_IGNORED;
	return textedit_insert(te, enc, utf8_encode((uint32_t)key->k, enc)) ?
	    LINEEDIT_CHANGED : LINEEDIT_MOVED;
}

/* Rows of text wrapped for a field width columns wide: one column is kept
 * for the cursor after the last character of a full row. */
static size_t
lineedit_rows(const char *text, int width, size_t **starts)
{
	return textedit_rows(text, width > 1 ? width - 1 : 1, starts);
}

int
lineedit_height(const char *text, int width)
{
	size_t *starts, n = lineedit_rows(text, width, &starts);

	free(starts);
	return (int)n;
}

bool
lineedit_vertical(struct lineedit *le, int width, int dir)
{
	struct textedit *te = &le->te;
	size_t *starts, n, row, end;
	int col;
	bool moved = false;

	n = lineedit_rows(te->text.data, width, &starts);
	textedit_cursor_at(te, starts, n, &row, &col);
	if ((dir < 0 && row > 0) || (dir > 0 && row + 1 < n)) {
		row = dir < 0 ? row - 1 : row + 1;
		end = row + 1 < n ? starts[row + 1] : te->text.len;
		te->cur = textedit_offset_at(te->text.data, starts[row], end,
		    col);
		/* The cursor at a row's start belongs to the next row. */
		if (row + 1 < n && te->cur == end && end > starts[row])
			te->cur = textedit_prev(te->text.data, end);
		moved = true;
	}
	free(starts);
	return moved;
}

void
lineedit_draw_wrapped(const char *text, const struct lineedit *le, int y,
    int x, int width, int first, int nrows, attr_t attr, int *cy, int *cx)
{
	size_t *starts, n, len = strlen(text), crow = 0;
	int ccol = 0;

	n = lineedit_rows(text, width, &starts);
	if (le != NULL)
		textedit_cursor_at(&le->te, starts, n, &crow, &ccol);
	for (int i = 0; i < nrows; i++) {
		size_t r = (size_t)(first + i), end;
		char *row;

		if (first + i < 0 || r >= n) {
			draw_fill(y + i, x, width, attr);
			continue;
		}
		end = r + 1 < n ? starts[r + 1] : len;
		row = xstrndup(text + starts[r], end - starts[r]);
		draw_text(y + i, x, width, row, attr);
		free(row);
		if (le != NULL && r == crow) {
			*cy = y + i;
			*cx = x + (ccol < width ? ccol : width - 1);
		}
	}
	free(starts);
}

void
lineedit_draw_line(struct lineedit *le, int y, int x, int width, attr_t attr,
    int *cx)
{
	const char *s = le->te.text.data;
	size_t len = le->te.text.len, from, to;
	int col = textedit_width(s, 0, le->te.cur), pad, total;
	char *shown;

	if (width < 1)
		width = 1;
	/* Scroll just enough to keep the cursor in the field. */
	if (col < le->scroll)
		le->scroll = col;
	if (col > le->scroll + width - 1)
		le->scroll = col - width + 1;
	/* No blank tail while text is hidden on the left (after deleting). */
	total = textedit_width(s, 0, len);
	if (le->scroll > 0 && total - le->scroll < width - 1)
		le->scroll = total - width + 1 > 0 ? total - width + 1 : 0;
	from = textedit_offset_at(s, 0, len, le->scroll);
	pad = le->scroll - textedit_width(s, 0, from);
	if (pad > 0) {
		/* A wide character straddles the edge: start after it. */
		from = textedit_next(s, len, from);
		pad = textedit_width(s, 0, from) - le->scroll;
	}
	to = textedit_offset_at(s, from, len, width - pad);
	shown = xstrndup(s + from, to - from);
	draw_fill(y, x, width, attr);
	draw_text(y, x + pad, width - pad, shown, attr);
	free(shown);
	*cx = x + col - le->scroll;
}
