/*
 * test_store_walk.c - the two versions walked a process pair at a time
 * give what the whole lists give: the amending order's sub-items, the
 * totals and the choice to restate (store_walk_amend against amend_build
 * over both lists loaded), and diff --summary's changes in
 * change_diff_lists's order.
 *
 * A small list is approved and edited at random, many times over.  The
 * edits are made in SQL so that every shape the store may hold is
 * reached, a touchpoint moved to another process (which no command
 * makes) among them; a failure names the seed that made it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/store_int.h"
#include "amend.h"
#include "change.h"
#include "store.h"
#include "store_history.h"
#include "store_review.h"
#include "store_walk.h"
#include "catalog_fixture.h"
#include "header_fixture.h"
#include "store_scratch.h"
#include "list_fixture.h"

#define ROUNDS		60
#define EDITS_MAX	4

static const struct actor who = { "clerk", "2026-11-29T10:00:00Z" };
static const struct amend_style plain = { false, false, "", "", "" };
static const char *const words[] = {
	"Официальный сайт", "Телефонная связь", "Почта России",
	"Электронная почта", "Личный приём", "Чат-бот",
};
#define NWORDS	(sizeof words / sizeof words[0])

static unsigned seed;

/* 3 to 5 processes of 0 to 5 touchpoints, each with a need and a
 * contact; now and then one excluded. */
static void
build_random(struct list *l)
{
	int nprocs = 3 + rand() % 3;

	for (int p = 0; p < nprocs; p++) {
		char name[64];
		struct process *pr;
		int ntps = 1 + rand() % 5;

		snprintf(name, sizeof name, "Процесс %d", p + 1);
		pr = list_add_process(l, name);
		pr->excluded = rand() % 10 == 0;
		if (pr->excluded)
			model_set(&pr->exclude_reason, "не ведётся");
		for (int t = 0; t < ntps; t++) {
			struct touchpoint *tp = process_add_touchpoint(pr,
			    words[rand() % NWORDS]);

			tp->channel = CHANNEL_DIGITAL;
			model_set(&tp->kind, "site");
			tp->excluded = rand() % 10 == 0;
			touchpoint_add_need(tp, "получение информации", 1);
			touchpoint_add_contact(tp, CONTACT_URL,
			    "https://example.ru/");
		}
	}
}

/* Run sql with ?1, ?2 bound to a, b and ?3 to text, those it has. */
static void
run(struct store *st, const char *sql, int64_t a, int64_t b,
    const char *text)
{
	int n;
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(st->db));
	n = sqlite3_bind_parameter_count(s);
	if (n >= 1)
		sqlite3_bind_int64(s, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(s, 2, b);
	if (n >= 3)
		sqlite3_bind_text(s, 3, text, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
}

/* The id of a random row of table (touchpoint or process); 0 if none. */
static int64_t
pick(struct store *st, const char *table)
{
	char sql[128];
	sqlite3_stmt *s;
	int64_t n = 0, id = 0;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL),
	    SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (n == 0)
		return 0;
	snprintf(sql, sizeof sql, "SELECT id FROM %s ORDER BY id LIMIT 1 "
	    "OFFSET ?1", table);
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(s, 1, rand() % n);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return id;
}

/* One random edit of the working copy. */
static void
edit_once(struct store *st)
{
	int64_t tp = pick(st, "touchpoint"), pr = pick(st, "process");
	const char *w = words[rand() % NWORDS];
	int what = rand() % 12;

	/* Every process gone: one comes. */
	switch (pr == 0 ? 8 : what) {
	case 0:
		run(st, "UPDATE touchpoint SET name = ?3 WHERE id = ?1", tp, 0, w);
		break;
	case 1:
		run(st, "UPDATE need SET wording = ?3 WHERE touchpoint_id = ?1",
		    tp, 0, "получение консультации");
		break;
	case 2:
		run(st, "UPDATE touchpoint SET excluded = 1 - excluded "
		    "WHERE id = ?1", tp, 0, NULL);
		break;
	case 3:
		run(st, "UPDATE process SET excluded = 1 - excluded "
		    "WHERE id = ?1", pr, 0, NULL);
		break;
	case 4:
		run(st, "INSERT INTO touchpoint (process_id, pos, name, kind, "
		    "channel) SELECT ?1, coalesce(max(pos), 0) + 1, ?3, "
		    "'site', 1 FROM touchpoint WHERE process_id = ?1", pr, 0, w);
		break;
	case 5:
		run(st, "DELETE FROM touchpoint WHERE id = ?1", tp, 0, NULL);
		break;
	case 6:		/* to the top of its process */
		run(st, "UPDATE touchpoint SET pos = -1 - ?2 WHERE id = ?1",
		    tp, rand() % 3, NULL);
		break;
	case 7:		/* into another process, at its end */
		run(st, "UPDATE touchpoint SET process_id = ?2, pos = 1000 "
		    "WHERE id = ?1", tp, pr, NULL);
		break;
	case 8:
		run(st, "INSERT INTO process (pos, name) SELECT "
		    "coalesce(max(pos), 0) + 1, ?3 FROM process", 0, 0, "Новый процесс");
		run(st, "INSERT INTO touchpoint (process_id, pos, name, kind, "
		    "channel) SELECT max(id), 1, ?3, 'site', 1 FROM process", 0,
		    0, w);
		break;
	case 9:
		run(st, "DELETE FROM process WHERE id = ?1", pr, 0, NULL);
		break;
	case 10:
		run(st, "UPDATE process SET name = ?3 WHERE id = ?1", pr, 0,
		    "Консультирование");
		break;
	default:	/* to the top of the list */
		run(st, "UPDATE process SET pos = -1 - ?2 WHERE id = ?1", pr,
		    rand() % 3, NULL);
		break;
	}
}

static void
approve(struct store *st, const char *no, bool *done)
{
	struct store_approval_request rq = { no, "2026-11-30",
	    { true, true }, NULL, NULL };
	struct store_approval_gate g;
	int64_t rev;
	struct error err;

	store_approval_gate_init(&g);
	*done = store_revision_approve_checked(st, &rq, &who, &g, &rev,
	    &err) == 0;
	store_approval_gate_fini(&g);
}

static void
same_change(const struct change *a, const struct change *b)
{
	assert_string_equal(a->record, b->record);
	assert_int_equal(a->record_id, b->record_id);
	assert_int_equal(a->process_id, b->process_id);
	assert_string_equal(a->label, b->label);
	assert_string_equal(a->field, b->field);
	assert_string_equal(a->old_value, b->old_value);
	assert_string_equal(a->new_value, b->new_value);
	assert_int_equal(a->trigger, b->trigger);
}

/* The changes of the walk's pairs, with the touchpoints it finds. */
struct collected {
	struct changes ch;
	struct store *st;
	int64_t	 rev[2];	/* old, new */
};

/* store_walk_touchpoint finds, in the pair or out of it, what the
 * version holds under id. */
static void
same_touchpoint(struct store_walk *w, struct collected *c, bool new_side,
    int64_t id)
{
	const struct touchpoint *got = NULL;
	struct process want;
	bool found = false;
	struct error err;

	memset(&want, 0, sizeof want);
	if (store_walk_touchpoint(w, new_side, id, &got, &err) != 0 ||
	    store_list_touchpoint(c->st, c->rev[new_side], id, &want, &found,
	    &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(got != NULL, found);
	if (got != NULL) {
		assert_int_equal(got->id, id);
		assert_string_equal(got->name, want.tps[0].name);
		assert_int_equal(got->excluded, want.tps[0].excluded);
	}
	process_fini(&want);
}

static int
collect(void *ctx, struct store_walk *w, const struct store_walk_pair *p,
    struct error *err)
{
	struct collected *c = ctx;

	(void)err;
	assert_false(p->again);
	for (size_t i = 0; i < p->ch->n; i++) {
		const struct change *x = &p->ch->v[i];

		changes_add(&c->ch, x->record, x->record_id, x->process_id,
		    x->label, x->field, x->old_value, x->new_value, x->trigger);
		if (strcmp(x->record, "точка") == 0) {
			same_touchpoint(w, c, false, x->record_id);
			same_touchpoint(w, c, true, x->record_id);
		}
	}
	return 0;
}

/* Revision rev against version to (0: the working copy): the walk and
 * the whole lists agree.  Counts the drafts: worded[0] with sub-items,
 * worded[1] restating the list. */
static void
compare(struct store *st, const struct catalog *cat, int64_t rev,
    int64_t to, size_t worded[2])
{
	struct list old, new;
	struct changes ch;
	struct amend whole, walked;
	struct collected c;
	size_t nchanges = 0;
	struct error err;
	bool began;

	list_init(&old);
	list_init(&new);
	changes_init(&ch);
	changes_init(&c.ch);
	c.st = st;
	c.rev[0] = rev;
	c.rev[1] = to;
	assert_int_equal(store_read_begin(st, &began, &err), 0);
	if (store_list_load(st, rev, &old, &err) != 0 ||
	    store_list_load(st, to, &new, &err) != 0 ||
	    store_walk_amend(st, rev, to, cat, &plain, &walked, &nchanges,
	    &err) != 0 ||
	    store_walk(st, rev, to, cat, STORE_WALK_NEW, collect, &c,
	    &err) != 0)
		fail_msg("seed %u: %s", seed, err.msg);
	store_read_end(st, began);
	change_diff_lists(&old, &new, cat, &ch);
	amend_build(&old, &new, &ch, &plain, &whole);
	assert_int_equal(nchanges, ch.n);
	assert_int_equal(c.ch.n, ch.n);
	for (size_t i = 0; i < ch.n; i++)
		same_change(&c.ch.v[i], &ch.v[i]);
	assert_int_equal(walked.rows_old, whole.rows_old);
	assert_int_equal(walked.rows_changed, whole.rows_changed);
	assert_int_equal(walked.moved, whole.moved);
	assert_int_equal(walked.restate, whole.restate);
	assert_int_equal(walked.items.n, whole.items.n);
	for (size_t i = 0; i < whole.items.n; i++)
		assert_string_equal(walked.items.v[i], whole.items.v[i]);
	/* A restated list keeps no sub-items, on either path. */
	if (whole.restate)
		assert_int_equal(walked.items.n, 0);
	worded[0] += whole.items.n > 0;
	worded[1] += whole.restate;
	amend_fini(&whole);
	amend_fini(&walked);
	changes_fini(&ch);
	changes_fini(&c.ch);
	list_fini(&old);
	list_fini(&new);
}

/* A round's list, made at random from seed s. */
static void
round_open(unsigned s, const char *tag, struct store **st, char *path,
    size_t len, struct catalog *cat)
{
	seed = s;
	srand(seed);
	open_with_list(st, path, len, tag, cat, build_random, &who);
}

static void
round_close(struct store *st, const char *path, struct catalog *cat)
{
	store_close(st);
	scratch_remove(path);
	catalog_fini(cat);
}

static void
walk_gives_what_the_whole_lists_give(void **state)
{
	size_t worded[2] = { 0, 0 }, between = 0;

	(void)state;
	for (int round = 0; round < ROUNDS; round++) {
		char path[64];
		struct catalog cat;
		struct store *st;
		bool done;

		round_open(1000u + (unsigned)round, "walk", &st, path,
		    sizeof path, &cat);
		approve(st, "1", &done);
		if (!done) {	/* R1: an empty process; no revision */
			round_close(st, path, &cat);
			continue;
		}
		for (int k = 0; k < 3; k++) {
			for (int e = 1 + rand() % EDITS_MAX; e > 0; e--)
				edit_once(st);
			compare(st, &cat, 1, 0, worded);
		}
		approve(st, "2", &done);
		if (done) {
			compare(st, &cat, 1, 2, worded);
			between++;
		}
		round_close(st, path, &cat);
	}
	/* The rounds reach both kinds of draft, and a revision against
	 * another. */
	assert_true(worded[0] > ROUNDS / 2);
	assert_true(worded[1] > ROUNDS / 4);
	assert_true(between > 0);
}

/*
 * Review's scopes computed as they were before the walk, from the lists
 * loaded whole: the touchpoints change_diff_lists names that no standing
 * verdict accepted (changed), or those not excluded (all), of a unit, or
 * with an error or a warning not acknowledged (findings); in list order,
 * labelled by their places.
 */
static void
whole_scope(struct store *st, const struct catalog *cat,
    enum review_scope scope, const char *unit, struct review_marks *out)
{
	struct revision r = { 0 };
	struct list old, now;
	struct changes ch;
	struct findings f;
	bool found;
	struct error err;

	list_init(&old);
	list_init(&now);
	changes_init(&ch);
	findings_init(&f);
	if (store_revision_latest(st, &r, &found, &err) != 0 ||
	    store_list_load(st, 0, &now, &err) != 0 || (found &&
	    store_list_load(st, r.id, &old, &err) != 0))
		fail_msg("seed %u: %s", seed, err.msg);
	if (found)
		change_diff_lists(&old, &now, cat, &ch);
	validate_list(&now, cat, &f);
	for (size_t i = 0; i < now.nprocs; i++)
		for (size_t j = 0; j < now.procs[i].ntps; j++) {
			const struct touchpoint *tp = &now.procs[i].tps[j];
			struct review_mark m = { 0 };
			bool takes = false;

			for (size_t c = 0; scope == REVIEW_SCOPE_CHANGED &&
			    c < ch.n; c++)
				takes |= strcmp(ch.v[c].record, "точка") == 0 &&
				    ch.v[c].record_id == tp->id;
			for (size_t c = 0; scope == REVIEW_SCOPE_FINDINGS &&
			    c < f.n; c++)
				takes |= f.v[c].tp_id == tp->id &&
				    f.v[c].level != LEVEL_HINT;
			if (scope == REVIEW_SCOPE_ALL)
				takes = !tp->excluded;
			if (scope == REVIEW_SCOPE_UNIT)
				takes = !tp->excluded &&
				    policy_unit_equal(tp->unit, unit);
			if (!takes)
				continue;
			if (store_review_standing(st, tp->id, &m, &err) != 0)
				fail_msg("seed %u: %s", seed, err.msg);
			if (scope == REVIEW_SCOPE_CHANGED &&
			    m.verdict == VERDICT_ACCEPTED) {
				review_mark_fini(&m);
				continue;
			}
			free(m.label);
			m.label = xasprintf("%zu.%zu %s", i + 1, j + 1,
			    tp->name);
			out->v = xreallocarray(out->v, out->n + 1,
			    sizeof *out->v);
			out->v[out->n++] = m;
		}
	revision_fini(&r);
	findings_fini(&f);
	changes_fini(&ch);
	list_fini(&old);
	list_fini(&now);
}

static void
same_marks(const struct review_marks *got, const struct review_marks *want)
{
	if (got->n != want->n)
		fail_msg("seed %u: %zu touchpoints, not %zu", seed, got->n,
		    want->n);
	for (size_t i = 0; i < want->n; i++) {
		assert_int_equal(got->v[i].tp_id, want->v[i].tp_id);
		assert_string_equal(got->v[i].label, want->v[i].label);
		assert_int_equal(got->v[i].verdict, want->v[i].verdict);
		assert_string_equal(got->v[i].comment, want->v[i].comment);
	}
}

/* Every scope, and what approval waits for, as chosen from the whole
 * lists; a session started on a scope takes the same touchpoints. */
static void
compare_review(struct store *st, const struct catalog *cat, size_t *held)
{
	struct error err;

	for (int k = 0; k < 4; k++) {
		enum review_scope scope = (enum review_scope)k;
		const char *unit = scope == REVIEW_SCOPE_UNIT ? "отдел А" : "";
		struct review_marks got = { 0 }, want = { 0 };
		struct review_items items = { 0 };
		int64_t rev, id;

		whole_scope(st, cat, scope, unit, &want);
		if (store_review_scope(st, scope, unit, cat, &got, &rev,
		    &err) != 0)
			fail_msg("seed %u: %s", seed, err.msg);
		same_marks(&got, &want);
		if (scope == REVIEW_SCOPE_CHANGED) {
			review_marks_fini(&got);
			if (store_review_unaccepted(st, cat, &got, &err) != 0)
				fail_msg("seed %u: %s", seed, err.msg);
			same_marks(&got, &want);
			*held += want.n;
		}
		if (store_review_start(st, scope, unit, cat, &who, &id,
		    &err) == 0) {
			assert_int_equal(store_review_items(st, id, &items,
			    &err), 0);
			assert_int_equal(items.n, want.n);
			for (size_t i = 0; i < items.n; i++)
				assert_int_equal(items.v[i].tp_id,
				    want.v[i].tp_id);
			assert_int_equal(store_review_finish(st, id, &who,
			    &err), 0);
		} else if (want.n != 0) {
			fail_msg("seed %u: %s", seed, err.msg);
		}
		review_items_fini(&items);
		review_marks_fini(&got);
		review_marks_fini(&want);
	}
}

/* A session of the changed touchpoints with a random verdict on each:
 * accepted, returned, skipped or none. */
static void
review_at_random(struct store *st, const struct catalog *cat)
{
	struct review_session r = { 0 };
	struct error err;
	int64_t id;

	if (store_review_start(st, REVIEW_SCOPE_CHANGED, NULL, cat, &who, &id,
	    &err) != 0)
		return;		/* nothing changed, or all accepted */
	assert_int_equal(store_review_get(st, id, &r, &err), 0);
	for (size_t i = 0; i < r.total; i++) {
		int v = rand() % 4;

		if (v == VERDICT_PENDING)
			continue;
		if (store_review_seen(st, id, i, &who, &err) != 0 ||
		    store_review_verdict(st, id, i, (enum verdict)v,
		    "уточнить", &who, &err) != 0)
			fail_msg("seed %u: %s", seed, err.msg);
	}
	assert_int_equal(store_review_finish(st, id, &who, &err), 0);
	review_session_fini(&r);
}

static void
review_walk_gives_what_the_whole_lists_give(void **state)
{
	size_t held = 0;

	(void)state;
	for (int round = 0; round < ROUNDS / 2; round++) {
		char path[64];
		struct catalog cat;
		struct store *st;
		bool done;

		round_open(2000u + (unsigned)round, "review", &st, path,
		    sizeof path, &cat);
		run(st, "UPDATE touchpoint SET unit = CASE id % 3 WHEN 0 THEN "
		    "?3 WHEN 1 THEN 'Отдел  а' ELSE '' END", 0, 0, "отдел А");
		compare_review(st, &cat, &held);	/* no revision yet */
		approve(st, "1", &done);
		for (int k = 0; done && k < 3; k++) {
			for (int e = 1 + rand() % EDITS_MAX; e > 0; e--)
				edit_once(st);
			review_at_random(st, &cat);
			if (rand() % 2)
				edit_once(st);
			compare_review(st, &cat, &held);
		}
		round_close(st, path, &cat);
	}
	/* The rounds reach touchpoints approval waits for. */
	assert_true(held > ROUNDS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_gives_what_the_whole_lists_give),
		cmocka_unit_test(review_walk_gives_what_the_whole_lists_give),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
