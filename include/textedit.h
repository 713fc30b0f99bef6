/*
 * textedit.h - one field of text as a clerk edits it: UTF-8 with a cursor,
 * insert and overwrite, deleting by character, word and line, and the rows
 * the text takes when it wraps at a width.
 *
 * Owns: struct textedit.  A "character" here is what the clerk sees as one:
 * a code point and the zero-width ones after it (combining marks), so the
 * cursor never stands inside a character and deleting never splits one.
 * Widths are columns as the text is drawn (through the sanitiser), never
 * bytes.  The text is one line: what is inserted has its newlines and tabs
 * made spaces and its control and bidirectional-override characters
 * dropped, so a paste cannot smuggle a control sequence into the list.
 */
#ifndef PERECHEN_TEXTEDIT_H
#define PERECHEN_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Bytes a field may hold: far more than any wording, less than a runaway
 * paste could eat. */
#define TEXTEDIT_MAX (64 * 1024)

struct textedit {
	struct buf text;
	size_t	 cur;		/* byte offset of the cursor */
	bool	 overwrite;	/* typing replaces the character there */
};

/* Start editing a copy of s (NULL as ""), the cursor at its end. */
void	textedit_init(struct textedit *te, const char *s);
void	textedit_fini(struct textedit *te);
/* Replace the text by a copy of s, the cursor at its end. */
void	textedit_set(struct textedit *te, const char *s);
/* The text (owned by te, valid until the next change). */
const char *textedit_text(const struct textedit *te);

/*
 * Insert len bytes of UTF-8 at the cursor (in overwrite mode replacing as
 * many characters), cleaned as described above; what would pass
 * TEXTEDIT_MAX is left out.  Each edit below returns true if the text
 * changed; each move true if the cursor moved.
 */
bool	textedit_insert(struct textedit *te, const char *s, size_t len);
bool	textedit_backspace(struct textedit *te);
bool	textedit_delete(struct textedit *te);
/* Delete the word before the cursor and the spaces after it. */
bool	textedit_delete_word(struct textedit *te);
/* Delete from the start to the cursor; from the cursor to the end. */
bool	textedit_kill_start(struct textedit *te);
bool	textedit_kill_end(struct textedit *te);

bool	textedit_left(struct textedit *te);
bool	textedit_right(struct textedit *te);
bool	textedit_home(struct textedit *te);
bool	textedit_end(struct textedit *te);
bool	textedit_word_left(struct textedit *te);
bool	textedit_word_right(struct textedit *te);

/* The boundary of the character after (before) offset off of s[0..len). */
size_t	textedit_next(const char *s, size_t len, size_t off);
size_t	textedit_prev(const char *s, size_t off);
/* Columns s[from..to) takes on the screen. */
int	textedit_width(const char *s, size_t from, size_t to);
/* The offset in s[from..to) of the last boundary at most col columns
 * after from. */
size_t	textedit_offset_at(const char *s, size_t from, size_t to, int col);

/*
 * Where the rows start when the text wraps at width columns (>= 1):
 * between words where a word fits, inside a word longer than a row;
 * spaces that do not fit hang at the end of their row.
 * Returns the number of rows (at least 1); *starts (caller frees) holds
 * the byte offset each row starts at, starts[0] being 0.
 */
size_t	textedit_rows(const char *s, int width, size_t **starts);
/* The row (of textedit_rows' starts) and column the cursor is at. */
void	textedit_cursor_at(const struct textedit *te, const size_t *starts,
	    size_t nrows, size_t *row, int *col);

#endif
