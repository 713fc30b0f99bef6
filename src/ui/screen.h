/*
 * screen.h - the one key loop every screen of the editor runs, and the
 * widgets the screens draw with (widgets.c): wrapped lines, the message
 * line, the key bar, menus, notices and yes/no questions.  Not for use
 * outside src/ui/.
 *
 * A screen is a struct of callbacks over its own state: draw the whole
 * screen, take a key.  The loop reads the key and does what every screen
 * does the same way, so that a key added here works on every screen: a
 * signal or hangup ends the screen; a resize or Ctrl-L repaints; Esc (or
 * Alt) and a digit is that F-key; Esc and F10 leave a screen that asks
 * for it (q too, where nothing is typed); a letter of the Russian layout comes
 * as the Latin command at its place (key->cmd; key->k stays as typed,
 * for text); drawing waits while typed-ahead keys are pending; and the
 * screen's help (F1) is opened, scrolled and closed here.
 */
#ifndef PERECHEN_SCREEN_H
#define PERECHEN_SCREEN_H

#include <stdarg.h>

#include "form.h"

/* What a screen's key handler decided. */
enum screen_step {
	SCREEN_STAY,		/* read the next key */
	SCREEN_DONE,		/* the screen is finished */
	SCREEN_QUIT		/* leave the editor (a signal, a hangup) */
};

/* The help over a screen: open, and scrolled by so many lines. */
struct help_pane {
	bool	 on;
	int	 scroll;
};

struct screen {
	/* Paint the whole screen and refresh it. */
	void	(*draw)(void *ctx);
	/* A key the loop did not take. */
	enum screen_step (*key)(void *ctx, struct key *key);
	void	*ctx;
	/* Called when the terminal changed size or on Ctrl-L, before the
	 * repaint (NULL: nothing to lay out or read again). */
	void	(*resize)(void *ctx);
	/* The section of the help F1 opens ("": its top; NULL: F1 goes to
	 * key). */
	const char *help;
	/* H opens the help too (where H is not a command of its own). */
	bool	 help_h;
	/* Esc, Ctrl-G, Ctrl-C and F10 end the screen (SCREEN_DONE) before
	 * the handler sees them; with leave_q, q and Q too (where no text
	 * is typed). */
	bool	 leave_esc, leave_q;
	/* The help while it is open; draw shows it (help_pane_draw). */
	struct help_pane pane;
	/* The screen's message line, cleared by every key but a repaint
	 * (NULL: none, or the screen clears its own). */
	struct msgline *msg;
	/* The last key was Esc alone: a digit now is an F-key. */
	bool	 esc;
};

/*
 * Read one key for s (s->draw repaints on a resize or Ctrl-L, which are
 * not returned, nor the help's keys): key->cmd is the command the key
 * stands for (the Latin letter at a Russian one's place, an F-key for
 * Esc and a digit), key->k what was typed.  False on a signal or a
 * hangup.
 */
bool	screen_read(struct screen *s, struct key *key);
/* Whether key leaves s by the loop's leaving keys (leave_esc, leave_q):
 * screen_run ends s on it; a caller of screen_read asks. */
bool	screen_leaves(const struct screen *s, const struct key *key);
/* Draw, read, hand the key over, until the handler says done or quit
 * (or a signal or hangup comes: SCREEN_QUIT). */
enum screen_step screen_run(struct screen *s);

/* Open s's help at its section (a key of the screen's own asks). */
void	screen_help_open(struct screen *s);
/* The help in r, at the pane's line. */
void	help_pane_draw(const struct help_pane *p, const struct rect *r);

/* widgets.c - what several screens draw. */

/* Lines of text wrapped to a width, each with its attribute and indent. */
struct wrapped {
	char	**text;
	attr_t	*attr;
	int	*indent;
	size_t	*tag;		/* what each line shows, the caller's */
	size_t	 n, cap;
};

/* Append text wrapped in width columns, indent columns in (continuation
 * lines of an indented item stand two further in, under its text). */
void	wrapped_add(struct wrapped *w, const char *text, attr_t attr,
	    int indent, int width);
/* The same, each line tagged (a heading: width 0, one line, cut when
 * drawn). */
void	wrapped_add_tagged(struct wrapped *w, const char *text, attr_t attr,
	    int indent, int width, size_t tag);
void	wrapped_fini(struct wrapped *w);
/* Draw height lines from first on at (y, x), w columns, each line's
 * rest cleared. */
void	wrapped_draw(const struct wrapped *ls, int y, int x, int w,
	    int height, int first);

/* The message line (struct msgline, form.h). */
void	msgline_say(struct msgline *m, bool error, const char *fmt, ...)
	    PRINTF_LIKE(3, 4);
void	msgline_vsay(struct msgline *m, bool error, const char *fmt,
	    va_list ap);
void	msgline_clear(struct msgline *m);
/* Draw it on row y across the screen; false if it is empty (nothing
 * drawn). */
bool	msgline_draw(const struct msgline *m, int y);

/* A key and what it does, on the bottom bar. */
struct barkey {
	const char *key;
	const char *label;
};

/* The bottom bar: as many keys as fit, in the bar's colours. */
void	widget_bar(const struct barkey *keys, size_t n);
/* Below UI_MIN_COLS x UI_MIN_LINES: say so on an empty screen, true. */
bool	widget_too_small(void);
/* A question on the message line over what redraw paints: the key that
 * answered in *answer; false on a signal or hangup. */
bool	widget_ask(const char *question, prompt_redraw_fn *redraw, void *ctx,
	    struct key *answer);
/* The same, true for yes (д, y, Enter); *quit on a signal or hangup. */
bool	widget_confirm(const char *question, prompt_redraw_fn *redraw,
	    void *ctx, bool *quit);
/* text wrapped whole in a box titled title over what redraw paints,
 * until a key; false on a signal or hangup. */
bool	widget_notice(const char *title, const char *text,
	    prompt_redraw_fn *redraw, void *ctx);

/* A menu in a box: items numbered 1-9, the ones off dim and skipped. */
struct menu {
	const char *title;
	struct strvec items;
	bool	*off;		/* per item: not to be chosen */
	size_t	 cur;
	size_t	 top;		/* the first item shown */
	char	 note[ERROR_MSG_MAX + 128];	/* under the items, bold */
};

void	menu_init(struct menu *m, const char *title);
/* Add an item ("N  text"); off: shown, not to be chosen. */
void	menu_add(struct menu *m, const char *text, bool off);
void	menu_fini(struct menu *m);
/* Draw the menu in its box (over what is drawn). */
void	menu_draw(struct menu *m);
/* Run the menu over what redraw paints: the item chosen, -1 if left, -2
 * on a signal or hangup. */
int	menu_run(struct menu *m, prompt_redraw_fn *redraw, void *ctx);

#endif
