/* store_review.c - review sessions, verdicts and what approval waits for. */
#include "store_int.h"
#include "store_tx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_ack.h"
#include "store_history.h"
#include "store_review.h"
#include "store_users.h"
#include "store_walk.h"
#include "utf8.h"

_Static_assert(TRIGGER_IMPORT == 5, "REVIEW_STALE names the import trigger");

/*
 * True (1) when the verdict of review_item alias i no longer stands: the
 * touchpoint changed after it (a move within its process is no change of
 * the record; verdicts are not changes) or the list was loaded from a
 * file (trigger 5).
 */
#define REVIEW_STALE(i) \
	"(EXISTS (SELECT 1 FROM change_log c WHERE c.record_id = " i \
	".touchpoint_id AND c.id > " i ".log_id AND c.record = 'точка' AND " \
	"c.field NOT IN ('проверка', 'место в процессе')) OR EXISTS (SELECT " \
	"1 FROM change_log c WHERE c.id > " i ".log_id AND c.trigger = 5))"

static const struct {
	const char *code;
	const char *title;
	const char *word;	/* the Russian word a clerk types */
} review_scopes[] = {
	[REVIEW_SCOPE_ALL] = { "all", "все точки", "все" },
	[REVIEW_SCOPE_CHANGED] = { "changed", "изменённые после утверждения",
	    "изменённые" },
	[REVIEW_SCOPE_UNIT] = { "unit", "точки подразделения",
	    "подразделение" },
	[REVIEW_SCOPE_FINDINGS] = { "findings", "точки с замечаниями",
	    "замечания" },
};

static const struct {
	const char *code;
	const char *title;
	const char *word;
} verdicts[VERDICT_COUNT] = {
	[VERDICT_PENDING] = { "pending", "не просмотрена", "не просмотрена" },
	[VERDICT_ACCEPTED] = { "accepted", "принята", "принята" },
	[VERDICT_RETURNED] = { "returned", "возвращена на доработку",
	    "возвращена" },
	[VERDICT_SKIPPED] = { "skipped", "пропущена", "пропущена" },
};

#define NSCOPES (sizeof review_scopes / sizeof review_scopes[0])

const char *
review_scope_code(enum review_scope s)
{
	return (unsigned)s < NSCOPES ? review_scopes[s].code : "?";
}

const char *
review_scope_title(enum review_scope s)
{
	return (unsigned)s < NSCOPES ? review_scopes[s].title : "?";
}

const char *
verdict_code(enum verdict v)
{
	return (unsigned)v < VERDICT_COUNT ? verdicts[v].code : "?";
}

const char *
verdict_title(enum verdict v)
{
	return (unsigned)v < VERDICT_COUNT ? verdicts[v].title : "?";
}

int
review_scope_parse(const char *s)
{
	char *f = utf8_casefold(s);
	int found = -1;

	for (size_t i = 0; i < NSCOPES && found < 0; i++)
		if (strcmp(f, review_scopes[i].code) == 0 ||
		    strcmp(f, review_scopes[i].word) == 0)
			found = (int)i;
	/* "изменённые" folds to "измененные" (ё as е). */
	if (found < 0 && strcmp(f, "измененные") == 0)
		found = REVIEW_SCOPE_CHANGED;
	free(f);
	return found;
}

int
verdict_parse(const char *s)
{
	char *f = utf8_casefold(s);
	int found = -1;

	for (int i = 0; i < VERDICT_COUNT && found < 0; i++)
		if (strcmp(f, verdicts[i].code) == 0 ||
		    strcmp(f, verdicts[i].word) == 0)
			found = i;
	free(f);
	return found;
}

void
review_session_fini(struct review_session *r)
{
	free(r->unit);
	free(r->started_by);
	free(r->started_utc);
	free(r->finished_utc);
	memset(r, 0, sizeof *r);
}

void
review_sessions_fini(struct review_sessions *r)
{
	for (size_t i = 0; i < r->n; i++)
		review_session_fini(&r->v[i]);
	free(r->v);
	memset(r, 0, sizeof *r);
}

void
review_items_fini(struct review_items *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].label);
		free(r->v[i].comment);
		free(r->v[i].login);
		free(r->v[i].at_utc);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

void
review_mark_fini(struct review_mark *m)
{
	free(m->label);
	free(m->comment);
	free(m->login);
	free(m->at_utc);
	memset(m, 0, sizeof *m);
}

void
review_marks_fini(struct review_marks *m)
{
	for (size_t i = 0; i < m->n; i++)
		review_mark_fini(&m->v[i]);
	free(m->v);
	memset(m, 0, sizeof *m);
}

void
review_detail_init(struct review_detail *d)
{
	memset(d, 0, sizeof *d);
	touchpoint_init(&d->tp);
	d->process = xstrdup("");
	findings_init(&d->findings);
	changes_init(&d->changes);
}

void
review_detail_fini(struct review_detail *d)
{
	touchpoint_fini(&d->tp);
	free(d->process);
	findings_fini(&d->findings);
	changes_fini(&d->changes);
	review_mark_fini(&d->standing);
	memset(d, 0, sizeof *d);
}

/* A verdict stored as code; pending for a code this program lacks. */
static enum verdict
review_column_verdict(sqlite3_stmt *st, int col)
{
	int v = verdict_parse((const char *)sqlite3_column_text(st, col));

	return v < 0 ? VERDICT_PENDING : (enum verdict)v;
}

/* "2.3 Почта России" from the columns pnum, tnum, name at col. */
static char *
review_column_label(sqlite3_stmt *st, int col)
{
	return xasprintf("%lld.%lld %s",
	    (long long)sqlite3_column_int64(st, col),
	    (long long)sqlite3_column_int64(st, col + 1),
	    (const char *)sqlite3_column_text(st, col + 2));
}

/* Touchpoint ids, sorted, for membership tests. */
struct review_ids {
	int64_t	*v;
	size_t	 n;
};

/* qsort and bsearch order of ids. */
static int
review_id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Whether id is one of ids (sorted). */
static bool
review_ids_has(const struct review_ids *ids, int64_t id)
{
	return ids->n > 0 && bsearch(&id, ids->v, ids->n, sizeof *ids->v,
	    review_id_cmp) != NULL;
}

/* The touchpoints ch (one process pair's changes) names, into ids (the
 * caller frees ids->v). */
static void
review_changed_in(const struct changes *ch, struct review_ids *ids)
{
	ids->n = 0;
	ids->v = xreallocarray(NULL, ch->n + 1, sizeof *ids->v);
	for (size_t i = 0; i < ch->n; i++)
		if (strcmp(ch->v[i].record, "точка") == 0)
			ids->v[ids->n++] = ch->v[i].record_id;
	qsort(ids->v, ids->n, sizeof *ids->v, review_id_cmp);
}

/* The latest approved revision into *rev (0: none). */
static int
review_latest_revision(struct store *s, int64_t *rev, struct error *err)
{
	struct revision r = { 0 };
	bool found;

	*rev = 0;
	if (store_revision_latest(s, &r, &found, err) != 0)
		return -1;
	if (found)
		*rev = r.id;
	revision_fini(&r);
	return 0;
}

/*
 * Called for each touchpoint a scope takes, in list order, with its
 * numbers as the editor, `tp` and the review's items show them: places
 * among all processes and all the process's touchpoints, excluded ones
 * counted (positions).  The annex's numbers would not do: an excluded
 * touchpoint, whose exclusion review must show, has none.
 */
typedef int (*review_take_fn)(void *ctx, const struct touchpoint *tp,
    size_t pnum, size_t tnum, struct error *err);

/* Choosing a scope's touchpoints, a process (or a process pair) at a
 * time: memory bounded by a process, never the list. */
struct review_pick {
	struct store *s;
	enum review_scope scope;
	const char *unit;
	const struct catalog *cat;
	struct acks acks;	/* REVIEW_SCOPE_FINDINGS: read once */
	struct findings f;	/* of the process at hand */
	bool	*flagged;	/* its touchpoints with a finding to review */
	review_take_fn take;
	void	*ctx;
};

/* REVIEW_SCOPE_FINDINGS: flag p's touchpoints (p the index-th process)
 * with an error or a warning not accepted. */
static void
review_flag_findings(struct review_pick *k, const struct process *p,
    size_t index)
{
	findings_reset(&k->f);
	validate_list_process(p, index, k->cat, &k->f);
	findings_apply_acks(&k->f, &k->acks);
	free(k->flagged);
	k->flagged = xcalloc(p->ntps + 1, sizeof *k->flagged);
	for (size_t i = 0; i < k->f.n; i++) {
		const struct finding *fi = &k->f.v[i];

		if (fi->tp == FINDING_NONE || fi->tp >= p->ntps ||
		    fi->level == LEVEL_HINT ||
		    (fi->level == LEVEL_WARNING && fi->acknowledged))
			continue;
		k->flagged[fi->tp] = true;
	}
}

/* Whether scope all, unit or findings takes touchpoint j of the process
 * at hand. */
static bool
review_takes(const struct review_pick *k, const struct touchpoint *tp,
    size_t j)
{
	switch (k->scope) {
	case REVIEW_SCOPE_ALL:
		return !tp->excluded;
	case REVIEW_SCOPE_UNIT:
		return !tp->excluded && policy_unit_equal(tp->unit, k->unit);
	case REVIEW_SCOPE_FINDINGS:
		return k->flagged[j];
	case REVIEW_SCOPE_CHANGED:
		break;
	}
	return false;
}

/* store_list_each_process's step for scopes all, unit and findings. */
static int
review_pick_process(void *ctx, struct process *p, size_t index,
    struct error *err)
{
	struct review_pick *k = ctx;
	int rc = 0;

	if (k->scope == REVIEW_SCOPE_FINDINGS)
		review_flag_findings(k, p, index);
	for (size_t j = 0; rc == 0 && j < p->ntps; j++)
		if (review_takes(k, &p->tps[j], j))
			rc = k->take(k->ctx, &p->tps[j], index + 1, j + 1,
			    err);
	return rc;
}

/*
 * store_walk's step for scope changed: the new process's touchpoints
 * that its pair's changes name (a touchpoint's changes come with the
 * process that holds it now, as change_diff_lists gives them), those
 * whose standing verdict is "accepted" left out: their change has been
 * checked.
 */
static int
review_pick_changed(void *ctx, struct store_walk *w,
    const struct store_walk_pair *p, struct error *err)
{
	struct review_pick *k = ctx;
	struct review_ids ids;
	int rc = 0;

	(void)w;
	if (p->np == NULL || p->again)
		return 0;
	review_changed_in(p->ch, &ids);
	for (size_t j = 0; rc == 0 && j < p->np->ntps; j++) {
		const struct touchpoint *tp = &p->np->tps[j];
		struct review_mark m = { 0 };

		if (!review_ids_has(&ids, tp->id))
			continue;
		rc = store_review_standing(k->s, tp->id, &m, err);
		if (rc == 0 && m.verdict != VERDICT_ACCEPTED)
			rc = k->take(k->ctx, tp, p->npi + 1, j + 1, err);
		review_mark_fini(&m);
	}
	free(ids.v);
	return rc;
}

/*
 * Give take each touchpoint scope (unit: REVIEW_SCOPE_UNIT's) takes, in
 * list order.  Changed: those that differ from their copy in revision
 * rev (or are not in it) and are not accepted since, rev against the
 * working copy walked a process pair at a time (nothing when rev is 0);
 * the others read the working copy a process at a time.  Inside one
 * snapshot (a transaction, or store_read_begin).
 */
static int
review_each(struct store *s, enum review_scope scope, const char *unit,
    const struct catalog *cat, int64_t rev, review_take_fn take, void *ctx,
    struct error *err)
{
	struct review_pick k;
	int rc = 0;

	memset(&k, 0, sizeof k);
	k.s = s;
	k.scope = scope;
	k.unit = unit;
	k.cat = cat;
	k.take = take;
	k.ctx = ctx;
	acks_init(&k.acks);
	findings_init(&k.f);
	if (scope == REVIEW_SCOPE_CHANGED) {
		if (rev > 0)
			rc = store_walk(s, rev, 0, cat, STORE_WALK_NEW,
			    review_pick_changed, &k, err);
	} else {
		if (scope == REVIEW_SCOPE_FINDINGS)
			rc = store_ack_list(s, &k.acks, err);
		if (rc == 0)
			rc = store_list_each_process(s, 0, review_pick_process,
			    &k, err);
	}
	free(k.flagged);
	findings_fini(&k.f);
	acks_fini(&k.acks);
	return rc;
}

/* "2.3 Почта России"; caller frees. */
static char *
review_label(const struct touchpoint *tp, size_t pnum, size_t tnum)
{
	return xasprintf("%zu.%zu %s", pnum, tnum, tp->name);
}

/* Marks being gathered: review_each's ctx for review_take_mark. */
struct review_marking {
	struct store *s;
	struct review_marks *out;
};

/* review_each's take for a list of marks: the touchpoint with its
 * standing verdict appended. */
static int
review_take_mark(void *ctx, const struct touchpoint *tp, size_t pnum,
    size_t tnum, struct error *err)
{
	struct review_marking *g = ctx;
	struct review_marks *out = g->out;
	struct review_mark m = { 0 };

	if (store_review_standing(g->s, tp->id, &m, err) != 0) {
		review_mark_fini(&m);
		return -1;
	}
	free(m.label);
	m.label = review_label(tp, pnum, tnum);
	out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
	out->v[out->n++] = m;
	return 0;
}

/* The marks of scope's touchpoints from revision rev on, in one
 * snapshot, into out. */
static int
review_marks_of(struct store *s, enum review_scope scope, const char *unit,
    const struct catalog *cat, int64_t rev, struct review_marks *out,
    struct error *err)
{
	struct review_marking g = { s, out };
	bool began;
	int rc;

	if (store_read_begin(s, &began, err) != 0)
		return -1;
	rc = review_each(s, scope, unit, cat, rev, review_take_mark, &g, err);
	store_read_end(s, began);
	return rc;
}

/* Why a scope holds nothing, as the clerk is told. */
static int
review_empty_scope(enum review_scope scope, const char *unit, int64_t rev,
    struct error *err)
{
	switch (scope) {
	case REVIEW_SCOPE_CHANGED:
		if (rev == 0)
			return error_set(err, "перечень ещё не утверждён: "
			    "изменённых после утверждения точек нет; проверьте "
			    "все точки (--scope all)");
		return error_set(err, "после утверждения редакции %lld нет "
		    "изменённых точек, не принятых при проверке: проверять "
		    "нечего", (long long)rev);
	case REVIEW_SCOPE_UNIT:
		return error_set(err, "в перечне нет точек подразделения «%s»",
		    unit);
	case REVIEW_SCOPE_FINDINGS:
		return error_set(err, "точек с ошибками или непринятыми "
		    "предупреждениями нет: проверять нечего");
	case REVIEW_SCOPE_ALL:
		break;
	}
	return error_set(err, "в перечне нет точек взаимодействия: проверять "
	    "нечего");
}

/* Refuse a second unfinished session of the same reviewer. */
static int
review_check_none_open(struct store *s, const char *login,
    struct error *err)
{
	struct review_session r = { 0 };
	bool found;
	int64_t id;
	int rc;

	if (store_review_current(s, login, &id, &found, err) != 0)
		return -1;
	if (!found)
		return 0;
	rc = store_review_get(s, id, &r, err);
	if (rc == 0)
		rc = error_set(err, "у вас есть незавершённая проверка № %lld "
		    "(%zu/%zu): продолжите её или завершите (perechen review "
		    "finish)", (long long)id,
		    r.position < r.total ? r.position + 1 : r.total, r.total);
	review_session_fini(&r);
	return rc;
}


int
store_review_scope(struct store *s, enum review_scope scope, const char *unit,
    const struct catalog *cat, struct review_marks *out, int64_t *rev,
    struct error *err)
{
	if (review_latest_revision(s, rev, err) != 0)
		return -1;
	return review_marks_of(s, scope, unit, cat, *rev, out, err);
}

/* The items being inserted: review_each's ctx for review_take_item. */
struct review_inserting {
	struct store *s;
	sqlite3_stmt *st;	/* INSERT INTO review_item */
	int64_t	 id;		/* the session */
	size_t	 n;
};

/* review_each's take for a new session: the touchpoint as its next
 * item. */
static int
review_take_item(void *ctx, const struct touchpoint *tp, size_t pnum,
    size_t tnum, struct error *err)
{
	struct review_inserting *ins = ctx;
	char *label = review_label(tp, pnum, tnum);
	int rc;

	sqlite3_reset(ins->st);
	sqlite3_bind_int64(ins->st, 1, ins->id);
	sqlite3_bind_int64(ins->st, 2, (int64_t)ins->n);
	sqlite3_bind_int64(ins->st, 3, tp->id);
	store_bind_text(ins->st, 4, label);
	rc = sqlite3_step(ins->st);
	free(label);
	if (rc != SQLITE_DONE)
		return store_fail(ins->s, "запись проверки", err);
	ins->n++;
	return 0;
}

/* Insert the items of session id: the scope's touchpoints, in list
 * order; *n gets how many. */
static int
review_insert_items(struct store *s, int64_t id, enum review_scope scope,
    const char *unit, const struct catalog *cat, int64_t rev, size_t *n,
    struct error *err)
{
	struct review_inserting ins = { s, NULL, id, 0 };
	int rc;

	if (store_prepare(s, &ins.st, "INSERT INTO review_item (session_id, "
	    "pos, touchpoint_id, label) VALUES (?, ?, ?, ?)", err) != 0)
		return -1;
	rc = review_each(s, scope, unit, cat, rev, review_take_item, &ins,
	    err);
	sqlite3_finalize(ins.st);
	*n = ins.n;
	return rc;
}

/* Write the session row and its items; *id gets it. */
static int
review_create(struct store *s, enum review_scope scope, const char *unit,
    const struct catalog *cat, const struct actor *who, int64_t *id,
    struct error *err)
{
	sqlite3_stmt *st;
	int64_t rev = 0;
	size_t n = 0;
	int rc;

	rc = review_latest_revision(s, &rev, err);
	if (rc == 0)
		rc = store_prepare(s, &st, "INSERT INTO review_session (scope, "
		    "unit, revision_id, started_by, started_utc) VALUES (?, ?, "
		    "?, ?, ?)", err);
	if (rc == 0) {
		store_bind_text(st, 1, review_scope_code(scope));
		store_bind_text(st, 2, scope == REVIEW_SCOPE_UNIT ? unit : "");
		sqlite3_bind_int64(st, 3, rev);
		store_bind_text(st, 4, who->login);
		store_bind_text(st, 5, who->now_utc);
		rc = store_step_done(s, st, "запись проверки", err);
	}
	if (rc == 0) {
		*id = sqlite3_last_insert_rowid(s->db);
		rc = review_insert_items(s, *id, scope, unit, cat, rev, &n,
		    err);
	}
	if (rc == 0 && n == 0)
		rc = review_empty_scope(scope, unit, rev, err);
	return rc;
}

int
store_review_start(struct store *s, enum review_scope scope, const char *unit,
    const struct catalog *cat, const struct actor *who, int64_t *id,
    struct error *err)
{
	struct store_tx tx;
	char *u = utf8_squeeze(unit != NULL ? unit : "");
	int rc;

	if ((unsigned)scope >= NSCOPES) {
		free(u);
		return error_set(err, "неизвестный объём проверки");
	}
	if (scope == REVIEW_SCOPE_UNIT && u[0] == '\0') {
		free(u);
		return error_set(err, "укажите подразделение, точки которого "
		    "проверять");
	}
	if (store_tx_begin(&tx, s, who, POLICY_REVIEW, err) != 0) {
		free(u);
		return -1;
	}
	rc = review_check_none_open(s, who->login, err);
	if (rc == 0)
		rc = review_create(s, scope, u, cat, who, id, err);
	free(u);
	return store_tx_end(&tx, rc, err);
}

/* Run a query binding text a (or nothing) that answers one id. */
static int
review_query_id(struct store *s, const char *sql, const char *a, int64_t *id,
    bool *found, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	if (a != NULL)
		store_bind_text(st, 1, a);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение проверок", err);
	return 0;
}

int
store_review_current(struct store *s, const char *login, int64_t *id,
    bool *found, struct error *err)
{
	return review_query_id(s, "SELECT id FROM review_session WHERE "
	    "started_by = ? AND finished_utc = '' ORDER BY id DESC LIMIT 1",
	    login, id, found, err);
}

int
store_review_latest(struct store *s, int64_t *id, bool *found,
    struct error *err)
{
	return review_query_id(s, "SELECT id FROM review_session ORDER BY id "
	    "DESC LIMIT 1", NULL, id, found, err);
}

static const char review_session_columns[] = "SELECT id, scope, unit, "
    "revision_id, started_by, started_utc, finished_utc, position "
    "FROM review_session ";

/* A row of review_session_columns into r. */
static void
review_read_session(sqlite3_stmt *st, struct review_session *r)
{
	int scope = review_scope_parse((const char *)sqlite3_column_text(st,
	    1));

	r->id = sqlite3_column_int64(st, 0);
	r->scope = scope < 0 ? REVIEW_SCOPE_ALL : (enum review_scope)scope;
	r->unit = store_column_text(st, 2);
	r->revision = sqlite3_column_int64(st, 3);
	r->started_by = store_column_text(st, 4);
	r->started_utc = store_column_text(st, 5);
	r->finished_utc = store_column_text(st, 6);
	r->position = (size_t)sqlite3_column_int64(st, 7);
}

/* The items of r per verdict, and their total. */
static int
review_count(struct store *s, struct review_session *r, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(r->count, 0, sizeof r->count);
	r->total = 0;
	if (store_prepare(s, &st, "SELECT verdict, count(*) FROM review_item "
	    "WHERE session_id = ? GROUP BY verdict", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t n = (size_t)sqlite3_column_int64(st, 1);

		r->count[review_column_verdict(st, 0)] += n;
		r->total += n;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение проверки", err);
	if (r->position > r->total)
		r->position = r->total;
	return 0;
}

int
store_review_get(struct store *s, int64_t id, struct review_session *out,
    struct error *err)
{
	char sql[sizeof review_session_columns + 32];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "%sWHERE id = ?", review_session_columns);
	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		review_read_session(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return error_set(err, "проверки № %lld нет", (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(s, "чтение проверки", err);
	return review_count(s, out, err);
}

int
store_review_sessions(struct store *s, struct review_sessions *out,
    struct error *err)
{
	char sql[sizeof review_session_columns + 32];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "%sORDER BY id DESC", review_session_columns);
	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		memset(&out->v[out->n], 0, sizeof *out->v);
		review_read_session(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение проверок", err);
	for (size_t i = 0; i < out->n; i++)
		if (review_count(s, &out->v[i], err) != 0)
			return -1;
	return 0;
}

int
store_review_items(struct store *s, int64_t id, struct review_items *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT i.touchpoint_id, i.label, "
	    "t.id IS NULL, p.pos, t.pos, t.name, i.verdict, i.comment, "
	    "i.login, i.at_utc, i.verdict <> 'pending' AND " REVIEW_STALE("i")
	    " FROM review_item i LEFT JOIN touchpoint t ON t.id = "
	    "i.touchpoint_id LEFT JOIN process p ON p.id = t.process_id "
	    "WHERE i.session_id = ? ORDER BY i.pos", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct review_item *it;

		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		it = &out->v[out->n++];
		it->tp_id = sqlite3_column_int64(st, 0);
		it->gone = sqlite3_column_int(st, 2) != 0;
		it->label = it->gone ? store_column_text(st, 1) :
		    review_column_label(st, 3);
		it->verdict = review_column_verdict(st, 6);
		it->comment = store_column_text(st, 7);
		it->login = store_column_text(st, 8);
		it->at_utc = store_column_text(st, 9);
		it->stale = sqlite3_column_int(st, 10) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение проверки", err);
	return 0;
}

/* Fill m from the columns tp_id, verdict, comment, login, at_utc,
 * session_id at col. */
static void
review_read_mark(sqlite3_stmt *st, int col, struct review_mark *m)
{
	m->tp_id = sqlite3_column_int64(st, col);
	m->verdict = review_column_verdict(st, col + 1);
	m->comment = store_column_text(st, col + 2);
	m->login = store_column_text(st, col + 3);
	m->at_utc = store_column_text(st, col + 4);
	m->session = sqlite3_column_int64(st, col + 5);
}

int
store_review_standing(struct store *s, int64_t tp_id, struct review_mark *m,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	review_mark_fini(m);
	if (store_prepare(s, &st, "SELECT i.touchpoint_id, i.verdict, "
	    "i.comment, i.login, i.at_utc, i.session_id, " REVIEW_STALE("i")
	    " FROM review_item i WHERE i.touchpoint_id = ? AND i.verdict IN "
	    "('accepted', 'returned') ORDER BY i.log_id DESC LIMIT 1",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, tp_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 6) == 0) {
		review_read_mark(st, 0, m);
	} else {
		/* None stands: no verdict yet, or it changed since. */
		m->tp_id = tp_id;
		m->comment = xstrdup("");
		m->login = xstrdup("");
		m->at_utc = xstrdup("");
	}
	m->label = xstrdup("");
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение решений проверки", err);
	return 0;
}

int
store_review_returned(struct store *s, struct review_marks *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT i.touchpoint_id, i.verdict, "
	    "i.comment, i.login, i.at_utc, i.session_id, p.pos, t.pos, t.name "
	    "FROM review_item i JOIN touchpoint t ON t.id = i.touchpoint_id "
	    "JOIN process p ON p.id = t.process_id WHERE i.verdict = "
	    "'returned' AND i.log_id = (SELECT max(j.log_id) FROM review_item "
	    "j WHERE j.touchpoint_id = i.touchpoint_id AND j.verdict IN "
	    "('accepted', 'returned')) AND NOT " REVIEW_STALE("i")
	    " ORDER BY p.pos, t.pos", err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct review_mark *m;

		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		m = &out->v[out->n++];
		memset(m, 0, sizeof *m);
		review_read_mark(st, 0, m);
		m->label = review_column_label(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение решений проверки", err);
	return 0;
}

int
store_review_unaccepted(struct store *s, const struct catalog *cat,
    struct review_marks *out, struct error *err)
{
	int64_t rev;

	/* Before the first approval nothing is a change to review. */
	if (review_latest_revision(s, &rev, err) != 0)
		return -1;
	return review_marks_of(s, REVIEW_SCOPE_CHANGED, "", cat, rev, out,
	    err);
}

/* The gate's walk: review's changed scope, and each process of the
 * working copy handed to each on the way. */
struct review_gate {
	struct review_pick k;
	store_review_each_fn each;
	void	*ctx;
};

static int
review_gate_step(void *ctx, struct store_walk *w,
    const struct store_walk_pair *p, struct error *err)
{
	struct review_gate *g = ctx;

	if (p->np != NULL && !p->again &&
	    g->each(g->ctx, p->np, p->npi, err) != 0)
		return -1;
	return review_pick_changed(&g->k, w, p, err);
}

int
store_review_unaccepted_walk(struct store *s, const struct catalog *cat,
    struct review_marks *out, store_review_each_fn each, void *ctx,
    bool *walked, struct error *err)
{
	struct review_marking mk = { s, out };
	struct review_gate g;
	int64_t rev;
	bool began;
	int rc;

	*walked = false;
	if (review_latest_revision(s, &rev, err) != 0)
		return -1;
	if (rev == 0)
		return 0;
	if (store_read_begin(s, &began, err) != 0)
		return -1;
	memset(&g, 0, sizeof g);
	g.k.s = s;
	g.k.scope = REVIEW_SCOPE_CHANGED;
	g.k.unit = "";
	g.k.cat = cat;
	g.k.take = review_take_mark;
	g.k.ctx = &mk;
	g.each = each;
	g.ctx = ctx;
	rc = store_walk(s, rev, 0, cat, STORE_WALK_NEW, review_gate_step, &g,
	    err);
	store_read_end(s, began);
	*walked = rc == 0;
	return rc;
}

/* The copy of touchpoint id frozen in revision rev into tp (replaced);
 * *found false if the revision lacks it. */
static int
review_frozen_touchpoint(struct store *s, int64_t rev, int64_t id,
    struct touchpoint *tp, bool *found, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT name, coalesce(kind, ''), channel, "
	    "specifics, is_key, basis_type, basis, unit, audience, "
	    "coalesce(max_transfers, -1), coalesce(ack_receipt, -1), excluded, "
	    "exclude_reason FROM rev_touchpoint WHERE revision_id = ? AND "
	    "id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		touchpoint_fini(tp);
		touchpoint_init(tp);
		tp->id = id;
		model_set(&tp->name, (const char *)sqlite3_column_text(st, 0));
		model_set(&tp->kind, (const char *)sqlite3_column_text(st, 1));
		tp->channel = (enum channel)sqlite3_column_int(st, 2);
		model_set(&tp->specifics,
		    (const char *)sqlite3_column_text(st, 3));
		tp->key = sqlite3_column_int(st, 4) != 0;
		tp->basis_type = (enum basis_type)sqlite3_column_int(st, 5);
		model_set(&tp->basis, (const char *)sqlite3_column_text(st, 6));
		model_set(&tp->unit, (const char *)sqlite3_column_text(st, 7));
		tp->audience = (enum audience)sqlite3_column_int(st, 8);
		tp->max_transfers = sqlite3_column_int(st, 9);
		tp->ack_receipt = sqlite3_column_int(st, 10);
		tp->excluded = sqlite3_column_int(st, 11) != 0;
		model_set(&tp->exclude_reason,
		    (const char *)sqlite3_column_text(st, 12));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение редакции", err);
	if (!*found)
		return 0;
	if (store_prepare(s, &st, "SELECT type, value FROM rev_contact WHERE "
	    "revision_id = ? AND touchpoint_id = ? ORDER BY pos", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	sqlite3_bind_int64(st, 2, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		touchpoint_add_contact(tp,
		    (enum contact_type)sqlite3_column_int(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение редакции", err);
	if (store_prepare(s, &st, "SELECT wording, coalesce(category, 0) FROM "
	    "rev_need WHERE revision_id = ? AND touchpoint_id = ? ORDER BY pos",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	sqlite3_bind_int64(st, 2, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		touchpoint_add_need(tp,
		    (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_int(st, 1));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение редакции", err);
	return 0;
}

/* The findings of touchpoint ti of process p (№ pnum), acknowledgements
 * applied, into d. */
static int
review_detail_findings(struct store *s, const struct process *p,
    size_t pnum, size_t ti, const struct catalog *cat,
    struct review_detail *d, struct error *err)
{
	struct acks a;
	int rc;

	if (p->tps[ti].excluded)
		return 0;
	validate_touchpoint_fields(p, pnum - 1, &p->tps[ti], ti, cat,
	    &d->findings);
	validate_touchpoint_in_process(p, pnum - 1, &p->tps[ti], ti,
	    &d->findings);
	acks_init(&a);
	rc = store_ack_list(s, &a, err);
	if (rc == 0)
		findings_apply_acks(&d->findings, &a);
	acks_fini(&a);
	return rc;
}

/* The changes of d->tp since the latest revision into d. */
static int
review_detail_changes(struct store *s, const struct catalog *cat,
    struct review_detail *d, struct error *err)
{
	struct revision r = { 0 };
	struct touchpoint old;
	bool found;
	char *label;
	int rc;

	if (store_revision_latest(s, &r, &found, err) != 0)
		return -1;
	d->revision = found ? r.id : 0;
	revision_fini(&r);
	if (!found)
		return 0;
	touchpoint_init(&old);
	rc = review_frozen_touchpoint(s, d->revision, d->tp.id, &old,
	    &d->in_revision, err);
	if (rc == 0) {
		label = xasprintf("%zu.%zu %s", d->pnum, d->tnum, d->tp.name);
		change_diff_touchpoint(d->in_revision ? &old : NULL, &d->tp,
		    cat, d->proc_id, label, &d->changes);
		free(label);
	}
	touchpoint_fini(&old);
	return rc;
}

int
store_review_detail(struct store *s, int64_t tp_id, const struct catalog *cat,
    struct review_detail *d, struct error *err)
{
	struct process p;
	sqlite3_stmt *st;
	size_t ti = 0;
	int rc;

	review_detail_fini(d);
	review_detail_init(d);
	memset(&p, 0, sizeof p);
	rc = store_touchpoint_load(s, tp_id, &d->tp, &d->proc_id, err);
	if (rc == 0)
		rc = store_process_load(s, d->proc_id, &p, err);
	if (rc == 0)
		rc = store_prepare(s, &st, "SELECT pos FROM process WHERE "
		    "id = ?", err);
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, d->proc_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			d->pnum = (size_t)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (rc == 0) {
		model_set(&d->process, p.name);
		while (ti < p.ntps && p.tps[ti].id != tp_id)
			ti++;
		if (ti == p.ntps)
			rc = error_set(err, "точка взаимодействия удалена "
			    "другим пользователем");
	}
	if (rc == 0) {
		d->tnum = ti + 1;
		rc = review_detail_findings(s, &p, d->pnum, ti, cat, d, err);
	}
	if (rc == 0)
		rc = review_detail_changes(s, cat, d, err);
	if (rc == 0)
		rc = store_review_standing(s, tp_id, &d->standing, err);
	process_fini(&p);
	return rc;
}

/* Session id, refused if it is finished; its row into r. */
static int
review_open_session(struct store *s, int64_t id, struct review_session *r,
    struct error *err)
{
	if (store_review_get(s, id, r, err) != 0)
		return -1;
	if (r->finished_utc[0] != '\0')
		return error_set(err, "проверка № %lld уже завершена; начните "
		    "новую (perechen review start)", (long long)id);
	return 0;
}

/* Store where session id stands: the item to show on resuming. */
static int
review_set_position(struct store *s, int64_t id, size_t position,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "UPDATE review_session SET position = ? "
	    "WHERE id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, (int64_t)position);
	sqlite3_bind_int64(st, 2, id);
	return store_step_done(s, st, "запись проверки", err);
}

/* "проверка № 1: возвращена на доработку — нет телефона"; caller frees;
 * "" for a pending item. */
static char *
review_verdict_text(int64_t session, enum verdict v, const char *comment)
{
	if (v == VERDICT_PENDING)
		return xstrdup("");
	return xasprintf("проверка № %lld: %s%s%s", (long long)session,
	    verdict_title(v), comment[0] != '\0' ? " — " : "", comment);
}

/* The item at index: its touchpoint, verdict and comment, and the
 * touchpoint's label and process now. */
struct review_target {
	int64_t	 tp_id;
	int64_t	 proc_id;
	enum verdict verdict;
	char	*comment;
	char	*label;
};

/* Item index of session id into t; refused if it or its touchpoint is
 * gone. */
static int
review_load_target(struct store *s, int64_t id, size_t index, size_t total,
    struct review_target *t, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT i.touchpoint_id, i.verdict, "
	    "i.comment, i.label, t.id IS NULL, coalesce(t.process_id, 0), "
	    "p.pos, t.pos, t.name FROM review_item i LEFT JOIN touchpoint t ON "
	    "t.id = i.touchpoint_id LEFT JOIN process p ON p.id = t.process_id "
	    "WHERE i.session_id = ? AND i.pos = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)index);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->tp_id = sqlite3_column_int64(st, 0);
		t->verdict = review_column_verdict(st, 1);
		t->comment = store_column_text(st, 2);
		t->proc_id = sqlite3_column_int64(st, 5);
		if (sqlite3_column_int(st, 4) != 0) {
			char *was = store_column_text(st, 3);

			rc = error_set(err, "точки %s больше нет в перечне",
			    was);
			free(was);
		} else {
			t->label = review_column_label(st, 6);
			rc = 0;
		}
	} else if (rc == SQLITE_DONE) {
		rc = error_set(err, "в проверке № %lld нет пункта %zu (всего "
		    "%zu)", (long long)id, index + 1, total);
	} else {
		rc = store_fail(s, "чтение проверки", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Log the verdict on t and store it in the item. */
static int
review_write_verdict(struct store_tx *tx, int64_t id, size_t index,
    const struct review_target *t, enum verdict v, const char *comment,
    struct error *err)
{
	struct store *s = tx->s;
	const struct actor *who = tx->who;
	char *was = review_verdict_text(id, t->verdict, t->comment);
	char *now = review_verdict_text(id, v, comment);
	struct changes ch;
	sqlite3_stmt *st;
	int rc;

	changes_init(&ch);
	changes_add(&ch, "точка", t->tp_id, t->proc_id, t->label, "проверка",
	    was, now, TRIGGER_EDIT);
	rc = store_tx_log(tx, &ch, err);
	if (rc == 0)
		rc = store_prepare(s, &st, "UPDATE review_item SET "
		    "verdict = ?, comment = ?, login = ?, at_utc = ?, "
		    "log_id = ? WHERE session_id = ? AND pos = ?", err);
	if (rc == 0) {
		store_bind_text(st, 1, verdict_code(v));
		store_bind_text(st, 2, comment);
		store_bind_text(st, 3, who->login);
		store_bind_text(st, 4, who->now_utc);
		sqlite3_bind_int64(st, 5, ch.v[0].id);
		sqlite3_bind_int64(st, 6, id);
		sqlite3_bind_int64(st, 7, (int64_t)index);
		rc = store_step_done(s, st, "запись решения проверки", err);
	}
	changes_fini(&ch);
	free(was);
	free(now);
	return rc;
}

/* The newest change of the item's touchpoint (or load of the whole
 * list) after log entry seen, as the refusal names it: "изменил olga
 * 03.12.2026 в 12:04: особенности «…»"; NULL if none.  Caller frees. */
static char *
review_change_after(struct store *s, int64_t tp_id, int64_t seen)
{
	sqlite3_stmt *st;
	char *what = NULL;

	if (sqlite3_prepare_v2(s->db, "SELECT c.login, strftime('%d.%m.%Y', "
	    "c.at_utc, 'localtime'), strftime('%H:%M', c.at_utc, "
	    "'localtime'), c.field, c.new_value FROM change_log c WHERE "
	    "c.id > ?2 AND ((c.record = 'точка' AND c.record_id = ?1 AND "
	    "c.field NOT IN ('проверка', 'место в процессе')) OR "
	    "c.trigger = 5) ORDER BY c.id DESC LIMIT 1", -1, &st,
	    NULL) != SQLITE_OK)
		return xstrdup("изменена");
	sqlite3_bind_int64(st, 1, tp_id);
	sqlite3_bind_int64(st, 2, seen);
	if (sqlite3_step(st) == SQLITE_ROW)
		what = xasprintf("изменил %s %s в %s: %s «%s»",
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
	return what;
}

/* The log entry the item was last shown at (-1: never). */
static int
review_seen_at(struct store *s, int64_t id, size_t index, int64_t *seen,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT seen_log_id FROM review_item WHERE "
	    "session_id = ? AND pos = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)index);
	rc = sqlite3_step(st);
	*seen = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение проверки", err);
	return 0;
}

/* "2.1" of the label "2.1 Почта России". */
static int
review_label_number(const char *label)
{
	const char *sp = strchr(label, ' ');

	return sp != NULL ? (int)(sp - label) : (int)strlen(label);
}

/*
 * Accepting is about the version shown: refuse an item never shown in
 * this session, and one whose touchpoint changed after it was shown,
 * naming who changed what and when.
 */
static int
review_check_seen(struct store *s, int64_t id, size_t index,
    const struct review_target *t, struct error *err)
{
	int n = review_label_number(t->label);
	int64_t seen;
	char *what;

	if (review_seen_at(s, id, index, &seen, err) != 0)
		return -1;
	if (seen < 0)
		return error_set(err, "точку %.*s в этой проверке ещё не "
		    "показывали: посмотрите её (perechen review show) и "
		    "тогда принимайте", n, t->label);
	what = review_change_after(s, t->tp_id, seen);
	if (what == NULL)
		return 0;
	error_set(err, "точку %.*s %s; просмотрите её снова (perechen review "
	    "show)", n, t->label, what);
	free(what);
	return -1;
}

/* A change to open session id by who: the transaction with its role
 * check, the session read into r (zeroed by caller) and refused if it is
 * finished.  -1 leaves nothing open. */
static int
review_begin(struct store_tx *tx, struct store *s, const struct actor *who,
    int64_t id, struct review_session *r, struct error *err)
{
	if (store_tx_begin(tx, s, who, POLICY_REVIEW, err) != 0)
		return -1;
	if (review_open_session(s, id, r, err) == 0)
		return 0;
	review_session_fini(r);
	store_tx_end(tx, -1, err);
	return -1;
}

/* The end of review_begin's change: commit if rc is 0. */
static int
review_end(struct store_tx *tx, struct review_session *r, int rc,
    struct error *err)
{
	review_session_fini(r);
	return store_tx_end(tx, rc, err);
}

int
store_review_seen(struct store *s, int64_t id, size_t index,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct review_session r = { 0 };
	sqlite3_stmt *st;
	int rc;

	if (review_begin(&tx, s, who, id, &r, err) != 0)
		return -1;
	rc = store_prepare(s, &st, "UPDATE review_item SET seen_log_id = "
	    "(SELECT coalesce(max(id), 0) FROM change_log) WHERE session_id = "
	    "? AND pos = ?", err);
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)index);
		rc = store_step_done(s, st, "запись проверки", err);
	}
	return review_end(&tx, &r, rc, err);
}

int
store_review_verdict(struct store *s, int64_t id, size_t index, enum verdict v,
    const char *comment, const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct review_session r = { 0 };
	struct review_target t = { 0 };
	char *text;
	int rc;

	if (v != VERDICT_ACCEPTED && v != VERDICT_RETURNED &&
	    v != VERDICT_SKIPPED)
		return error_set(err, "решение проверки: принять, вернуть на "
		    "доработку или пропустить");
	text = utf8_squeeze(comment != NULL ? comment : "");
	if (v == VERDICT_RETURNED && text[0] == '\0') {
		free(text);
		return error_set(err, "возвращая точку на доработку, напишите, "
		    "что доработать (замечание)");
	}
	if (review_begin(&tx, s, who, id, &r, err) != 0) {
		free(text);
		return -1;
	}
	rc = review_load_target(s, id, index, r.total, &t, err);
	if (rc == 0 && v == VERDICT_ACCEPTED)
		rc = review_check_seen(s, id, index, &t, err);
	if (rc == 0)
		rc = review_write_verdict(&tx, id, index, &t, v, text, err);
	if (rc == 0)
		rc = review_set_position(s, id, index + 1, err);
	free(t.comment);
	free(t.label);
	free(text);
	return review_end(&tx, &r, rc, err);
}

int
store_review_seek(struct store *s, int64_t id, size_t position,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct review_session r = { 0 };
	int rc;

	if (review_begin(&tx, s, who, id, &r, err) != 0)
		return -1;
	rc = review_set_position(s, id, position < r.total ? position :
	    r.total, err);
	return review_end(&tx, &r, rc, err);
}

int
store_review_finish(struct store *s, int64_t id, const struct actor *who,
    struct error *err)
{
	struct store_tx tx;
	struct review_session r = { 0 };
	sqlite3_stmt *st;
	int rc;

	if (review_begin(&tx, s, who, id, &r, err) != 0)
		return -1;
	rc = store_prepare(s, &st, "UPDATE review_session SET finished_utc = "
	    "? WHERE id = ?", err);
	if (rc == 0) {
		store_bind_text(st, 1, who->now_utc);
		sqlite3_bind_int64(st, 2, id);
		rc = store_step_done(s, st, "завершение проверки", err);
	}
	return review_end(&tx, &r, rc, err);
}
