/* prompt.c - one line of input (the search text) on the message line. */
#include "screen.h"

#include <string.h>

#include "buf.h"
#include "utf8.h"


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

/* A prompt as the loop repaints and feeds it. */
struct prompt_screen {
	const char *label;
	int	 y;
	prompt_redraw_fn *redraw;
	void	*ctx;
	struct buf text;
	enum prompt_result res;
	bool	 done;
};

static void
prompt_screen_draw(void *ctx)
{
	struct prompt_screen *p = ctx;

	prompt_draw(p->label, p->y, &p->text);
	refresh();
}

/* The terminal changed size: the screen under the prompt, which moves
 * to the new message line. */
static void
prompt_screen_resize(void *ctx)
{
	struct prompt_screen *p = ctx;

	p->redraw(p->ctx);
	p->y = LINES - 2;
}

static enum screen_step
prompt_screen_key(void *ctx, struct key *key)
{
	struct prompt_screen *p = ctx;
	wint_t wc = key->k;

	if (key->fkey) {
		if (wc == KEY_BACKSPACE)
			prompt_drop_char(&p->text);
		else if (wc == KEY_ENTER) {
			p->res = PROMPT_OK;
			p->done = true;
		}
	} else if (wc == '\r' || wc == '\n') {
		p->res = PROMPT_OK;
		p->done = true;
	} else {
		prompt_edit_key(&p->text, wc, 512);
	}
	return p->done ? SCREEN_DONE : SCREEN_STAY;
}

enum prompt_result
prompt_read(const char *label, int y, prompt_redraw_fn *redraw, void *ctx,
    char **out)
{
	struct prompt_screen p = { label, y, redraw, ctx, { 0 }, PROMPT_CANCEL,
	    false };
	struct screen s = { .draw = prompt_screen_draw,
	    .key = prompt_screen_key, .ctx = &p,
	    .resize = prompt_screen_resize, .leave_esc = true };

	buf_init(&p.text);
	curs_set(1);
	if (screen_run(&s) == SCREEN_QUIT)
		p.res = PROMPT_QUIT;
	curs_set(0);
	if (p.res == PROMPT_OK)
		*out = buf_detach(&p.text);
	else
		buf_fini(&p.text);
	return p.res;
}
