/* store_view.c - keyset paging of table rows, one touchpoint in full, search. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store_view.h"
#include "utf8.h"

/*
 * What a touchpoint row shows.  The first need and the count come from
 * need_order, "last" from one step in touchpoint_order: each is an index
 * seek, never a scan.
 */
#define TP_ROW_COLUMNS \
	"t.id, t.pos, t.name, coalesce(t.kind, ''), t.channel, t.specifics, " \
	"t.is_key, t.excluded, " \
	"coalesce((SELECT wording FROM need WHERE touchpoint_id = t.id " \
	"ORDER BY pos, id LIMIT 1), ''), " \
	"(SELECT count(*) FROM need WHERE touchpoint_id = t.id), " \
	"(SELECT name FROM process WHERE id = t.process_id), "

#define PROC_ROW_COLUMNS \
	"p.id, p.pos, p.name, coalesce((SELECT pos FROM touchpoint " \
	"WHERE process_id = p.id ORDER BY pos DESC LIMIT 1), 0), " \
	"p.excluded, p.exclude_reason"

/*
 * A touchpoint matches a search if the folded needle (:n) is in one of its
 * texts.  The texts of the row itself are joined with U+0001, which no
 * needle contains, so one call folds them all.
 */
#define TP_MATCH \
	"(instr(perechen_fold(t.name || char(1) || t.specifics || char(1) || " \
	"t.unit || char(1) || t.basis || char(1) || t.exclude_reason), :n) > 0 " \
	"OR EXISTS (SELECT 1 FROM kind k WHERE k.code = t.kind AND " \
	"instr(perechen_fold(k.name), :n) > 0) " \
	"OR EXISTS (SELECT 1 FROM need n WHERE n.touchpoint_id = t.id AND " \
	"instr(perechen_fold(n.wording), :n) > 0) " \
	"OR EXISTS (SELECT 1 FROM contact c WHERE c.touchpoint_id = t.id AND " \
	"instr(perechen_fold(c.value), :n) > 0))"

/*
 * Rows the search folds next to the cursor before it asks the index: a
 * needle most rows hold is found among them at once, where the index
 * would have to order all its hits; a rare one costs this many folds.
 */
#define NEAR_ROWS 256

enum {
	S_PROC_NEXT,		/* (pos, id) > (?1, ?2) */
	S_PROC_PREV,		/* (pos, id) < (?1, ?2) */
	S_TP_NEXT,		/* in process ?1, (pos, id) > (?2, ?3), ?4 rows */
	S_TP_PREV,
	S_PROC_COUNT,
	S_TP_FULL,
	S_TP_CONTACTS,
	S_TP_NEEDS,
	S_FIND_TP_IN_NEXT,	/* in process ?1 after (?2, ?3) */
	S_FIND_TP_IN_PREV,
	S_FIND_PROC_NEXT,	/* process after (?1, ?2) by name */
	S_FIND_PROC_PREV,
	S_FIND_PROC_IS,		/* does process ?1 match */
	S_FIND_TP_RANGE_NEXT,	/* processes in ((?1, ?2), (?3, ?4)) */
	S_FIND_TP_RANGE_PREV,
	S_INDEX_NEXT,		/* phrase ?5 after (?1, ?2, ?3, ?4), nearest first */
	S_INDEX_PREV,		/* phrase ?5 before it, nearest first */
	S_TP_IS_MATCH,		/* does touchpoint ?1 match */
	S_NEAR_NEXT,		/* process :p's rows after (:tpos, :tid), :rows
				   of them (named: :n comes first) */
	S_NEAR_PREV,
	S_FIND_PROC_UPTO,	/* process in ((?1, ?2), (?3, ?4)] by name */
	S_FIND_PROC_DOWNTO,	/* process in ((?3, ?4), (?1, ?2)) by name */
	S_COUNT
};

static const char *const view_sql[S_COUNT] = {
	[S_PROC_NEXT] = "SELECT " PROC_ROW_COLUMNS " FROM process p "
	    "WHERE (p.pos, p.id) > (?1, ?2) ORDER BY p.pos, p.id LIMIT 1",
	[S_PROC_PREV] = "SELECT " PROC_ROW_COLUMNS " FROM process p "
	    "WHERE (p.pos, p.id) < (?1, ?2) "
	    "ORDER BY p.pos DESC, p.id DESC LIMIT 1",
	[S_TP_NEXT] = "SELECT " TP_ROW_COLUMNS
	    "NOT EXISTS (SELECT 1 FROM touchpoint u WHERE "
	    "u.process_id = t.process_id AND (u.pos, u.id) > (t.pos, t.id)) "
	    "FROM touchpoint t WHERE t.process_id = ?1 AND "
	    "(t.pos, t.id) > (?2, ?3) ORDER BY t.pos, t.id LIMIT ?4",
	[S_TP_PREV] = "SELECT " TP_ROW_COLUMNS
	    "NOT EXISTS (SELECT 1 FROM touchpoint u WHERE "
	    "u.process_id = t.process_id AND (u.pos, u.id) > (t.pos, t.id)) "
	    "FROM touchpoint t WHERE t.process_id = ?1 AND "
	    "(t.pos, t.id) < (?2, ?3) ORDER BY t.pos DESC, t.id DESC LIMIT ?4",
	[S_PROC_COUNT] = "SELECT coalesce((SELECT pos FROM process "
	    "ORDER BY pos DESC LIMIT 1), 0)",
	[S_TP_FULL] = "SELECT t.id, t.version, t.name, coalesce(t.kind, ''), "
	    "t.channel, t.specifics, t.is_key, t.basis_type, t.basis, t.unit, "
	    "t.audience, t.max_transfers, t.ack_receipt, t.excluded, "
	    "t.exclude_reason FROM touchpoint t WHERE t.id = ?1",
	[S_TP_CONTACTS] = "SELECT type, value FROM contact "
	    "WHERE touchpoint_id = ?1 ORDER BY pos, id",
	[S_TP_NEEDS] = "SELECT id, wording, coalesce(category, 0) FROM need "
	    "WHERE touchpoint_id = ?1 ORDER BY pos, id",
	[S_FIND_TP_IN_NEXT] = "SELECT t.pos, t.id FROM touchpoint t "
	    "WHERE t.process_id = ?1 AND (t.pos, t.id) > (?2, ?3) AND "
	    TP_MATCH " ORDER BY t.pos, t.id LIMIT 1",
	[S_FIND_TP_IN_PREV] = "SELECT t.pos, t.id FROM touchpoint t "
	    "WHERE t.process_id = ?1 AND (t.pos, t.id) < (?2, ?3) AND "
	    TP_MATCH " ORDER BY t.pos DESC, t.id DESC LIMIT 1",
	[S_FIND_PROC_NEXT] = "SELECT pos, id FROM process "
	    "WHERE (pos, id) > (?1, ?2) AND instr(perechen_fold(name), :n) > 0 "
	    "ORDER BY pos, id LIMIT 1",
	[S_FIND_PROC_PREV] = "SELECT pos, id FROM process "
	    "WHERE (pos, id) < (?1, ?2) AND instr(perechen_fold(name), :n) > 0 "
	    "ORDER BY pos DESC, id DESC LIMIT 1",
	[S_FIND_PROC_IS] = "SELECT 1 FROM process "
	    "WHERE id = ?1 AND instr(perechen_fold(name), :n) > 0",
	[S_FIND_TP_RANGE_NEXT] = "SELECT p.pos, p.id, t.pos, t.id "
	    "FROM process p JOIN touchpoint t ON t.process_id = p.id "
	    "WHERE (p.pos, p.id) > (?1, ?2) AND (p.pos, p.id) < (?3, ?4) AND "
	    TP_MATCH " ORDER BY p.pos, p.id, t.pos, t.id LIMIT 1",
	[S_FIND_TP_RANGE_PREV] = "SELECT p.pos, p.id, t.pos, t.id "
	    "FROM process p JOIN touchpoint t ON t.process_id = p.id "
	    "WHERE (p.pos, p.id) > (?1, ?2) AND (p.pos, p.id) < (?3, ?4) AND "
	    TP_MATCH " ORDER BY p.pos DESC, p.id DESC, t.pos DESC, t.id DESC "
	    "LIMIT 1",
	/* The index's candidates in display order; each is confirmed by
	 * S_TP_IS_MATCH, which folds as the scan does (the tokenizer folds
	 * more letters than utf8_casefold), so only the first few rows are
	 * ever folded. */
	[S_INDEX_NEXT] = "SELECT p.pos, p.id, t.pos, t.id FROM tp_search s "
	    "JOIN touchpoint t ON t.id = s.rowid "
	    "JOIN process p ON p.id = t.process_id "
	    "WHERE s.body MATCH ?5 AND "
	    "(p.pos, p.id, t.pos, t.id) > (?1, ?2, ?3, ?4) "
	    "ORDER BY p.pos, p.id, t.pos, t.id",
	[S_INDEX_PREV] = "SELECT p.pos, p.id, t.pos, t.id FROM tp_search s "
	    "JOIN touchpoint t ON t.id = s.rowid "
	    "JOIN process p ON p.id = t.process_id "
	    "WHERE s.body MATCH ?5 AND "
	    "(p.pos, p.id, t.pos, t.id) < (?1, ?2, ?3, ?4) "
	    "ORDER BY p.pos DESC, p.id DESC, t.pos DESC, t.id DESC",
	[S_TP_IS_MATCH] = "SELECT 1 FROM touchpoint t WHERE t.id = ?1 AND "
	    TP_MATCH,
	/* The rows next to the cursor, each with whether it matches: folded
	 * as they are stepped, so the walk stops at the first match. */
	[S_NEAR_NEXT] = "SELECT t.pos, t.id, " TP_MATCH " FROM touchpoint t "
	    "WHERE t.process_id = :p AND (t.pos, t.id) > (:tpos, :tid) "
	    "ORDER BY t.pos, t.id LIMIT :rows",
	[S_NEAR_PREV] = "SELECT t.pos, t.id, " TP_MATCH " FROM touchpoint t "
	    "WHERE t.process_id = :p AND (t.pos, t.id) < (:tpos, :tid) "
	    "ORDER BY t.pos DESC, t.id DESC LIMIT :rows",
	[S_FIND_PROC_UPTO] = "SELECT pos, id FROM process "
	    "WHERE (pos, id) > (?1, ?2) AND (pos, id) <= (?3, ?4) AND "
	    "instr(perechen_fold(name), :n) > 0 ORDER BY pos, id LIMIT 1",
	[S_FIND_PROC_DOWNTO] = "SELECT pos, id FROM process "
	    "WHERE (pos, id) < (?1, ?2) AND (pos, id) > (?3, ?4) AND "
	    "instr(perechen_fold(name), :n) > 0 "
	    "ORDER BY pos DESC, id DESC LIMIT 1",
};

struct store_view {
	struct store	*st;
	sqlite3_stmt	*stmt[S_COUNT];
	size_t		 near_rows;	/* folded before asking the index */
};

/* A position before every row and one after every row. */
static const struct view_key key_before_all = {
	INT64_MIN, INT64_MIN, VIEW_KEY_PROCESS, VIEW_KEY_PROCESS
};
static const struct view_key key_after_all = {
	INT64_MAX, INT64_MAX, VIEW_KEY_PROCESS, VIEW_KEY_PROCESS
};

/* perechen_fold(text): the search folding of utf8_casefold, in SQL, since
 * SQLite's own lower() knows only ASCII. */
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *text;

	(void)argc;
	text = sqlite3_value_text(argv[0]);
	if (text == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, utf8_casefold((const char *)text), -1, free);
}

int
store_view_new(struct store *st, struct store_view **out, struct error *err)
{
	struct store_view *v;

	*out = NULL;
	if (sqlite3_create_function(st->db, "perechen_fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    sql_fold, NULL, NULL) != SQLITE_OK)
		return store_fail(st, "подготовка поиска", err);
	v = xcalloc(1, sizeof *v);
	v->st = st;
	v->near_rows = NEAR_ROWS;
	for (int i = 0; i < S_COUNT; i++)
		if (store_prepare(st, &v->stmt[i], view_sql[i], err) != 0) {
			store_view_free(v);
			return -1;
		}
	*out = v;
	return 0;
}

void
store_view_free(struct store_view *v)
{
	if (v == NULL)
		return;
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(v->stmt[i]);
	free(v);
}

struct view_key
store_view_key_process(const struct view_key *key)
{
	struct view_key k = *key;

	k.tp_pos = k.tp_id = VIEW_KEY_PROCESS;
	return k;
}

/* -1, 0, 1 without the overflow of a subtraction. */
static int
cmp64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

int
store_view_key_cmp(const struct view_key *a, const struct view_key *b)
{
	int c;

	if ((c = cmp64(a->proc_pos, b->proc_pos)) != 0 ||
	    (c = cmp64(a->proc_id, b->proc_id)) != 0 ||
	    (c = cmp64(a->tp_pos, b->tp_pos)) != 0)
		return c;
	return cmp64(a->tp_id, b->tp_id);
}

/* A process row's key (or a position before or after all rows). */
static bool
is_process_key(const struct view_key *k)
{
	return k->tp_id == VIEW_KEY_PROCESS;
}

/* (pos, id) >= (a, b) is (pos, id) > (a, b - 1) for integer ids. */
static int64_t
before_id(int64_t id)
{
	return id == INT64_MIN ? id : id - 1;
}

/* A statement ready to be bound afresh. */
static sqlite3_stmt *
stmt_reset(struct store_view *v, int which)
{
	sqlite3_stmt *st = v->stmt[which];

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* Are the touchpoints of proc_id hidden? */
static bool
fold_hides(const struct view_fold *fold, int64_t proc_id)
{
	return fold != NULL && fold->folded != NULL &&
	    fold->folded(fold->ctx, proc_id);
}

/* An empty row: every string "" so the row can always be freed. */
static void
row_clear(struct view_row *r)
{
	memset(r, 0, sizeof *r);
	r->proc_name = xstrdup("");
	r->name = xstrdup("");
	r->first_need = xstrdup("");
	r->kind = xstrdup("");
	r->specifics = xstrdup("");
	r->exclude_reason = xstrdup("");
}

void
store_view_rows_free(struct view_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].proc_name);
		free(rows[i].name);
		free(rows[i].first_need);
		free(rows[i].kind);
		free(rows[i].specifics);
		free(rows[i].exclude_reason);
		memset(&rows[i], 0, sizeof rows[i]);
	}
}

/* Rows being gathered by one paging call. */
struct walk {
	struct store_view	*v;
	const struct view_fold	*fold;
	struct view_row		*out;
	size_t			 n, got;
	struct error		*err;
};

/* Fill a process row from a PROC_ROW_COLUMNS result. */
static void
walk_emit_process(struct walk *w, sqlite3_stmt *st)
{
	struct view_row *r = &w->out[w->got++];

	row_clear(r);
	r->type = VIEW_ROW_PROCESS;
	r->key.proc_id = sqlite3_column_int64(st, 0);
	r->key.proc_pos = sqlite3_column_int64(st, 1);
	r->key.tp_pos = r->key.tp_id = VIEW_KEY_PROCESS;
	r->proc_number = r->key.proc_pos;
	free(r->proc_name);
	r->proc_name = store_column_text(st, 2);
	r->ntps = sqlite3_column_int64(st, 3);
	r->folded = fold_hides(w->fold, r->key.proc_id);
	r->excluded = sqlite3_column_int(st, 4) != 0;
	free(r->exclude_reason);
	r->exclude_reason = store_column_text(st, 5);
}

/* Fill a touchpoint row of process (ppos, pid) from S_TP_NEXT/PREV. */
static void
walk_emit_touchpoint(struct walk *w, sqlite3_stmt *st, int64_t ppos,
    int64_t pid)
{
	struct view_row *r = &w->out[w->got++];

	row_clear(r);
	r->type = VIEW_ROW_TOUCHPOINT;
	r->key.proc_pos = ppos;
	r->key.proc_id = pid;
	r->key.tp_id = sqlite3_column_int64(st, 0);
	r->key.tp_pos = sqlite3_column_int64(st, 1);
	r->proc_number = ppos;
	r->tp_number = r->key.tp_pos;
	free(r->name);
	r->name = store_column_text(st, 2);
	free(r->kind);
	r->kind = store_column_text(st, 3);
	r->channel = (enum channel)sqlite3_column_int(st, 4);
	free(r->specifics);
	r->specifics = store_column_text(st, 5);
	r->key_tp = sqlite3_column_int(st, 6) != 0;
	r->excluded = sqlite3_column_int(st, 7) != 0;
	free(r->first_need);
	r->first_need = store_column_text(st, 8);
	r->nneeds = sqlite3_column_int64(st, 9);
	free(r->proc_name);
	r->proc_name = store_column_text(st, 10);
	r->last = sqlite3_column_int(st, 11) != 0;
}

/*
 * Emit the touchpoints of process (ppos, pid) beyond (tpos, tid) in the
 * walk's direction, as many as still fit.
 */
static int
walk_touchpoints(struct walk *w, int dir, int64_t ppos, int64_t pid,
    int64_t tpos, int64_t tid)
{
	sqlite3_stmt *st;
	int rc;

	if (w->got >= w->n || fold_hides(w->fold, pid))
		return 0;
	st = stmt_reset(w->v, dir > 0 ? S_TP_NEXT : S_TP_PREV);
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, tpos);
	sqlite3_bind_int64(st, 3, tid);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)(w->n - w->got));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		walk_emit_touchpoint(w, st, ppos, pid);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(w->v->st, "чтение точек взаимодействия",
		    w->err);
	return 0;
}

/*
 * The process next to (ppos, pid) in direction dir, left as the current row
 * of its statement.  Returns 1 if there is one, 0 if not, -1 on error.
 */
static int
step_process(struct walk *w, int dir, int64_t ppos, int64_t pid,
    sqlite3_stmt **out)
{
	sqlite3_stmt *st = stmt_reset(w->v, dir > 0 ? S_PROC_NEXT : S_PROC_PREV);
	int rc;

	sqlite3_bind_int64(st, 1, ppos);
	sqlite3_bind_int64(st, 2, pid);
	rc = sqlite3_step(st);
	*out = st;
	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(w->v->st, "чтение процессов", w->err);
}

/* Walk forward from the position just after process (ppos, pid)'s rows. */
static int
walk_forward_processes(struct walk *w, int64_t ppos, int64_t pid)
{
	sqlite3_stmt *st;
	int rc;

	while (w->got < w->n) {
		if ((rc = step_process(w, 1, ppos, pid, &st)) <= 0)
			return rc;
		walk_emit_process(w, st);
		ppos = w->out[w->got - 1].key.proc_pos;
		pid = w->out[w->got - 1].key.proc_id;
		sqlite3_reset(st);
		if (walk_touchpoints(w, 1, ppos, pid, VIEW_KEY_PROCESS,
		    VIEW_KEY_PROCESS) != 0)
			return -1;
	}
	return 0;
}

/* Rows after key (inclusive: from key) in display order. */
static int
walk_forward(struct walk *w, const struct view_key *key, bool inclusive)
{
	if (key == NULL)
		key = &key_before_all;
	if (!is_process_key(key)) {
		if (walk_touchpoints(w, 1, key->proc_pos, key->proc_id,
		    key->tp_pos, inclusive ? before_id(key->tp_id) :
		    key->tp_id) != 0)
			return -1;
		return walk_forward_processes(w, key->proc_pos, key->proc_id);
	}
	if (inclusive)
		return walk_forward_processes(w, key->proc_pos,
		    before_id(key->proc_id));
	if (walk_touchpoints(w, 1, key->proc_pos, key->proc_id,
	    VIEW_KEY_PROCESS, VIEW_KEY_PROCESS) != 0)
		return -1;
	return walk_forward_processes(w, key->proc_pos, key->proc_id);
}

/* Emit the row of process pid itself if it still exists. */
static int
walk_emit_process_at(struct walk *w, int64_t ppos, int64_t pid)
{
	sqlite3_stmt *st;
	int rc;

	if (w->got >= w->n)
		return 0;
	if ((rc = step_process(w, 1, ppos, before_id(pid), &st)) <= 0)
		return rc;
	if (sqlite3_column_int64(st, 0) == pid)
		walk_emit_process(w, st);
	sqlite3_reset(st);
	return 0;
}

/* Rows before key, gathered nearest first. */
static int
walk_backward(struct walk *w, const struct view_key *key)
{
	int64_t ppos, pid;
	sqlite3_stmt *st;
	int rc;

	if (key == NULL)
		key = &key_after_all;
	ppos = key->proc_pos;
	pid = key->proc_id;
	if (!is_process_key(key)) {
		if (walk_touchpoints(w, -1, ppos, pid, key->tp_pos,
		    key->tp_id) != 0 ||
		    walk_emit_process_at(w, ppos, pid) != 0)
			return -1;
	}
	while (w->got < w->n) {
		if ((rc = step_process(w, -1, ppos, pid, &st)) <= 0)
			return rc;
		ppos = sqlite3_column_int64(st, 1);
		pid = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (walk_touchpoints(w, -1, ppos, pid, INT64_MAX,
		    INT64_MAX) != 0 ||
		    walk_emit_process_at(w, ppos, pid) != 0)
			return -1;
	}
	return 0;
}

/* Run a walk; on failure free what it gathered. */
static int
walk_run(struct store_view *v, const struct view_key *key, int mode,
    size_t n, const struct view_fold *fold, struct view_row *out, size_t *got,
    struct error *err)
{
	struct walk w = { v, fold, out, n, 0, err };
	int rc;

	if (mode < 0)
		rc = walk_backward(&w, key);
	else
		rc = walk_forward(&w, key, mode > 0);
	if (rc != 0) {
		store_view_rows_free(out, w.got);
		*got = 0;
		return -1;
	}
	if (mode < 0) {
		/* Gathered nearest first; the caller wants display order. */
		for (size_t i = 0; i < w.got / 2; i++) {
			struct view_row t = out[i];

			out[i] = out[w.got - 1 - i];
			out[w.got - 1 - i] = t;
		}
	}
	*got = w.got;
	return 0;
}

int
store_view_rows_after(struct store_view *v, const struct view_key *after,
    size_t n, const struct view_fold *fold, struct view_row *out, size_t *got,
    struct error *err)
{
	return walk_run(v, after, 0, n, fold, out, got, err);
}

int
store_view_rows_from(struct store_view *v, const struct view_key *from,
    size_t n, const struct view_fold *fold, struct view_row *out, size_t *got,
    struct error *err)
{
	return walk_run(v, from, 1, n, fold, out, got, err);
}

int
store_view_rows_before(struct store_view *v, const struct view_key *before,
    size_t n, const struct view_fold *fold, struct view_row *out, size_t *got,
    struct error *err)
{
	return walk_run(v, before, -1, n, fold, out, got, err);
}

int
store_view_process_count(struct store_view *v, int64_t *count,
    struct error *err)
{
	sqlite3_stmt *st = stmt_reset(v, S_PROC_COUNT);
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(v->st, "подсчёт процессов", err);
	return 0;
}

/* A yes/no/unknown column: NULL is unknown. */
static int
column_tri(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return TRI_UNKNOWN;
	return sqlite3_column_int(st, col);
}

/* The fields of S_TP_FULL into tp. */
static void
fill_touchpoint(sqlite3_stmt *st, struct touchpoint *tp)
{
	tp->id = sqlite3_column_int64(st, 0);
	tp->version = sqlite3_column_int64(st, 1);
	model_set(&tp->name, (const char *)sqlite3_column_text(st, 2));
	model_set(&tp->kind, (const char *)sqlite3_column_text(st, 3));
	tp->channel = (enum channel)sqlite3_column_int(st, 4);
	model_set(&tp->specifics, (const char *)sqlite3_column_text(st, 5));
	tp->key = sqlite3_column_int(st, 6) != 0;
	tp->basis_type = (enum basis_type)sqlite3_column_int(st, 7);
	model_set(&tp->basis, (const char *)sqlite3_column_text(st, 8));
	model_set(&tp->unit, (const char *)sqlite3_column_text(st, 9));
	tp->audience = (enum audience)sqlite3_column_int(st, 10);
	tp->max_transfers = column_tri(st, 11);
	tp->ack_receipt = column_tri(st, 12);
	tp->excluded = sqlite3_column_int(st, 13) != 0;
	model_set(&tp->exclude_reason, (const char *)sqlite3_column_text(st, 14));
}

/* Contacts and needs of touchpoint tp->id, appended in order. */
static int
load_children(struct store_view *v, struct touchpoint *tp, struct error *err)
{
	sqlite3_stmt *st = stmt_reset(v, S_TP_CONTACTS);
	int rc;

	sqlite3_bind_int64(st, 1, tp->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		touchpoint_add_contact(tp,
		    (enum contact_type)sqlite3_column_int(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(v->st, "чтение контактов", err);
	st = stmt_reset(v, S_TP_NEEDS);
	sqlite3_bind_int64(st, 1, tp->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct need *n = touchpoint_add_need(tp,
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2));

		n->id = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(v->st, "чтение потребностей", err);
	return 0;
}

int
store_view_touchpoint(struct store_view *v, int64_t id, struct touchpoint *tp,
    struct error *err)
{
	sqlite3_stmt *st = stmt_reset(v, S_TP_FULL);
	int rc;

	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail(v->st, "чтение точки взаимодействия", err);
	}
	touchpoint_fini(tp);
	touchpoint_init(tp);
	fill_touchpoint(st, tp);
	sqlite3_reset(st);
	if (load_children(v, tp, err) != 0)
		return -1;
	return 1;
}

/* A search statement with the folded needle bound to :n. */
static sqlite3_stmt *
find_stmt(struct store_view *v, int which, const char *folded)
{
	sqlite3_stmt *st = stmt_reset(v, which);

	store_bind_text(st, sqlite3_bind_parameter_index(st, ":n"), folded);
	return st;
}

/* A touchpoint's key from four columns: process pos, id, its pos, id. */
static void
key_from_columns(sqlite3_stmt *st, struct view_key *k)
{
	k->proc_pos = sqlite3_column_int64(st, 0);
	k->proc_id = sqlite3_column_int64(st, 1);
	k->tp_pos = sqlite3_column_int64(st, 2);
	k->tp_id = sqlite3_column_int64(st, 3);
}

/* A search statement stepped with rc, reset: 1 (a row), 0 or -1. */
static int
search_result(struct store_view *v, sqlite3_stmt *st, int rc,
    struct error *err)
{
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(v->st, "поиск", err);
}

/*
 * Step a search statement; on a row, set the key from its columns: two
 * (a process) or four (a touchpoint in process ppos, pid, or in the row's
 * own process when ppos is NULL).  Returns 1, 0 or -1.
 */
static int
find_step(struct store_view *v, sqlite3_stmt *st, int ncols,
    const struct view_key *proc, struct view_key *found, struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		if (ncols == 4)
			key_from_columns(st, found);
		else if (proc != NULL) {
			found->proc_pos = proc->proc_pos;
			found->proc_id = proc->proc_id;
			found->tp_pos = sqlite3_column_int64(st, 0);
			found->tp_id = sqlite3_column_int64(st, 1);
		} else {
			found->proc_pos = sqlite3_column_int64(st, 0);
			found->proc_id = sqlite3_column_int64(st, 1);
			found->tp_pos = found->tp_id = VIEW_KEY_PROCESS;
		}
	}
	return search_result(v, st, rc, err);
}

/*
 * The first match after k: the rest of k's process, then the first process
 * whose name matches (M) or a touchpoint of a process between k's and M.
 */
static int
find_forward(struct store_view *v, const struct view_key *k, const char *n,
    struct view_key *found, struct error *err)
{
	struct view_key m, t;
	sqlite3_stmt *st;
	int hm, rc;

	st = find_stmt(v, S_FIND_TP_IN_NEXT, n);
	sqlite3_bind_int64(st, 1, k->proc_id);
	sqlite3_bind_int64(st, 2, k->tp_pos);
	sqlite3_bind_int64(st, 3, k->tp_id);
	if ((rc = find_step(v, st, 2, k, found, err)) != 0)
		return rc;
	st = find_stmt(v, S_FIND_PROC_NEXT, n);
	sqlite3_bind_int64(st, 1, k->proc_pos);
	sqlite3_bind_int64(st, 2, k->proc_id);
	if ((hm = find_step(v, st, 2, NULL, &m, err)) < 0)
		return -1;
	st = find_stmt(v, S_FIND_TP_RANGE_NEXT, n);
	sqlite3_bind_int64(st, 1, k->proc_pos);
	sqlite3_bind_int64(st, 2, k->proc_id);
	sqlite3_bind_int64(st, 3, hm ? m.proc_pos : INT64_MAX);
	sqlite3_bind_int64(st, 4, hm ? m.proc_id : INT64_MAX);
	if ((rc = find_step(v, st, 4, NULL, &t, err)) < 0)
		return -1;
	if (rc > 0 || hm) {
		*found = rc > 0 ? t : m;
		return 1;
	}
	return 0;
}

/*
 * The first match before k: earlier touchpoints of k's process and its own
 * row, then the last touchpoint of a process from M (the last process
 * before k's whose name matches) on, then M's row.
 */
static int
find_backward(struct store_view *v, const struct view_key *k, const char *n,
    struct view_key *found, struct error *err)
{
	struct view_key m, t;
	sqlite3_stmt *st;
	int hm, rc;

	if (!is_process_key(k)) {
		st = find_stmt(v, S_FIND_TP_IN_PREV, n);
		sqlite3_bind_int64(st, 1, k->proc_id);
		sqlite3_bind_int64(st, 2, k->tp_pos);
		sqlite3_bind_int64(st, 3, k->tp_id);
		if ((rc = find_step(v, st, 2, k, found, err)) != 0)
			return rc;
		st = find_stmt(v, S_FIND_PROC_IS, n);
		sqlite3_bind_int64(st, 1, k->proc_id);
		if ((rc = find_step(v, st, 2, NULL, found, err)) != 0) {
			*found = store_view_key_process(k);
			return rc;
		}
	}
	st = find_stmt(v, S_FIND_PROC_PREV, n);
	sqlite3_bind_int64(st, 1, k->proc_pos);
	sqlite3_bind_int64(st, 2, k->proc_id);
	if ((hm = find_step(v, st, 2, NULL, &m, err)) < 0)
		return -1;
	st = find_stmt(v, S_FIND_TP_RANGE_PREV, n);
	sqlite3_bind_int64(st, 1, hm ? m.proc_pos : INT64_MIN);
	sqlite3_bind_int64(st, 2, hm ? before_id(m.proc_id) : INT64_MIN);
	sqlite3_bind_int64(st, 3, k->proc_pos);
	sqlite3_bind_int64(st, 4, k->proc_id);
	if ((rc = find_step(v, st, 4, NULL, &t, err)) < 0)
		return -1;
	if (rc > 0 || hm) {
		*found = rc > 0 ? t : m;
		return 1;
	}
	return 0;
}

/*
 * Can the index answer for the folded needle?  Its trigrams need three
 * characters; a control character could span the texts the index joins.
 */
static bool
index_can_search(const char *folded)
{
	size_t chars = 0;

	for (const unsigned char *p = (const unsigned char *)folded; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return false;
		chars += (*p & 0xC0) != 0x80;
	}
	return chars >= 3;
}

/* The needle as an FTS5 phrase: in double quotes, a quote doubled. */
static char *
fts_phrase(const char *folded)
{
	struct buf b;

	buf_init(&b);
	buf_putc(&b, '"');
	for (const char *p = folded; *p; p++) {
		if (*p == '"')
			buf_putc(&b, '"');
		buf_putc(&b, *p);
	}
	buf_putc(&b, '"');
	return buf_detach(&b);
}

/* Does touchpoint id match the folded needle n, folded as the scan
 * folds?  1, 0 or -1. */
static int
tp_is_match(struct store_view *v, int64_t id, const char *n,
    struct error *err)
{
	sqlite3_stmt *st = find_stmt(v, S_TP_IS_MATCH, n);

	sqlite3_bind_int64(st, 1, id);
	return search_result(v, st, sqlite3_step(st), err);
}

/*
 * The nearest touchpoint after (dir > 0) or before k matching n, through
 * the index: its candidates in display order, the first one confirmed.
 * Returns 1 with *found, 0 or -1.
 */
static int
index_nearest(struct store_view *v, const struct view_key *k, int dir,
    const char *n, struct view_key *found, struct error *err)
{
	char *phrase = fts_phrase(n);
	sqlite3_stmt *st = stmt_reset(v, dir > 0 ? S_INDEX_NEXT : S_INDEX_PREV);
	int rc = SQLITE_DONE, m = 0;

	sqlite3_bind_int64(st, 1, k->proc_pos);
	sqlite3_bind_int64(st, 2, k->proc_id);
	sqlite3_bind_int64(st, 3, k->tp_pos);
	sqlite3_bind_int64(st, 4, k->tp_id);
	store_bind_text(st, 5, phrase);
	free(phrase);
	while (m == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		key_from_columns(st, found);
		m = tp_is_match(v, found->tp_id, n, err);
	}
	if (m != 0) {
		sqlite3_reset(st);
		return m;
	}
	return search_result(v, st, rc, err);
}

/*
 * The first match after (dir > 0) or the last before k, through the
 * index: the nearest touchpoint, unless a process row whose name matches
 * stands nearer (processes are few and searched by name directly, only
 * as far as that touchpoint's process).
 */
static int
find_indexed(struct store_view *v, const struct view_key *k, int dir,
    const char *n, struct view_key *found, struct error *err)
{
	struct view_key t, m;
	sqlite3_stmt *st;
	int ht, hm = 0;

	if ((ht = index_nearest(v, k, dir, n, &t, err)) < 0)
		return -1;
	if (dir < 0 && !is_process_key(k) && !ht) {
		st = find_stmt(v, S_FIND_PROC_IS, n);
		sqlite3_bind_int64(st, 1, k->proc_id);
		if ((hm = find_step(v, st, 2, NULL, &m, err)) < 0)
			return -1;
		m = store_view_key_process(k);
	}
	if (hm == 0) {
		int64_t edge = dir > 0 ? INT64_MAX : INT64_MIN;

		st = find_stmt(v, dir > 0 ? S_FIND_PROC_UPTO :
		    S_FIND_PROC_DOWNTO, n);
		sqlite3_bind_int64(st, 1, k->proc_pos);
		sqlite3_bind_int64(st, 2, k->proc_id);
		sqlite3_bind_int64(st, 3, ht ? t.proc_pos : edge);
		sqlite3_bind_int64(st, 4, ht ? t.proc_id : edge);
		if ((hm = find_step(v, st, 2, NULL, &m, err)) < 0)
			return -1;
	}
	if (!ht && !hm)
		return 0;
	*found = hm ? m : t;
	return 1;
}

enum { NEAR_NONE = 0, NEAR_FOUND = 1, NEAR_UNKNOWN = 2 };

static void
bind_named(sqlite3_stmt *st, const char *name, int64_t value)
{
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, name), value);
}

/*
 * Walk touchpoints of process k->proc_id beyond k in dir, at most *budget
 * of them (the budget spent as they are read).  1 with *found at the
 * first match, 0 if none, -1 on error.
 */
static int
near_in_process(struct store_view *v, const struct view_key *k, int dir,
    const char *n, size_t *budget, struct view_key *found,
    struct error *err)
{
	sqlite3_stmt *st = find_stmt(v, dir > 0 ? S_NEAR_NEXT : S_NEAR_PREV, n);
	int rc, m = 0;

	bind_named(st, ":p", k->proc_id);
	bind_named(st, ":tpos", k->tp_pos);
	bind_named(st, ":tid", k->tp_id);
	bind_named(st, ":rows", (int64_t)*budget);
	while (m == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		--*budget;
		m = sqlite3_column_int(st, 2) != 0;
		if (m) {
			*found = *k;
			found->tp_pos = sqlite3_column_int64(st, 0);
			found->tp_id = sqlite3_column_int64(st, 1);
		}
	}
	if (m) {
		sqlite3_reset(st);
		return 1;
	}
	return search_result(v, st, rc, err);
}

/* Does process k->proc_id's name match?  1, 0 or -1. */
static int
near_process_row(struct store_view *v, const struct view_key *k,
    const char *n, struct error *err)
{
	sqlite3_stmt *st = find_stmt(v, S_FIND_PROC_IS, n);

	sqlite3_bind_int64(st, 1, k->proc_id);
	return search_result(v, st, sqlite3_step(st), err);
}

/* k moved to the process row next to its process in dir: 1, or 0 at
 * the end of the list, or -1. */
static int
near_next_process(struct store_view *v, struct view_key *k, int dir,
    struct error *err)
{
	sqlite3_stmt *st = stmt_reset(v, dir > 0 ? S_PROC_NEXT : S_PROC_PREV);
	int rc;

	sqlite3_bind_int64(st, 1, k->proc_pos);
	sqlite3_bind_int64(st, 2, k->proc_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k->proc_id = sqlite3_column_int64(st, 0);
		k->proc_pos = sqlite3_column_int64(st, 1);
		k->tp_pos = k->tp_id = VIEW_KEY_PROCESS;
	}
	return search_result(v, st, rc, err);
}

/*
 * The nearest match within NEAR_ROWS touchpoints of k in dir, process
 * rows included, as the scan finds it.  NEAR_FOUND with *found,
 * NEAR_NONE when the list ends first, NEAR_UNKNOWN when the rows run
 * out; -1 on error.
 */
static int
find_near(struct store_view *v, const struct view_key *from, int dir,
    const char *n, struct view_key *found, struct error *err)
{
	struct view_key k = *from;
	size_t budget = v->near_rows;
	int rc;

	if (k.proc_id == INT64_MIN || k.proc_id == INT64_MAX) {
		/* From an end of the list: its first or last process. */
		if ((rc = near_next_process(v, &k, dir, err)) <= 0)
			return rc;
		if (dir > 0 && (rc = near_process_row(v, &k, n, err)) != 0)
			goto found_process;
	} else if (dir < 0 && is_process_key(&k)) {
		/* Before a process row: the previous process's last rows. */
		if ((rc = near_next_process(v, &k, dir, err)) <= 0)
			return rc;
	}
	for (;;) {
		if (dir < 0 && is_process_key(&k))
			k.tp_pos = k.tp_id = INT64_MAX;
		if ((rc = near_in_process(v, &k, dir, n, &budget, found,
		    err)) != 0)
			return rc;
		if (dir < 0 && (rc = near_process_row(v, &k, n, err)) != 0)
			goto found_process;
		if (budget == 0)
			return NEAR_UNKNOWN;
		if ((rc = near_next_process(v, &k, dir, err)) <= 0)
			return rc;
		if (dir > 0 && (rc = near_process_row(v, &k, n, err)) != 0)
			goto found_process;
	}
found_process:
	if (rc > 0)
		*found = store_view_key_process(&k);
	return rc;
}

/* One search from k in dir, through the index when it can answer. */
static int
find_from(struct store_view *v, const struct view_key *k, enum view_dir dir,
    const char *n, struct view_key *found, struct error *err)
{
	int rc;

	if (index_can_search(n)) {
		rc = find_near(v, k, dir, n, found, err);
		if (rc != NEAR_UNKNOWN)
			return rc;
		return find_indexed(v, k, dir, n, found, err);
	}
	return dir == VIEW_FORWARD ? find_forward(v, k, n, found, err) :
	    find_backward(v, k, n, found, err);
}

void
store_view_set_near_rows(struct store_view *v, size_t rows)
{
	v->near_rows = rows;
}

int
store_view_search(struct store_view *v, const struct view_key *from,
    const char *needle, enum view_dir dir, struct view_key *found,
    bool *wrapped, struct error *err)
{
	char *folded = utf8_casefold(needle);
	const struct view_key *start, *restart;
	int rc;

	*wrapped = false;
	if (folded[0] == '\0') {
		free(folded);
		return 0;
	}
	restart = dir == VIEW_FORWARD ? &key_before_all : &key_after_all;
	start = from != NULL ? from : restart;
	rc = find_from(v, start, dir, folded, found, err);
	if (rc == 0 && from != NULL) {
		rc = find_from(v, restart, dir, folded, found, err);
		*wrapped = rc > 0;
	}
	free(folded);
	return rc;
}
