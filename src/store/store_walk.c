/*
 * store_walk.c - two versions compared a process pair at a time
 * (store_walk.h): the processes' ids and printed numbers held, one
 * process of each version read by id, a touchpoint outside the pair
 * looked up by its primary key.
 */
#include "store_walk.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* A process of one version: its place in the list and in the annex. */
struct walk_proc {
	int64_t	 id;
	size_t	 place;
	size_t	 num;		/* printed number; 0: not printed */
};

/* One version of the walk. */
struct walk_side {
	int64_t	 rev;		/* 0: the working copy */
	struct walk_proc *order;	/* in list order */
	struct walk_proc *byid;		/* the same sorted by id */
	size_t	 n;
	size_t	 printed;	/* processes the annex prints */
	/* the pair's process, its touchpoints sorted by id */
	struct touchpoint **ix;
	size_t	 nix;
	struct process found;	/* a touchpoint read by id */
	sqlite3_stmt *where;	/* a touchpoint's exclusion and its
				   process's, by id */
};

struct store_walk {
	struct store *s;
	const struct catalog *cat;
	struct walk_side side[2];	/* old, new */
	struct changes ch;
	store_walk_fn fn;
	void	*ctx;
	int	 rc;		/* a lookup's failure inside a step */
	struct error *err;
};

/*
 * Where touchpoint ?2 is in a version and whether the annex prints it:
 * one row by primary key, its process by primary key.
 */
static const char *const where_sql[2] = {
	"SELECT t.excluded, p.excluded FROM touchpoint t "
	"JOIN process p ON p.id = t.process_id WHERE t.id = ?2",
	"SELECT t.excluded, p.excluded FROM rev_touchpoint t "
	"JOIN rev_process p ON p.revision_id = t.revision_id AND "
	"p.id = t.process_id WHERE t.revision_id = ?1 AND t.id = ?2",
};

static int
proc_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct walk_proc *)a)->id;
	int64_t y = ((const struct walk_proc *)b)->id;

	return (x > y) - (x < y);
}

static int
tp_cmp(const void *a, const void *b)
{
	int64_t x = (*(struct touchpoint *const *)a)->id;
	int64_t y = (*(struct touchpoint *const *)b)->id;

	return (x > y) - (x < y);
}

/* The processes of version rev, numbered, into side k. */
static int
side_open(struct store_walk *w, int k, int64_t rev, struct error *err)
{
	struct walk_side *sd = &w->side[k];
	int64_t *ids = NULL;
	bool *excluded = NULL;
	int rc;

	sd->rev = rev;
	rc = store_list_processes_excluded(w->s, rev, &ids, &excluded, &sd->n,
	    err);
	if (rc == 0)
		rc = store_prepare(w->s, &sd->where, where_sql[rev > 0], err);
	if (rc == 0) {
		sd->order = xreallocarray(NULL, sd->n + 1, sizeof *sd->order);
		sd->byid = xreallocarray(NULL, sd->n + 1, sizeof *sd->byid);
		for (size_t i = 0; i < sd->n; i++) {
			sd->order[i].id = ids[i];
			sd->order[i].place = i;
			sd->order[i].num = excluded[i] ? 0 : ++sd->printed;
			sd->byid[i] = sd->order[i];
		}
		qsort(sd->byid, sd->n, sizeof *sd->byid, proc_cmp);
		sqlite3_bind_int64(sd->where, 1, rev);
	}
	free(ids);
	free(excluded);
	return rc;
}

static void
side_close(struct walk_side *sd)
{
	sqlite3_finalize(sd->where);
	free(sd->order);
	free(sd->byid);
	free(sd->ix);
	process_fini(&sd->found);
	memset(sd, 0, sizeof *sd);
}

/* The process id of side sd, or NULL. */
static const struct walk_proc *
side_find(const struct walk_side *sd, int64_t id)
{
	struct walk_proc key = { id, 0, 0 };

	return bsearch(&key, sd->byid, sd->n, sizeof *sd->byid, proc_cmp);
}

/* p (may be NULL) as the pair's process of sd. */
static void
side_hold(struct walk_side *sd, const struct process *p)
{
	sd->nix = p != NULL ? p->ntps : 0;
	sd->ix = xreallocarray(NULL, sd->nix + 1, sizeof *sd->ix);
	for (size_t j = 0; j < sd->nix; j++)
		sd->ix[j] = &p->tps[j];
	qsort(sd->ix, sd->nix, sizeof *sd->ix, tp_cmp);
}

static void
side_let_go(struct walk_side *sd)
{
	free(sd->ix);
	sd->ix = NULL;
	sd->nix = 0;
	process_fini(&sd->found);
}

/* Touchpoint id among the pair's process of sd, or NULL. */
static const struct touchpoint *
side_local(const struct walk_side *sd, int64_t id)
{
	struct touchpoint key, *kp = &key, *const *hit;

	key.id = id;
	hit = bsearch(&kp, sd->ix, sd->nix, sizeof *sd->ix, tp_cmp);
	return hit != NULL ? *hit : NULL;
}

/* Whether side k's version has touchpoint id, and prints it. */
static int
side_where(struct store_walk *w, int k, int64_t id, bool *found,
    bool *printed, struct error *err)
{
	sqlite3_stmt *st = w->side[k].where;
	int rc;

	*found = *printed = false;
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		*printed = sqlite3_column_int(st, 0) == 0 &&
		    sqlite3_column_int(st, 1) == 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(w->s, "чтение перечня", err);
	return 0;
}

int
store_walk_touchpoint(struct store_walk *w, bool new_side, int64_t id,
    const struct touchpoint **tp, struct error *err)
{
	struct walk_side *sd = &w->side[new_side];
	bool found;

	*tp = side_local(sd, id);
	if (*tp != NULL)
		return 0;
	process_fini(&sd->found);
	if (store_list_touchpoint(w->s, sd->rev, id, &sd->found, &found,
	    err) != 0)
		return -1;
	*tp = found ? &sd->found.tps[0] : NULL;
	return 0;
}

/* change_lookup's: a failure is kept for the step to return. */
static const struct touchpoint *
walk_old_tp(void *ctx, int64_t id)
{
	struct store_walk *w = ctx;
	const struct touchpoint *tp = NULL;

	if (w->rc == 0 && store_walk_touchpoint(w, false, id, &tp,
	    w->err) != 0)
		w->rc = -1;
	return tp;
}

static bool
walk_new_has(void *ctx, int64_t id)
{
	struct store_walk *w = ctx;
	bool found = false, printed;

	if (side_local(&w->side[1], id) != NULL)
		return true;
	if (w->rc == 0 && side_where(w, 1, id, &found, &printed, w->err) != 0)
		w->rc = -1;
	return found;
}

/* Process id of side k read whole into *p (process_fini). */
static int
walk_read(struct store_walk *w, int k, int64_t id, struct process *p,
    struct error *err)
{
	bool found;

	if (store_list_process(w->s, w->side[k].rev, id, p, &found, err) != 0)
		return -1;
	if (!found)
		return error_set(err, "процесс %lld пропал из перечня при "
		    "чтении", (long long)id);
	return 0;
}

/* One pair: its changes (none when again), fn, then all let go. */
static int
walk_pair(struct store_walk *w, const struct process *op, size_t opi,
    const struct process *np, size_t npi, bool again, struct error *err)
{
	struct change_lookup lk = { walk_old_tp, walk_new_has, w };
	struct store_walk_pair p;
	int rc;

	memset(&p, 0, sizeof p);
	p.op = op;
	p.np = np;
	p.opi = opi;
	p.npi = npi;
	p.op_num = op != NULL ? w->side[0].order[opi].num : 0;
	p.np_num = np != NULL ? w->side[1].order[npi].num : 0;
	p.again = again;
	p.ch = &w->ch;
	side_hold(&w->side[0], op);
	side_hold(&w->side[1], np);
	if (!again && np != NULL)
		change_diff_step(op, opi, np, npi, w->cat, &lk, &w->ch);
	else if (!again)
		change_diff_gone(op, opi, &lk, &w->ch);
	rc = w->rc != 0 ? -1 : w->fn(w->ctx, w, &p, err);
	if (rc == 0 && w->rc != 0)
		rc = -1;
	changes_fini(&w->ch);
	changes_init(&w->ch);
	side_let_go(&w->side[0]);
	side_let_go(&w->side[1]);
	return rc;
}

/* Process p, the index-th of side k (the side walked), with its self of
 * the other side. */
static int
walk_step(struct store_walk *w, int k, struct process *p, size_t index,
    struct error *err)
{
	const struct walk_proc *o = side_find(&w->side[!k], p->id);
	const struct process *self = NULL;
	size_t at = o != NULL ? o->place : 0;
	struct process other;
	int rc;

	memset(&other, 0, sizeof other);
	if (o != NULL && walk_read(w, !k, p->id, &other, err) != 0)
		return -1;
	if (o != NULL)
		self = &other;
	rc = k == 1 ? walk_pair(w, self, at, p, index, false, err) :
	    walk_pair(w, p, index, self, at, false, err);
	process_fini(&other);
	return rc;
}

/* STORE_WALK_NEW: a new process with its old self. */
static int
walk_new_step(void *ctx, struct process *np, size_t index,
    struct error *err)
{
	return walk_step(ctx, 1, np, index, err);
}

/* STORE_WALK_OLD: an old process with its new self. */
static int
walk_old_step(void *ctx, struct process *op, size_t index,
    struct error *err)
{
	return walk_step(ctx, 0, op, index, err);
}

/* After the walk of side k: its processes the other side lacks (and,
 * for the new side, those the old one has but does not print while it
 * does: again), read by id. */
static int
walk_rest(struct store_walk *w, int k, struct error *err)
{
	const struct walk_side *sd = &w->side[k];
	int rc = 0;

	for (size_t i = 0; i < sd->n && rc == 0; i++) {
		const struct walk_proc *other = side_find(&w->side[!k],
		    sd->order[i].id);
		bool again = other != NULL && k == 1 && other->num == 0 &&
		    sd->order[i].num > 0;
		struct process p;

		if (other != NULL && !again)
			continue;
		memset(&p, 0, sizeof p);
		rc = walk_read(w, k, sd->order[i].id, &p, err);
		if (rc == 0)
			rc = k == 0 ? walk_pair(w, &p, i, NULL, 0, false, err) :
			    walk_pair(w, NULL, 0, &p, i, again, err);
		process_fini(&p);
	}
	return rc;
}

static int
walk_open(struct store_walk *w, struct store *s, int64_t old_rev,
    int64_t new_rev, const struct catalog *cat, struct error *err)
{
	memset(w, 0, sizeof *w);
	w->s = s;
	w->cat = cat;
	w->err = err;
	changes_init(&w->ch);
	return side_open(w, 0, old_rev, err) != 0 ||
	    side_open(w, 1, new_rev, err) != 0 ? -1 : 0;
}

static int
walk_run(struct store_walk *w, enum store_walk_order order, store_walk_fn fn,
    void *ctx, struct error *err)
{
	bool by_new = order == STORE_WALK_NEW;

	w->fn = fn;
	w->ctx = ctx;
	if (store_list_each_process(w->s, w->side[by_new].rev, by_new ?
	    walk_new_step : walk_old_step, w, err) != 0)
		return -1;
	return walk_rest(w, by_new ? 0 : 1, err);
}

static void
walk_close(struct store_walk *w)
{
	side_close(&w->side[0]);
	side_close(&w->side[1]);
	changes_fini(&w->ch);
}

int
store_walk(struct store *s, int64_t old_rev, int64_t new_rev,
    const struct catalog *cat, enum store_walk_order order, store_walk_fn fn,
    void *ctx, struct error *err)
{
	struct store_walk w;
	int rc;

	rc = walk_open(&w, s, old_rev, new_rev, cat, err);
	if (rc == 0)
		rc = walk_run(&w, order, fn, ctx, err);
	walk_close(&w);
	return rc;
}

/* The rows version rev prints: counted once, before the sub-items, for
 * the choice to restate the list. */
static int
walk_rows_printed(struct store *s, int64_t rev, size_t *n, struct error *err)
{
	static const char *const sql[2] = {
		"SELECT count(*) FROM touchpoint t JOIN process p "
		"ON p.id = t.process_id WHERE t.excluded = 0 AND "
		"p.excluded = 0",
		"SELECT count(*) FROM rev_touchpoint t JOIN rev_process p "
		"ON p.revision_id = t.revision_id AND p.id = t.process_id "
		"WHERE t.revision_id = ?1 AND t.excluded = 0 AND "
		"p.excluded = 0",
	};
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, sql[rev > 0], err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "чтение перечня", err);
	return 0;
}

/* The amending order made on the walk. */
struct walk_amend {
	struct amend *a;
	const struct amend_style *st;
	size_t	 nchanges;
};

/* amend_lookup's: whether a version prints a touchpoint the pair does
 * not hold. */
static bool
walk_printed(void *ctx, bool new_side, int64_t id)
{
	struct store_walk *w = ctx;
	bool found, printed = false;

	if (w->rc == 0 && side_where(w, new_side, id, &found, &printed,
	    w->err) != 0)
		w->rc = -1;
	return printed;
}

static int
walk_amend_pair(void *ctx, struct store_walk *w,
    const struct store_walk_pair *p, struct error *err)
{
	struct walk_amend *wa = ctx;
	struct amend_lookup lk = { walk_printed, w };
	const struct process *op = p->op_num > 0 ? p->op : NULL;
	const struct process *np = p->np_num > 0 ? p->np : NULL;

	(void)err;
	wa->nchanges += p->ch->n;
	/* An old process not printed: its new self, if printed, comes
	 * again after the old ones, where the order adds it. */
	if (op == NULL && (np == NULL || p->op != NULL))
		return 0;
	amend_step(wa->a, op, p->op_num, np, p->np_num, p->ch, &lk, wa->st);
	return w->rc;
}

int
store_walk_amend(struct store *s, int64_t old_rev, int64_t new_rev,
    const struct catalog *cat, const struct amend_style *st,
    struct amend *a, size_t *nchanges, struct error *err)
{
	struct walk_amend wa = { a, st, 0 };
	struct store_walk w;
	size_t rows = 0;
	int rc;

	rc = walk_rows_printed(s, old_rev, &rows, err);
	if (rc == 0)
		rc = walk_open(&w, s, old_rev, new_rev, cat, err);
	else
		memset(&w, 0, sizeof w);
	amend_begin(a, rows, w.side[0].printed);
	if (rc == 0)
		rc = walk_run(&w, STORE_WALK_OLD, walk_amend_pair, &wa, err);
	amend_end(a);
	walk_close(&w);
	*nchanges = wa.nchanges;
	return rc;
}
