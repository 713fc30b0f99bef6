/*
 * screen.c - the one key loop of the editor's screens (screen.h): what
 * every screen does with a key the same way is done here once.
 */
#include "screen.h"

#include "utf8.h"

void
help_pane_draw(const struct help_pane *p, const struct rect *r)
{
	help_draw(r, p->scroll);
}

void
screen_help_open(struct screen *s)
{
	s->pane.on = true;
	/* "" is the help from its top. */
	s->pane.scroll = s->help != NULL && s->help[0] != '\0' ?
	    help_find(s->help, COLS) : 0;
}

/* A key over the open help: the motions scroll it, any other closes
 * it. */
static void
help_pane_key(struct help_pane *p, const struct key *key)
{
	int page = LINES - 4 > 1 ? LINES - 4 : 1, delta = 0;
	int max = help_lines(COLS) - page;
	wint_t k = key->cmd;

	if (key->fkey && (k == KEY_DOWN || k == KEY_UP))
		delta = k == KEY_DOWN ? 1 : -1;
	else if (key->fkey && (k == KEY_NPAGE || k == KEY_PPAGE))
		delta = k == KEY_NPAGE ? page - 1 : 1 - page;
	else if (key->fkey && (k == KEY_HOME || k == KEY_END))
		delta = k == KEY_HOME ? -p->scroll : max;
	else if (!key->fkey && (k == 'j' || k == 'k'))
		delta = k == 'j' ? 1 : -1;
	else if (!key->fkey && k == ' ')
		delta = page - 1;
	else {
		p->on = false;
		return;
	}
	p->scroll += delta;
	if (p->scroll > max)
		p->scroll = max;
	if (p->scroll < 0)
		p->scroll = 0;
}

/* The command a key stands for: an F-key for Esc (or Alt) and a digit,
 * the Latin letter at a Russian letter's place. */
static void
screen_command(struct key *key, bool esc_before)
{
	key->cmd = key->k;
	if (key->fkey)
		return;
	if ((key->alt || esc_before) && key->k >= '0' && key->k <= '9') {
		key->fkey = true;
		key->alt = false;
		key->k = key->cmd = KEYS_DIGIT_FKEY(key->k);
		return;
	}
	key->cmd = keys_latin(key->k);
}

/* Whether the loop itself takes the key: a repaint, the help. */
static bool
screen_own_key(struct screen *s, const struct key *key)
{
	/* A new size, or the clerk asks for a clean screen: laid out and
	 * read again, every cell sent. */
	if ((key->fkey && key->k == KEY_RESIZE) ||
	    (!key->fkey && !key->alt && key->k == CTRL('l'))) {
		if (s->resize != NULL)
			s->resize(s->ctx);
		clearok(curscr, TRUE);
		return true;
	}
	/* What the message said was about the key before. */
	if (s->msg != NULL)
		msgline_clear(s->msg);
	if (s->pane.on && key->fkey && key->k == KEY_F(10)) {
		/* F10 leaves the screen (or the editor) from its help too. */
		s->pane.on = false;
		return false;
	}
	if (s->pane.on) {
		help_pane_key(&s->pane, key);
		return true;
	}
	if (s->help != NULL && ((key->fkey && key->k == KEY_F(1)) ||
	    (s->help_h && !key->fkey && key->cmd == 'H'))) {
		screen_help_open(s);
		return true;
	}
	return false;
}

/* The most keys worked off between two frames. */
#define SCREEN_BURST_MAX 64

bool
screen_read(struct screen *s, struct key *key)
{
	for (;;) {
		switch (keys_read(key)) {
		case TERM_SIGNAL:
		case TERM_HANGUP:
			return false;
		case TERM_KEY:
		case TERM_FKEY:
			break;
		}
		screen_command(key, s->esc);
		s->esc = !key->fkey && !key->alt && key->k == KEY_ESC;
		if (!screen_own_key(s, key))
			return true;
		if (!keys_pending())
			s->draw(s->ctx);
	}
}

bool
screen_leaves(const struct screen *s, const struct key *key)
{
	if (key->fkey)
		return s->leave_esc && key->k == KEY_F(10);
	if (key->alt)
		return false;
	if (s->leave_esc && (key->k == KEY_ESC || key->k == CTRL('g') ||
	    key->k == CTRL('c')))
		return true;
	return s->leave_q && (key->cmd == 'q' || key->cmd == 'Q');
}

enum screen_step
screen_run(struct screen *s)
{
	enum screen_step step = SCREEN_STAY;
	struct key key;
	int unseen = 0;

	while (step == SCREEN_STAY) {
		/* Keys typed ahead (↓ held over a slow link) are all worked
		 * off before one frame shows where they led; a frame at least
		 * every SCREEN_BURST_MAX keys keeps a flood visible. */
		if (++unseen >= SCREEN_BURST_MAX || !keys_pending()) {
			unseen = 0;
			s->draw(s->ctx);
		}
		if (!screen_read(s, &key))
			return SCREEN_QUIT;
		step = screen_leaves(s, &key) ? SCREEN_DONE :
		    s->key(s->ctx, &key);
	}
	return step;
}
