/*
 * test_store_changed.c - the rows the editor marks as changed since the
 * approved revision are exactly the records change_diff_lists reports:
 * after a random mix of edits and undos on a list of the seed's shape
 * (five processes, nineteen touchpoints), checked after every step.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_fixture.h"
#include "header_fixture.h"
#include "store_changed.h"
#include "store_edit.h"
#include "store_history.h"
#include "store_scratch.h"
#include "list_fixture.h"

#define STEPS	160
#define UNDOS	STEPS

static const struct actor who = { "olga", "2026-11-29T10:00:00Z" };

/* The seed's shape: 4, 4, 4, 4 and 3 touchpoints, needs and contacts. */
static void
build_list(struct list *l)
{
	static const int per[] = { 4, 4, 4, 4, 3 };
	char name[96];

	for (int p = 0; p < 5; p++) {
		struct process *pr;

		snprintf(name, sizeof name, "Процесс %d", p + 1);
		pr = list_add_process(l, name);
		for (int t = 0; t < per[p]; t++) {
			struct touchpoint *tp;

			snprintf(name, sizeof name, "Точка %d.%d", p + 1,
			    t + 1);
			tp = process_add_touchpoint(pr, name);
			model_set(&tp->kind, t % 2 ? "post" : "site");
			tp->channel = t % 2 ? CHANNEL_OFFLINE : CHANNEL_DIGITAL;
			touchpoint_add_need(tp, "получение информации", 1);
			if (t == 2)
				touchpoint_add_need(tp, "подача документов", 3);
			snprintf(name, sizeof name, "https://example.ru/%d/%d",
			    p + 1, t + 1);
			touchpoint_add_contact(tp, CONTACT_URL, name);
		}
	}
}

/* How to put a step back, as the editor's undo does. */
enum undo_kind {
	UNDO_SAVE,		/* save the touchpoint as it was */
	UNDO_RESTORE,		/* it was excluded: bring it back */
	UNDO_EXCLUDE,		/* it was brought back: exclude it again */
	UNDO_WITHDRAW,		/* it was added: withdraw the addition */
	UNDO_RENAME,		/* a process renamed: the old name back */
	UNDO_PROC_RESTORE,
	UNDO_PROC_EXCLUDE,
	UNDO_MOVE_UP		/* a touchpoint moved down: up again */
};

struct undo {
	enum undo_kind kind;
	int64_t	 id, proc_id;
	struct touchpoint was;	/* UNDO_SAVE */
	char	*name;		/* UNDO_RENAME */
};

struct fixture {
	char	 path[64];
	struct catalog cat;
	struct store *st;
	struct undo undo[UNDOS];
	size_t	 nundo;
	unsigned rnd;
	int	 added, edits;
};

static unsigned
pick(struct fixture *f, unsigned n)
{
	f->rnd = f->rnd * 1103515245u + 12345u;
	return (f->rnd >> 16) % n;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;
	int64_t rev;

	assert_non_null(f);
	open_with_list(&f->st, f->path, sizeof f->path, "changed", &f->cat,
	    build_list, &who);
	if (store_revision_approve(f->st, "1", "2026-11-29", &who, &rev,
	    &err) != 0)
		fail_msg("%s", err.msg);
	*state = f;
	return 0;
}

static void
undo_drop(struct undo *u)
{
	if (u->kind == UNDO_SAVE)
		touchpoint_fini(&u->was);
	free(u->name);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	while (f->nundo > 0)
		undo_drop(&f->undo[--f->nundo]);
	store_close(f->st);
	catalog_fini(&f->cat);
	scratch_remove(f->path);
	free(f);
	return 0;
}

static void
push(struct fixture *f, struct undo u)
{
	if (f->nundo == UNDOS) {
		undo_drop(&f->undo[0]);
		memmove(f->undo, f->undo + 1, (UNDOS - 1) * sizeof *f->undo);
		f->nundo--;
	}
	f->undo[f->nundo++] = u;
}

static void
ok(int rc, const struct error *err)
{
	if (rc != 0)
		fail_msg("%s", err->msg);
}

/* Some touchpoint of the list, and its process. */
static const struct touchpoint *
some_touchpoint(struct fixture *f, const struct list *l, int64_t *proc_id)
{
	const struct process *p = &l->procs[pick(f, (unsigned)l->nprocs)];

	*proc_id = p->id;
	return p->ntps > 0 ? &p->tps[pick(f, (unsigned)p->ntps)] : NULL;
}

/* One field or child of a touchpoint changed and saved. */
static void
edit_field(struct fixture *f, const struct touchpoint *t, int64_t proc_id)
{
	struct undo u = { .kind = UNDO_SAVE, .id = t->id, .proc_id = proc_id };
	struct touchpoint tp;
	struct error err;
	char text[32];

	touchpoint_init(&u.was);
	touchpoint_init(&tp);
	ok(store_touchpoint_load(f->st, t->id, &u.was, NULL, &err), &err);
	ok(store_touchpoint_load(f->st, t->id, &tp, NULL, &err), &err);
	snprintf(text, sizeof text, "правка %d", ++f->edits);
	switch (pick(f, 6)) {
	case 0:
		model_set(&tp.name, text);
		break;
	case 1:
		model_set(&tp.kind, strcmp(tp.kind, "post") == 0 ? "site" :
		    "post");
		tp.channel = strcmp(tp.kind, "post") == 0 ? CHANNEL_OFFLINE :
		    CHANNEL_DIGITAL;
		break;
	case 2:
		touchpoint_add_need(&tp, "получение консультации", 2);
		break;
	case 3:
		touchpoint_add_contact(&tp, CONTACT_URL, "https://example.ru/");
		break;
	case 4:
		model_set(&tp.specifics, text);
		break;
	default:
		tp.key = !tp.key;
		break;
	}
	ok(store_touchpoint_save(f->st, proc_id, &tp, &f->cat, &who, &err),
	    &err);
	touchpoint_fini(&tp);
	push(f, u);
}

static void
toggle_exclusion(struct fixture *f, const struct touchpoint *t)
{
	struct undo u = { .id = t->id };
	struct error err;

	if (t->excluded) {
		ok(store_touchpoint_restore(f->st, t->id, &f->cat, &who, &err),
		    &err);
		u.kind = UNDO_EXCLUDE;
	} else {
		ok(store_touchpoint_exclude(f->st, t->id, "не используется",
		    &f->cat, &who, &err), &err);
		u.kind = UNDO_RESTORE;
	}
	push(f, u);
}

static void
add_touchpoint(struct fixture *f, int64_t proc_id)
{
	struct undo u = { .kind = UNDO_WITHDRAW };
	struct touchpoint tp;
	struct error err;
	char name[64];

	touchpoint_init(&tp);
	snprintf(name, sizeof name, "Новая точка %d", ++f->added);
	model_set(&tp.name, name);
	model_set(&tp.kind, "post");
	tp.channel = CHANNEL_OFFLINE;
	touchpoint_add_need(&tp, "получение информации", 1);
	ok(store_touchpoint_save(f->st, proc_id, &tp, &f->cat, &who, &err),
	    &err);
	u.id = tp.id;
	touchpoint_fini(&tp);
	push(f, u);
}

static void
edit_process(struct fixture *f, const struct process *p)
{
	struct undo u = { .id = p->id };
	struct error err;
	char name[32];

	if (pick(f, 2) == 0) {
		u.kind = UNDO_RENAME;
		u.name = xstrdup(p->name);
		snprintf(name, sizeof name, "Процесс, правка %d", ++f->edits);
		ok(store_process_rename(f->st, p->id, name, &who, &err), &err);
	} else if (p->excluded) {
		u.kind = UNDO_PROC_EXCLUDE;
		ok(store_process_restore(f->st, p->id, &who, &err), &err);
	} else {
		u.kind = UNDO_PROC_RESTORE;
		ok(store_process_exclude(f->st, p->id, "упразднён", &who,
		    &err), &err);
	}
	push(f, u);
}

static void
move_down(struct fixture *f, const struct list *l)
{
	const struct process *p = &l->procs[pick(f, (unsigned)l->nprocs)];
	struct undo u = { .kind = UNDO_MOVE_UP };
	struct error err;

	if (p->ntps < 2)
		return;
	u.id = p->tps[0].id;
	ok(store_touchpoint_move(f->st, u.id, 1, &who, &err), &err);
	push(f, u);
}

static void
undo_last(struct fixture *f)
{
	struct undo *u;
	struct touchpoint cur;
	struct error err;

	if (f->nundo == 0)
		return;
	u = &f->undo[--f->nundo];
	touchpoint_init(&cur);
	switch (u->kind) {
	case UNDO_SAVE:
		ok(store_touchpoint_load(f->st, u->id, &cur, NULL, &err), &err);
		u->was.version = cur.version;
		ok(store_touchpoint_save(f->st, u->proc_id, &u->was, &f->cat,
		    &who, &err), &err);
		break;
	case UNDO_RESTORE:
		ok(store_touchpoint_restore(f->st, u->id, &f->cat, &who, &err),
		    &err);
		break;
	case UNDO_EXCLUDE:
		ok(store_touchpoint_exclude(f->st, u->id, "не используется",
		    &f->cat, &who, &err), &err);
		break;
	case UNDO_WITHDRAW:
		ok(store_touchpoint_load(f->st, u->id, &cur, NULL, &err), &err);
		ok(store_touchpoint_withdraw(f->st, u->id, cur.version, &who,
		    &err), &err);
		break;
	case UNDO_RENAME:
		ok(store_process_rename(f->st, u->id, u->name, &who, &err),
		    &err);
		break;
	case UNDO_PROC_RESTORE:
		ok(store_process_restore(f->st, u->id, &who, &err), &err);
		break;
	case UNDO_PROC_EXCLUDE:
		ok(store_process_exclude(f->st, u->id, "упразднён", &who,
		    &err), &err);
		break;
	case UNDO_MOVE_UP:
		ok(store_touchpoint_move(f->st, u->id, -1, &who, &err), &err);
		break;
	}
	touchpoint_fini(&cur);
	undo_drop(u);
}

/* One random step on the list l holds now. */
static void
step(struct fixture *f, const struct list *l)
{
	const struct touchpoint *t;
	int64_t proc_id;
	unsigned what = pick(f, 10);

	if (what >= 7) {
		undo_last(f);
		return;
	}
	if (what == 4) {
		add_touchpoint(f, l->procs[pick(f, (unsigned)l->nprocs)].id);
		return;
	}
	if (what == 5) {
		edit_process(f, &l->procs[pick(f, (unsigned)l->nprocs)]);
		return;
	}
	if (what == 6) {
		move_down(f, l);
		return;
	}
	if ((t = some_touchpoint(f, l, &proc_id)) == NULL)
		return;
	if (what == 3)
		toggle_exclusion(f, t);
	else
		edit_field(f, t, proc_id);
}

/* Whether the diff reports record (process or not) id. */
static bool
reported(const struct changes *ch, bool process, int64_t id)
{
	for (size_t i = 0; i < ch->n; i++)
		if (ch->v[i].record_id == id && strcmp(ch->v[i].record,
		    process ? "процесс" : "точка") == 0)
			return true;
	return false;
}

/* Every row of the working copy: marked exactly when the diff reports
 * it.  Returns the rows marked. */
static size_t
check_marks(struct fixture *f, int s)
{
	struct list frozen, now;
	struct changes ch;
	struct error err;
	int64_t rev;
	size_t marked = 0;
	bool changed;

	ok(store_changed_revision(f->st, &rev, &err), &err);
	assert_true(rev > 0);
	list_init(&frozen);
	list_init(&now);
	changes_init(&ch);
	ok(store_revision_load_list(f->st, rev, &frozen, &err), &err);
	ok(store_load_list(f->st, &now, &err), &err);
	change_diff_lists(&frozen, &now, NULL, &ch);
	for (size_t i = 0; i < now.nprocs; i++) {
		const struct process *p = &now.procs[i];

		ok(store_changed_process(f->st, rev, p->id, &changed, &err),
		    &err);
		if (changed != reported(&ch, true, p->id))
			fail_msg("step %d: process %zu marked %d", s, i + 1,
			    changed);
		marked += changed;
		for (size_t j = 0; j < p->ntps; j++) {
			ok(store_changed_touchpoint(f->st, rev, p->tps[j].id,
			    &changed, &err), &err);
			if (changed != reported(&ch, false, p->tps[j].id))
				fail_msg("step %d: touchpoint %zu.%zu marked "
				    "%d", s, i + 1, j + 1, changed);
			marked += changed;
		}
	}
	changes_fini(&ch);
	list_fini(&frozen);
	list_fini(&now);
	return marked;
}

static void
run_steps(struct fixture *f, unsigned seed)
{
	size_t most = 0, marked;

	f->rnd = seed;
	for (int s = 0; s < STEPS; s++) {
		struct list l;
		struct error err;

		list_init(&l);
		ok(store_load_list(f->st, &l, &err), &err);
		step(f, &l);
		list_fini(&l);
		marked = check_marks(f, s);
		if (marked > most)
			most = marked;
	}
	/* The mix did change rows (the check is not vacuous) … */
	assert_true(most > 0);
	/* … and undoing every step leaves nothing marked. */
	while (f->nundo > 0)
		undo_last(f);
	assert_int_equal(check_marks(f, STEPS), 0);
}

static void
marks_agree_with_the_diff(void **state)
{
	struct fixture *f = *state;

	for (unsigned seed = 1; seed <= 3; seed++)
		run_steps(f, seed);
}

static void
nothing_marked_before_an_approval_or_after_one(void **state)
{
	struct fixture *f = *state;
	struct error err;
	int64_t rev, proc_id;
	struct list l;
	bool changed;

	list_init(&l);
	ok(store_load_list(f->st, &l, &err), &err);
	proc_id = l.procs[0].id;
	ok(store_process_rename(f->st, proc_id, "Другое", &who, &err), &err);
	ok(store_changed_revision(f->st, &rev, &err), &err);
	ok(store_changed_process(f->st, rev, proc_id, &changed, &err), &err);
	assert_true(changed);
	assert_int_equal(check_marks(f, 0), 1);
	/* Nothing approved: nothing to be changed from. */
	ok(store_changed_process(f->st, 0, proc_id, &changed, &err), &err);
	assert_false(changed);
	ok(store_revision_approve(f->st, "2", "2026-11-30", &who, &rev, &err),
	    &err);
	assert_int_equal(check_marks(f, 1), 0);
	list_fini(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(marks_agree_with_the_diff,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    nothing_marked_before_an_approval_or_after_one, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
