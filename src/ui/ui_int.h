/*
 * ui_int.h - what the editor's own files share: the terminal, drawing
 * helpers, the fold set, the table, the detail pane, the help text and the
 * prompt.  Not for use outside src/ui/.
 */
#ifndef PERECHEN_UI_INT_H
#define PERECHEN_UI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "catalog.h"
#include "error.h"
#include "model.h"
#include "store_view.h"
#include "strvec.h"

/* Below this the editor shows only a "terminal too small" screen. */
#define UI_MIN_COLS 60
#define UI_MIN_LINES 16

/* A rectangle of the screen. */
struct rect {
	int	y, x, h, w;
};

/* term.c - taking and giving back the terminal, signals, reading keys. */

/* What term_read_key found. */
enum term_input {
	TERM_KEY,		/* *wc holds a character */
	TERM_FKEY,		/* *wc holds a KEY_* code */
	TERM_SIGNAL,		/* a quitting signal arrived */
	TERM_HANGUP		/* the terminal is gone */
};

int	term_init(struct error *err);
void	term_end(void);
bool	term_active(void);
/* Wait for a key, a signal or a hangup. */
enum term_input term_read_key(wint_t *wc);
/* The quitting signal that arrived (0 if none). */
int	term_signal(void);
/* Attributes that carry meaning with or without colour. */
attr_t	term_attr_bar(void);
attr_t	term_attr_barkey(void);
attr_t	term_attr_title(void);
/* What is overdue: red where there is colour, else bold out of reverse. */
attr_t	term_attr_alert(void);

/* draw.c - every string reaches the screen through utf8_fit here. */

/* Put s at (y, x) in at most width columns, sanitised and cut with "…";
 * pad with spaces to width.  Returns the columns s took. */
int	draw_text(int y, int x, int width, const char *s, attr_t attr);
/* The same, right-aligned in the width, without padding. */
int	draw_text_right(int y, int x, int width, const char *s, attr_t attr);
void	draw_fill(int y, int x, int width, attr_t attr);
/* A frame around r with title in its top edge, its inside cleared. */
void	draw_box(const struct rect *r, const char *title);
/* "точка", "точки", "точек" for n. */
const char *draw_plural(int64_t n, const char *one, const char *few,
	    const char *many);

/* fold.c - which processes are folded: all (or none) but the listed ones. */

struct fold {
	bool	 all;
	int64_t	*ids;		/* sorted; the exceptions to all */
	size_t	 n, cap;
};

void	fold_init(struct fold *f);
void	fold_fini(struct fold *f);
bool	fold_is(void *f, int64_t proc_id);
void	fold_set(struct fold *f, int64_t proc_id, bool folded);
void	fold_set_all(struct fold *f, bool folded);

/* table.c - the page of rows on screen and the cursor in it. */

struct table {
	struct store_view *v;
	struct fold	 fold;
	struct view_row	*rows;		/* the rows on screen */
	size_t		 n;
	size_t		 cur;		/* the cursor's index in rows */
	int		 height;	/* rows the screen has room for */
	int64_t		 nprocs;
};

void	table_init(struct table *t, struct store_view *v);
void	table_fini(struct table *t);
/* Size the page to height rows keeping the cursor's row; also loads. */
int	table_resize(struct table *t, int height, struct error *err);
/* The row under the cursor, or NULL for an empty list. */
const struct view_row *table_current(const struct table *t);
int	table_move(struct table *t, int delta, struct error *err);
int	table_page(struct table *t, int dir, struct error *err);
int	table_home(struct table *t, struct error *err);
int	table_end(struct table *t, struct error *err);
/* Put the cursor on the row at key, unfolding its process. */
int	table_goto(struct table *t, const struct view_key *key,
	    struct error *err);
/* Fold (1), unfold (0) or toggle (-1) the current row's process. */
int	table_fold(struct table *t, int how, struct error *err);
int	table_fold_all(struct table *t, bool folded, struct error *err);
void	table_draw(const struct table *t, const struct rect *r, bool focused);

/* detail.c - one touchpoint (or process) with every field, wrapped. */

struct detail_line {
	char	*label;		/* bold, "" on continuation lines */
	char	*text;		/* already wrapped to the width */
	attr_t	 attr;
};

struct detail {
	struct view_key	 key;		/* what is loaded */
	bool		 loaded;
	bool		 is_process;
	struct touchpoint tp;
	char		*proc_name;
	int64_t		 proc_number, ntps, tp_number;
	struct detail_line *lines;
	size_t		 nlines, cap;
	int		 width;		/* lines are wrapped to this */
	int		 scroll;
};

void	detail_init(struct detail *d);
void	detail_fini(struct detail *d);
/* Show row (NULL: nothing); loads a touchpoint from v when it changes. */
int	detail_load(struct detail *d, struct store_view *v,
	    const struct view_row *row, struct error *err);
void	detail_scroll(struct detail *d, int delta, int height);
void	detail_draw(struct detail *d, const struct catalog *cat,
	    const struct rect *r, const char *title, bool focused);

/* help.c - the list of every key. */

/* Screen lines the help takes at width columns. */
int	help_lines(int width);
void	help_draw(const struct rect *r, int scroll);

/* prompt.c - one line of input on the message line. */

/* Redraw everything (after a resize during the prompt). */
typedef void prompt_redraw_fn(void *ctx);

enum prompt_result {
	PROMPT_OK,		/* *out holds the text (caller frees) */
	PROMPT_CANCEL,
	PROMPT_QUIT		/* a signal or a hangup: leave the editor */
};

enum prompt_result prompt_read(const char *label, int y, prompt_redraw_fn *redraw,
	    void *ctx, char **out);
/* Apply an editing key (a character, Backspace, Ctrl-U, Ctrl-W) to text,
 * keeping it under max bytes; false if wc is not one. */
bool	prompt_edit_key(struct buf *text, wint_t wc, size_t max);

#endif
