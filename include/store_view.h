/*
 * store_view.h - the list as the editor's table sees it: rows paged from the
 * database in display order, one touchpoint at a time in full, and search.
 *
 * Owns: struct store_view (prepared statements over one open store), struct
 * view_key and struct view_row.  The editor never loads a whole list: it
 * asks for the few rows around what it shows.  Rows are process rows and
 * touchpoint rows in display order, (process.pos, process.id, touchpoint.pos,
 * touchpoint.id), a process row standing before its touchpoints.  Paging is
 * keyset paging: every call starts from a key and walks the indexes
 * process_pos and touchpoint_order from there, so opening, scrolling and
 * jumping to the end cost the same on a list of 20 touchpoints and of
 * 100,000.  Nothing is counted over the whole list.
 *
 * Numbers are positions: a process's № is its pos and the number of its
 * touchpoints is the highest touchpoint pos, because positions are dense
 * 1..n (import writes them so, and every edit must keep them so).
 */
#ifndef PERECHEN_STORE_VIEW_H
#define PERECHEN_STORE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "model.h"
#include "store.h"

struct store_view;

/* tp_pos and tp_id of a process row: it sorts before its touchpoints. */
#define VIEW_KEY_PROCESS INT64_MIN

/* Where a row stands in display order. */
struct view_key {
	int64_t	proc_pos;
	int64_t	proc_id;
	int64_t	tp_pos;		/* VIEW_KEY_PROCESS for a process row */
	int64_t	tp_id;		/* VIEW_KEY_PROCESS for a process row */
};

enum view_row_type {
	VIEW_ROW_PROCESS = 0,
	VIEW_ROW_TOUCHPOINT = 1
};

/*
 * One row of the table.  Every string is a heap string owned by the row
 * ("" when empty), unsanitised: the UI passes it through utf8_fit.
 */
struct view_row {
	enum view_row_type type;
	struct view_key key;
	int64_t	 proc_number;	/* № of the process (its position) */
	char	*proc_name;	/* the process's name, on every row */
	/* Process rows. */
	int64_t	 ntps;		/* touchpoints in the process */
	bool	 folded;	/* its touchpoints are hidden */
	/* Touchpoint rows (empty strings and zeros on process rows). */
	int64_t	 tp_number;	/* position within the process */
	bool	 last;		/* the last touchpoint of its process */
	char	*name;
	char	*first_need;	/* wording of the first need, "" if none */
	int64_t	 nneeds;
	char	*kind;		/* kind code, "" if none */
	enum channel channel;
	char	*specifics;
	bool	 key_tp;	/* ключевая точка */
	bool	 excluded;	/* the row's touchpoint or process, п. 5.3.4 */
	char	*exclude_reason;	/* process rows: why it is excluded */
};

/*
 * Which processes are folded (their touchpoints hidden): the caller keeps
 * the set and answers for one process id at a time.  NULL means none is.
 */
typedef bool view_folded_fn(void *ctx, int64_t proc_id);

struct view_fold {
	view_folded_fn *folded;
	void	*ctx;
};

/*
 * Prepare the view's statements on st and register the SQL function
 * perechen_fold(text) (case folding of Cyrillic and ASCII for search) on its
 * connection.  st must outlive the view.  Returns 0 with *out set (free with
 * store_view_free), or -1 with err.
 */
int	store_view_new(struct store *st, struct store_view **out,
	    struct error *err);
void	store_view_free(struct store_view *v);

/* The key of the process row of the process that key's row belongs to. */
struct view_key store_view_key_process(const struct view_key *key);
/* <0, 0, >0 as a stands before, at or after b in display order. */
int	store_view_key_cmp(const struct view_key *a,
	    const struct view_key *b);

/*
 * Up to n rows in display order, hiding the touchpoints of folded processes.
 *   rows_after:  those after *after (NULL: from the first row on);
 *   rows_from:   the row at *from (or the next one if it is gone) and after;
 *   rows_before: those before *before (NULL: up to the last row), in display
 *                order, so out[*got - 1] is the nearest.
 * out has room for n rows; *got is set to how many were filled, each owned
 * by the caller (store_view_rows_free).  A key may name a row that is
 * hidden or gone: the walk starts from where it would stand.
 * Returns 0, or -1 with err (nothing left to free then).
 */
int	store_view_rows_after(struct store_view *v, const struct view_key *after,
	    size_t n, const struct view_fold *fold, struct view_row *out,
	    size_t *got, struct error *err);
int	store_view_rows_from(struct store_view *v, const struct view_key *from,
	    size_t n, const struct view_fold *fold, struct view_row *out,
	    size_t *got, struct error *err);
int	store_view_rows_before(struct store_view *v,
	    const struct view_key *before, size_t n, const struct view_fold *fold,
	    struct view_row *out, size_t *got, struct error *err);
/* Free the strings of n rows (the array itself is the caller's). */
void	store_view_rows_free(struct view_row *rows, size_t n);

/* The number of processes (the highest process position; 0 if none). */
int	store_view_process_count(struct store_view *v, int64_t *count,
	    struct error *err);

/*
 * Load touchpoint id in full, with its contacts and needs, into tp
 * (initialised by the caller, fields replaced; touchpoint_fini frees).
 * Returns 1 if loaded, 0 if there is no such touchpoint, -1 with err.
 */
int	store_view_touchpoint(struct store_view *v, int64_t id,
	    struct touchpoint *tp, struct error *err);

enum view_dir {
	VIEW_FORWARD = 1,
	VIEW_BACKWARD = -1
};

/*
 * Find the nearest row after (VIEW_FORWARD) or before (VIEW_BACKWARD) the
 * row at *from whose text contains needle, ignoring case (Cyrillic and
 * ASCII; ё = е).  A process row matches on its name; a touchpoint row on its
 * name, specifics, kind name, unit, basis, exclusion reason, contacts and
 * needs, whether or not its process is folded.  When nothing lies that way
 * the search wraps round from the other end (back to *from itself) and
 * *wrapped is set.  from NULL searches from the start (or the end).
 * Returns 1 with *found set, 0 if no row matches, -1 with err.
 */
int	store_view_search(struct store_view *v, const struct view_key *from,
	    const char *needle, enum view_dir dir, struct view_key *found,
	    bool *wrapped, struct error *err);
/*
 * How a search finds: a needle of three characters or more through the
 * list's search index (tp_search), after folding the rows next to the
 * cursor (up to 256 touchpoints, so that a needle most rows hold costs
 * no more than one row); a shorter needle by folding row after row.
 * Tests and benchmarks set how many rows are folded first (0: straight
 * to the index).
 */
void	store_view_set_near_rows(struct store_view *v, size_t rows);

#endif
