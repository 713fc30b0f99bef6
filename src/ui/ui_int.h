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
#include "change.h"
#include "error.h"
#include "model.h"
#include "reminder.h"
#include "store_review.h"
#include "store_view.h"
#include "strvec.h"
#include "ui.h"

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
/* A key of a function-key bar: its number and what it does. */
struct fkey_label {
	int	 n;
	const char *label;
};

/* " 1Помощь  2Сохранить …" as in Midnight Commander, on row y: each key
 * as wide as it needs and the rest shared out; where they do not all
 * fit, equal slots with the labels cut. */
void	draw_fkeys(int y, int width, const struct fkey_label *keys, size_t n);
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

/* marks.c - rows of the page changed since the approved revision, each
 * asked about once per move of the change log. */
struct table_marks {
	struct table_mark {
		int64_t	 id;
		bool	 process, changed;
	}		*v;
	size_t		 n, cap;
	int64_t		 rev;		/* the revision compared with; 0 none */
	bool		 read;
};

struct table {
	struct store_view *v;
	struct fold	 fold;
	struct view_row	*rows;		/* the rows on screen */
	size_t		 n;
	size_t		 cur;		/* the cursor's index in rows */
	int		 height;	/* rows the screen has room for */
	int64_t		 nprocs;
	/* Rows returned for rework, marked ↩ (NULL: none marked). */
	const struct review_badges *badges;
	/* The touchpoints in the list (not excluded) of the processes on
	 * the page, read again when the change log moves on. */
	struct store	*st;		/* NULL: the counts are not read */
	struct table_count {
		int64_t	 proc_id, active;
	}		*counts;
	size_t		 ncounts, capcounts;
	int64_t		 counts_log;	/* the newest log entry when read */
	struct table_marks marks;	/* marked * in the left margin */
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
/* Read the counts of the processes on the page that are not read yet
 * (all again if the change log moved on). */
int	table_counts_refresh(struct table *t, struct error *err);
void	table_draw(const struct table *t, const struct rect *r, bool focused);
/* Ask about the rows of the page not asked about yet (all again if the
 * log moved on); whether row was changed since the revision. */
int	table_marks_refresh(struct table *t, bool log_moved,
	    struct error *err);
bool	table_marked(const struct table *t, const struct view_row *row);
void	table_marks_fini(struct table_marks *m);

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
	char		*proc_reason;	/* why the process is excluded, or
					   NULL when it is not */
	int64_t		 proc_number, ntps, tp_number;
	struct detail_line *lines;
	size_t		 nlines, cap;
	int		 width;		/* lines are wrapped to this */
	int		 scroll;
	/* Called before (first) and after the fields of a touchpoint to
	 * add lines of its own (NULL: none): a review's marks. */
	void		(*more)(struct detail *d, bool first, void *ctx);
	void		*more_ctx;
};

void	detail_init(struct detail *d);
void	detail_fini(struct detail *d);
/* Show row (NULL: nothing); loads a touchpoint from v when it changes. */
int	detail_load(struct detail *d, struct store_view *v,
	    const struct view_row *row, struct error *err);
void	detail_scroll(struct detail *d, int delta, int height);
/* The lines d's content takes wrapped at width columns. */
int	detail_height(struct detail *d, const struct catalog *cat, int width);
/* Add a field (label, then value wrapped beside or under it, indent
 * columns in) while the lines are built: for the more hook. */
void	detail_add_indented(struct detail *d, const char *label,
	    const char *value, attr_t attr, int indent);
void	detail_draw(struct detail *d, const struct catalog *cat,
	    const struct rect *r, const char *title, bool focused);

/* help.c - the list of every key. */

/* Screen lines the help takes at width columns. */
int	help_lines(int width);
void	help_draw(const struct rect *r, int scroll);
/* The screen line at width of the section whose heading starts with
 * heading (0 if there is none): to open the help there. */
int	help_find(const char *heading, int width);

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

/* A modal dialog's way out. */
enum dialog_result {
	DIALOG_OK,		/* done: the message says what was done */
	DIALOG_CANCEL,		/* nothing done (the message may say why) */
	DIALOG_QUIT		/* a signal or a hangup: leave the editor */
};

/* What a dialog works with: the list, the program's callbacks, and how
 * to redraw the screen under it (after a resize). */
struct dialog_env {
	struct store	*st;
	const struct ui_actions *acts;	/* may be NULL */
	prompt_redraw_fn *redraw;
	void		*ctx;
};

/* fields.c - a dialog of labelled one-line fields in a box. */

struct fields {
	const char *title;		/* in the frame */
	const char *intro;		/* above the fields (two lines) */
	const char *const *labels;	/* one per field */
	struct buf *field;		/* the texts typed, one per field */
	int	 n, cur;		/* fields; the one typed in */
	const char *hint;		/* dim, under the fields */
	const char *keys;		/* dim, at the bottom */
	char	 note[ERROR_MSG_MAX + 64]; /* bold, "" none: why not */
	/* The two texts the last field switches between (Space, ← and →)
	 * instead of being typed; NULL: every field is typed. */
	const char *const *choice;
};

/* What a key did to the fields. */
enum fields_input {
	FIELDS_NONE,		/* nothing, or moved between fields */
	FIELDS_EDITED,		/* a field's text changed (note cleared),
				   or the choice switched */
	FIELDS_ENTER,
	FIELDS_CANCEL,
	FIELDS_QUIT		/* a signal or a hangup */
};

/* Draw the box, the cursor left in the current field. */
void	fields_draw(const struct fields *f);
/* Read one key and apply it (fields keep under max bytes). */
enum fields_input fields_key(struct fields *f, const struct dialog_env *env,
	    size_t max);

/* reminder.c - the reminder of п. 5.3-5.4: the header's state and a
 * screen of its own. */

struct reminder_view {
	const char	*share_dir;	/* NULL: no reminder */
	struct calendar	 cal;
	bool		 cal_loaded;
	bool		 known;		/* r and f hold today's reminder */
	struct reminder	 r;
	struct reminder_facts f;
	int64_t		 last_id;	/* the newest log entry at the time */
	char		 why[ERROR_MSG_MAX];	/* !known: why */
};

void	reminder_view_init(struct reminder_view *rv, const char *share_dir);
void	reminder_view_fini(struct reminder_view *rv);
/* Work the reminder out again if the change log has a new entry or the
 * day changed (always, with force); cheap otherwise: one id read. */
void	reminder_view_refresh(struct reminder_view *rv, struct store *st,
	    bool force);
/* The header line: the list's title, then revision, reminder and state;
 * what is overdue emphasised. */
void	reminder_view_draw_header(const struct reminder_view *rv,
	    const struct list_header *hdr, const struct rect *r,
	    bool readonly);
/* Screen lines of the reminder's screen at width columns. */
int	reminder_view_lines(const struct reminder_view *rv, int width);
void	reminder_view_draw(const struct reminder_view *rv,
	    const struct rect *r, int scroll);

/* logview.c - the change log, newest first, a page at a time. */

struct logview {
	struct store	*st;
	struct changes	 ch;		/* the window read, newest first */
	bool		 newer, older;	/* entries beyond the window */
	size_t		 top;		/* the entry at the top */
	int		 top_line;	/* its first line shown */
	int		 width, height;	/* of the entries, as last drawn */
	int		 trigger;	/* enum trigger, or -1: any */
	char		*login;		/* NULL: anyone */
	char		 since[DATE_BUFSZ], until[DATE_BUFSZ]; /* "" none */
	char		 since_utc[REMINDER_UTC_BUFSZ];
	char		 until_utc[REMINDER_UTC_BUFSZ];
};

/* How the log screen's prompts reach the screen and the message line. */
struct logview_io {
	prompt_redraw_fn *redraw;
	void		*ctx;
	char		*msg;		/* an error to show, if any */
	size_t		 msglen;
};

enum logview_result {
	LOGVIEW_USED,
	LOGVIEW_IGNORED,
	LOGVIEW_LEAVE,		/* back to the table */
	LOGVIEW_QUIT		/* a signal during a prompt */
};

void	logview_init(struct logview *lv, struct store *st);
void	logview_fini(struct logview *lv);
/* The newest entries (also after the log changed); the oldest. */
int	logview_home(struct logview *lv, struct error *err);
int	logview_end(struct logview *lv, struct error *err);
/* Scroll by lines (negative: towards the newer), reading pages by id. */
int	logview_scroll(struct logview *lv, int lines, struct error *err);
void	logview_draw(struct logview *lv, const struct rect *r);
/* The filter keys (t T u d c) and leaving (Esc q ←). */
enum logview_result logview_key(struct logview *lv, bool fkey, wint_t k,
	    const struct logview_io *io);

/* approve.c - the approval dialog (п. 5.1). */

/* Ask the order's number and date and approve; msg then says the
 * revision and the deadline for the website (п. 5.4). */
enum dialog_result approve_dialog(const struct dialog_env *env,
	    struct reminder_view *rv, char *msg, size_t msglen);

/* publish.c - recording the publication on the website (п. 5.2). */

/* Ask the date and the page's address and record them with the checks
 * of "perechen publish"; msg then says what was recorded. */
enum dialog_result publish_dialog(const struct dialog_env *env, char *msg,
	    size_t msglen);

/* print.c - the print dialog. */

/* Ask format, version, printer and copies, then print through the
 * program; msg says what was done and where the file is; *failed if it
 * went wrong (or a file was saved instead of printing). */
enum dialog_result print_dialog(const struct dialog_env *env, char *msg,
	    size_t msglen, bool *failed);
/* The same dialog for the draft of the amending order: its version is
 * the revision amended, the latest first. */
enum dialog_result print_order_dialog(const struct dialog_env *env,
	    char *msg, size_t msglen, bool *failed);

/* edit.c - the editing keys: forms, exclusion, moves, the header, undo
 * and redo, the findings screen (the rest of it in form.h). */

struct edit;

/* The editing of the list shown in t and d; redraw repaints the table's
 * screen under a prompt.  Every pointer must outlive it. */
struct edit *edit_new(struct store *st, struct catalog *cat,
	    struct list_header *hdr, struct table *t, struct detail *d,
	    const struct ui_options *opt, prompt_redraw_fn *redraw, void *ctx);
void	edit_free(struct edit *e);
/* An editing key of the table: false if k is not one.  What it did (or
 * why not) goes to msg; *quit is set if a signal or a hangup came. */
struct msgline;
bool	edit_key(struct edit *e, bool fkey, wint_t k, struct msgline *msg,
	    bool *quit);

/* review.c - review sessions in the editor (п. 2.2), and the marks of
 * touchpoints returned for rework. */

/* The touchpoints whose standing verdict is "returned", sorted by id;
 * read again only when the change log has a new entry. */
struct review_badges {
	struct review_marks m;
	int64_t	 last_id;	/* the newest log entry when read */
	bool	 read;
};

void	review_badges_init(struct review_badges *b);
void	review_badges_fini(struct review_badges *b);
/* Read the marks again if the change log moved on (else one id read);
 * true if they were read (what the detail pane shows may differ). */
bool	review_badges_refresh(struct review_badges *b, struct store *st);
/* The mark of touchpoint tp_id, or NULL (b may be NULL). */
const struct review_mark *review_badges_find(const struct review_badges *b,
	    int64_t tp_id);
/* The detail pane's hook (ctx: the badges): a returned touchpoint's
 * comment first. */
void	review_badges_detail(struct detail *d, bool first, void *ctx);

/* V, F6: choose a scope or resume the clerk's unfinished session, step
 * through it, a summary at the end.  What it came to (or why it was
 * refused) goes to msg; DIALOG_QUIT on a signal or hangup. */
enum dialog_result review_mode(struct edit *e, struct msgline *msg);

/* keys.c - the keys the forms read that not every terminfo entry names
 * (modified arrows, F2 … F8, bracketed paste): taught to curses. */
void	keys_setup(void);
/* The Latin command key at the place of wc on the Russian layout (wc
 * itself if it is none): applied where a key is read as a command, never
 * where it is text. */
wint_t	keys_latin(wint_t wc);
/* True if more input waits, read by the terminal or already by curses (a
 * paste, keys typed ahead): drawing can wait for it. */
bool	keys_pending(void);

#endif
