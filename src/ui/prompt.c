/* prompt.c - one line of input (the search text) on the message line. */
#include "ui_int.h"

#include <string.h>

#include "buf.h"
#include "utf8.h"

#define CTRL(c) ((c) & 0x1f)

/* Drop the last character (not the last byte) of b. */
static void
prompt_drop_char(struct buf *b)
{
	while (b->len > 0) {
		unsigned char c = (unsigned char)b->data[--b->len];

		if ((c & 0xC0) != 0x80)
			break;
	}
	b->data[b->len] = '\0';
}

/* Drop the last word and the spaces after it. */
static void
prompt_drop_word(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	while (b->len > 0 && b->data[b->len - 1] != ' ')
		prompt_drop_char(b);
}

/* Draw label and the end of the text that fits; leave the cursor after. */
static void
prompt_draw(const char *label, int y, const struct buf *text)
{
	int lw, room, used;
	const char *shown = text->data;

	draw_fill(y, 0, COLS, A_NORMAL);
	lw = draw_text(y, 0, COLS, label, A_BOLD);
	room = COLS - lw - 1;
	/* A long text scrolls: its end, where the typing is, stays shown. */
	while (*shown != '\0' && utf8_width(shown) > room) {
		shown++;
		while ((*shown & 0xC0) == 0x80)
			shown++;
	}
	used = draw_text(y, lw, room, shown, A_NORMAL);
	move(y, lw + used);
}

bool
prompt_edit_key(struct buf *text, wint_t wc, size_t max)
{
	char enc[4];

	if (wc == 127 || wc == CTRL('h'))
		prompt_drop_char(text);
	else if (wc == CTRL('u'))
		buf_reset(text);
	else if (wc == CTRL('w'))
		prompt_drop_word(text);
	else if (wc >= 0x20 && (wc < 0x7f || wc >= 0xa0)) {
		if (text->len < max)
			buf_append(text, enc, utf8_encode((uint32_t)wc, enc));
	} else
		return false;
	return true;
}

enum prompt_result
prompt_read(const char *label, int y, prompt_redraw_fn *redraw, void *ctx,
    char **out)
{
	enum prompt_result res;
	struct buf text;
	wint_t wc;

	buf_init(&text);
	curs_set(1);
	for (;;) {
		prompt_draw(label, y, &text);
		refresh();
		switch (term_read_key(&wc)) {
		case TERM_SIGNAL:
		case TERM_HANGUP:
			res = PROMPT_QUIT;
			goto done;
		case TERM_FKEY:
			if (wc == KEY_RESIZE) {
				redraw(ctx);
				y = LINES - 2;
			} else if (wc == KEY_BACKSPACE) {
				prompt_drop_char(&text);
			} else if (wc == KEY_ENTER) {
				res = PROMPT_OK;
				goto done;
			}
			continue;
		case TERM_KEY:
			break;
		}
		if (wc == '\r' || wc == '\n') {
			res = PROMPT_OK;
			goto done;
		}
		if (wc == 27 || wc == CTRL('g') || wc == CTRL('c')) {
			res = PROMPT_CANCEL;
			goto done;
		}
		prompt_edit_key(&text, wc, 512);
	}
done:
	curs_set(0);
	if (res == PROMPT_OK)
		*out = buf_detach(&text);
	else
		buf_fini(&text);
	return res;
}
