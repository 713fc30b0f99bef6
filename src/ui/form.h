/*
 * form.h - what the editor's editing files share: the keys they read, the
 * line editor, the form engine and its three forms (touchpoint, process,
 * header), the findings screen, undo and redo, and struct edit, which ties
 * them to the table.  Not for use outside src/ui/.
 */
#ifndef PERECHEN_FORM_H
#define PERECHEN_FORM_H

#include "ui_int.h"

#include "record.h"
#include "store_edit.h"
#include "textedit.h"
#include "validate.h"

struct screen;

/* The message line: what the last key did, or why not (widgets.c). */
struct msgline {
	char	 text[ERROR_MSG_MAX + 256];
	bool	 error;		/* shown bold */
};

#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27

/* keys.c - reading keys, Alt (Esc first) and the extra ones. */

enum xkey {
	XKEY_NONE = 0,
	XKEY_ALT_UP,
	XKEY_ALT_DOWN,
	XKEY_CTRL_UP,
	XKEY_CTRL_DOWN,
	XKEY_CTRL_LEFT,
	XKEY_CTRL_RIGHT,
	XKEY_PASTE_BEGIN,
	XKEY_PASTE_END
};

struct key {
	bool	 fkey;		/* k is a KEY_* code, else a character */
	wint_t	 k;
	bool	 alt;		/* it came right after an Esc */
	enum xkey x;		/* what an fkey code means, if it is ours */
	wint_t	 cmd;		/* the command it stands for (screen_read):
				   k, a Latin letter for a Russian one */
};

/* The code of an F-key key k names, if it is one ('1' … '9', '0'). */
#define KEYS_DIGIT_FKEY(k) KEY_F((k) == '0' ? 10 : (int)((k) - '0'))

/* What a key means beyond curses' codes (XKEY_NONE if nothing). */
enum xkey keys_extra(wint_t code);
/* Read a key as term_read_key does, Alt and the extra keys worked out. */
enum term_input keys_read(struct key *key);
/* Ask the terminal to mark pasted text (bracketed paste), or stop. */
void	keys_paste_mode(bool on);

/* lineedit.c - the focused text field: keys and drawing. */

struct lineedit {
	struct textedit te;
	int	 scroll;	/* one-line fields: the first column shown */
};

enum lineedit_result {
	LINEEDIT_IGNORED,
	LINEEDIT_MOVED,
	LINEEDIT_CHANGED
};

void	lineedit_init(struct lineedit *le, const char *text);
void	lineedit_fini(struct lineedit *le);
/* Apply an editing key; what it did. */
enum lineedit_result lineedit_key(struct lineedit *le, const struct key *key);
/* In a field wrapped at width: the cursor a row up (dir -1) or down (+1);
 * false at the first (last) row. */
bool	lineedit_vertical(struct lineedit *le, int width, int dir);
/* Screen rows text takes wrapped in width columns. */
int	lineedit_height(const char *text, int width);
/*
 * Draw text wrapped in width columns, rows first .. first + nrows - 1 of
 * it, at (y, x).  With le (the focused field, whose text it is) *cy and
 * *cx get where the cursor is on the screen if its row is drawn (else
 * they are left as they were).
 */
void	lineedit_draw_wrapped(const char *text, const struct lineedit *le,
	    int y, int x, int width, int first, int nrows, attr_t attr,
	    int *cy, int *cx);
/* Draw the focused one-line field, scrolled to show its cursor; *cx gets
 * the cursor's screen column. */
void	lineedit_draw_line(struct lineedit *le, int y, int x, int width,
	    attr_t attr, int *cx);

/* undo.c - the edits saved in this session, to undo and redo. */

enum undo_kind {
	UNDO_TP_SAVE,		/* a touchpoint changed by its form */
	UNDO_TP_ADD,		/* a touchpoint added */
	UNDO_TP_EXCLUDE,	/* excluded (п. 5.3.4) */
	UNDO_TP_RESTORE,	/* brought back */
	UNDO_TP_MOVE,		/* moved by delta within its process */
	UNDO_PROC_RENAME,
	UNDO_PROC_MOVE,
	UNDO_HEADER,
	UNDO_PROC_EXCLUDE,	/* a process excluded: text_after the reason */
	UNDO_PROC_RESTORE	/* brought back: text_before the reason */
};

struct undo_entry {
	enum undo_kind kind;
	int64_t	 proc_id;
	int64_t	 tp_id;
	struct touchpoint before, after;	/* touchpoint kinds */
	char	*text_before, *text_after;	/* a name, a reason */
	struct list_header hbefore, hafter;	/* UNDO_HEADER */
	int	 delta;				/* moves */
	bool	 withdrawn;			/* UNDO_TP_ADD undone by deleting */
	struct view_key key;			/* where the record stood after
						   the edit */
};

struct undo {
	struct undo_entry *done;	/* the newest last */
	size_t	 ndone, capdone;
	struct undo_entry *undone;	/* what undo took back, newest last */
	size_t	 nundone, capundone;
};

void	undo_init(struct undo *u);
void	undo_fini(struct undo *u);
/* A new entry (zeroed, its records initialised) for the caller to fill
 * and then give to undo_push. */
void	undo_entry_init(struct undo_entry *e, enum undo_kind kind);
/* Free what an entry not pushed holds. */
void	undo_entry_fini(struct undo_entry *e);
/* Record an edit just saved (the entry is taken over); redo is
 * forgotten. */
void	undo_push(struct undo *u, struct undo_entry *e);

/*
 * Take back the newest edit (undo) or do again the newest taken back
 * (redo), through the store's edit functions: a change of its own, logged
 * like any other.  The record must still be as the edit left it, else
 * nothing is done and err says that someone changed it since.  what gets
 * a Russian phrase naming what was done, *key where the record stands.
 * Returns 1 done, 0 nothing to undo (redo), -1 with err.
 */
int	undo_undo(struct undo *u, struct edit *e, char *what, size_t whatlen,
	    struct view_key *key, struct error *err);
int	undo_redo(struct undo *u, struct edit *e, char *what, size_t whatlen,
	    struct view_key *key, struct error *err);

/* edit.c - the editing keys of the table. */

struct edit {
	struct store	*st;
	struct catalog	*cat;
	struct list_header *hdr;
	struct table	*table;
	struct detail	*detail;
	const struct ui_options *opt;
	prompt_redraw_fn *redraw;	/* the table's screen, after a resize */
	void		*ctx;
	struct undo	 undo;
	struct msgline	*msg;		/* the message line, during a key */
};

/* Who is changing the list now; -1 with err if the program gave none. */
int	edit_actor(struct edit *e, struct actor *who, struct error *err);
/* After a change: the page read again, the cursor on key (NULL: where it
 * was), the detail pane reloaded, the catalogue too (a custom kind). */
void	edit_refresh(struct edit *e, const struct view_key *key);
/* Say something on the message line. */
void	edit_say(struct edit *e, bool error, const char *fmt, ...)
	    PRINTF_LIKE(3, 4);

/* form.c - the form engine. */

enum form_row_type {
	ROW_TEXT,		/* one line, scrolled sideways */
	ROW_WRAP,		/* wrapped over as many lines as it needs */
	ROW_CHOICE,		/* one of a few values */
	ROW_NUMBER,		/* a small number, or empty: not recorded */
	ROW_INFO		/* to read only */
};

#define FORM_NO_ITEM SIZE_MAX

struct form_row {
	enum form_row_type type;
	int	 id;		/* the form's name for it */
	size_t	 item;		/* index in a list, or FORM_NO_ITEM */
	int	 list;		/* which list it is of (0: none): add,
				   delete, move apply */
	bool	 placeholder;	/* the row that adds an item when typed in */
	bool	 pickable;	/* Enter, F3 open a list to choose from */
	bool	 collect;	/* findings no row takes show under it */
	bool	 justifies;	/* the justification that accepts warnings */
	char	*label;		/* "" under the first row of a list */
	char	*prefix;	/* drawn before the value ("1) "), or "" */
	char	*value;		/* the value as shown */
	char	*hint;		/* dim, when the value is empty */
	enum field field;	/* its findings: this field … */
	size_t	 fitem;		/* … and item (FORM_NO_ITEM: none) */
};

enum form_list_op {
	FORM_LIST_ADD,		/* a new item after this one */
	FORM_LIST_DELETE,
	FORM_LIST_UP,
	FORM_LIST_DOWN
};

struct form;

/* What a form does with its record; the engine does the rest. */
struct form_ops {
	/* Rows from the record (form_add_row each). */
	void	(*build)(struct form *f);
	/* The clerk typed: text is the field's new text. */
	void	(*set_text)(struct form *f, const struct form_row *r,
		    const char *text);
	/* A choice stepped (dir ±1), or set to a digit typed (dir 0,
	 * digit 0-9); false if the row takes no such step. */
	bool	(*choose)(struct form *f, const struct form_row *r, int dir,
		    int digit);
	/* Show the list to choose from; false if nothing changed.  May
	 * return DIALOG_QUIT through *quit. */
	bool	(*pick)(struct form *f, const struct form_row *r, bool *quit);
	/* A list operation on r's list; *item gets the item to focus.
	 * False if it cannot be done (the message says why). */
	bool	(*list_op)(struct form *f, const struct form_row *r,
		    enum form_list_op op, size_t *item);
	/* The focus leaves r for a row of another item: drop it if empty. */
	bool	(*leave)(struct form *f, const struct form_row *r);
	/* Findings as the record stands: the field rules, and with full the
	 * record and process rules too (before saving). */
	void	(*check)(struct form *f, bool full, struct findings *out);
	/* Before the checks of saving: read again what they compare the
	 * record with (may be NULL). */
	void	(*reload)(struct form *f);
	/* True if the record differs from what was loaded. */
	bool	(*dirty)(struct form *f);
	/* Save: 0, or -1 with err; msg may get a word on what was saved. */
	int	(*save)(struct form *f, struct error *err);
};

struct form {
	const struct form_ops *ops;
	void	*rec;			/* the form's own state */
	struct edit *ed;
	char	*title;
	struct form_row *rows;
	size_t	 nrows, caprows;
	size_t	 focus;
	struct lineedit le;		/* the focused text row's */
	bool	 le_live;
	int	 scroll;		/* the first body line shown */
	int	 body_w;		/* the value column's width */
	struct findings found;
	bool	 armed;			/* a save was tried: full checks */
	bool	 warned;		/* the warnings were shown once */
	bool	 justified;		/* a justification accepts them */
	bool	 touched[16];		/* by enum field: findings shown */
	bool	 paste;			/* inside a bracketed paste */
	struct screen *scr;		/* its loop while it runs (the help) */
	struct msgline msg;
	char	 done_msg[ERROR_MSG_MAX + 256];	/* for the table, after
						   saving */
};

void	form_init(struct form *f, const struct form_ops *ops, void *rec,
	    struct edit *ed, const char *title);
void	form_fini(struct form *f);
/* Append a row (strings copied; NULL as ""); returns it (valid until the
 * next row is added). */
struct form_row *form_add_row(struct form *f, enum form_row_type type,
	    int id, size_t item, const char *label, const char *value);
/* Run the checks and build the rows again (the focus kept). */
void	form_refresh(struct form *f);
/* Put the focus on the row (id, item), or the nearest there is. */
void	form_focus(struct form *f, int id, size_t item);
/* Put the focus on the first row showing findings of field (and item). */
void	form_focus_field(struct form *f, enum field field, size_t item);
/* The form until it is saved or left: DIALOG_OK (saved), DIALOG_CANCEL,
 * DIALOG_QUIT. */
enum dialog_result form_run(struct form *f);
/* Say something on the form's message line. */
void	form_say(struct form *f, bool error, const char *fmt, ...)
	    PRINTF_LIKE(3, 4);
/*
 * A list to choose from, over the form: items[cur] chosen at first.
 * Enter chooses, Esc leaves; a key an item starts with ("1 …") chooses
 * it.  Returns the index, -1 if left, -2 on a signal or hangup.
 */
int	form_pick(struct form *f, const char *title, const char *const *items,
	    size_t n, size_t cur);
/* Ask a question on the message line and return the key that answered
 * (with alt and fkey as read); false on a signal or hangup. */
bool	form_ask(struct form *f, const char *question, struct key *answer);

/* form_touchpoint.c, form_process.c, form_header.c - the forms. */

/*
 * The touchpoint form for touchpoint tp_id of the process at pkey (0: a
 * new one, added at the end of the process), the focus on field (and
 * item) if not FIELD_NONE.  When saved, *key is where the touchpoint
 * stands and an undo entry is pushed.
 */
enum dialog_result form_touchpoint(struct edit *e, const struct view_key *pkey,
	    int64_t tp_id, enum field field, size_t item, struct view_key *key);
/* The process form: a new process (proc_id 0) or a new name. */
enum dialog_result form_process(struct edit *e, int64_t proc_id,
	    struct view_key *key);
/* The list's header: the body, the title, the area. */
enum dialog_result form_header(struct edit *e);

/* findings.c - every finding of the list, grouped by process. */

struct findings_jump {
	struct view_key key;		/* the record */
	bool	 touchpoint;		/* a touchpoint's finding */
	enum field field;
	size_t	 item;
	char	 message[512];		/* the finding's words */
	/* Where it stood on the screen, to come back after the fix. */
	size_t	 index;
	enum rule_id rule;
	bool	 hide_hints;
};

/* The screen; DIALOG_OK with *jump set when Enter chose a finding.  With
 * resume (the jump that left it; NULL: none) it opens at the finding
 * after that one, or where it stood if it is gone. */
enum dialog_result findings_screen(struct edit *e,
	    const struct findings_jump *resume, struct findings_jump *jump);

#endif
