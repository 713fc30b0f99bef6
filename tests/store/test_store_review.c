/* test_store_review.c - review sessions: scopes, verdicts in the change
 * log, resuming, standing verdicts, what approval waits for. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_edit.h"
#include "store_history.h"
#include "store_review.h"
#include "store_status.h"
#include "store_users.h"
#include "header_fixture.h"

static const struct actor olga = { "olga", "2026-11-29T10:00:00Z" };
static const struct actor ivan = { "ivan", "2026-11-29T10:05:00Z" };
static const struct actor anna = { "anna", "2026-11-29T10:10:00Z" };

struct fixture {
	char	 dir[64];
	char	 path[128];
	struct catalog cat;
	struct store *st;
	int64_t	 p1, p2;
	int64_t	 tp[5];		/* 1.1, 1.2, 1.3 (excluded), 2.1, 2.2 */
};

static int64_t
add_touchpoint(struct fixture *f, int64_t proc, const char *name,
    const char *unit, bool with_need)
{
	struct touchpoint tp;
	struct error err;
	int64_t id;

	touchpoint_init(&tp);
	model_set(&tp.name, name);
	model_set(&tp.unit, unit);
	tp.channel = CHANNEL_OFFLINE;
	if (with_need)
		touchpoint_add_need(&tp, "получение консультации", 2);
	if (store_touchpoint_save(f->st, proc, &tp, &f->cat, &olga, &err) != 0)
		fail_msg("%s", err.msg);
	id = tp.id;
	touchpoint_fini(&tp);
	return id;
}

static void
set_user(struct fixture *f, const char *login, enum role role,
    const char *unit)
{
	struct strvec units;
	struct error err;

	strvec_init(&units);
	if (unit != NULL)
		strvec_push(&units, unit);
	if (store_users_set(f->st, login, role, &units, &olga, NULL,
	    &err) != 0)
		fail_msg("%s", err.msg);
	strvec_fini(&units);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;

	snprintf(f->dir, sizeof f->dir, "/tmp/perechen-review.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	catalog_init(&f->cat);
	assert_int_equal(catalog_parse_needs(&f->cat, "1\t2.6.1\tинформация\t\n"
	    "2\t2.6.2\tконсультация\t\n", "n", &err), 0);
	if (store_open(&f->st, f->path, STORE_CREATE, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_seed_catalog(f->st, &f->cat, &err), 0);
	assert_int_equal(store_users_bootstrap(f->st, "olga", olga.now_utc,
	    &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	set_user(f, "ivan", ROLE_AUTHORISED, NULL);
	set_user(f, "anna", ROLE_EDITOR, "отдел А");
	assert_int_equal(store_process_add(f->st, "Информирование", &olga,
	    &f->p1, &err), 0);
	assert_int_equal(store_process_add(f->st, "Консультирование", &olga,
	    &f->p2, &err), 0);
	f->tp[0] = add_touchpoint(f, f->p1, "Официальный сайт", "отдел А",
	    true);
	f->tp[1] = add_touchpoint(f, f->p1, "Телефонная связь", "отдел Б",
	    true);
	f->tp[2] = add_touchpoint(f, f->p1, "Факс", "отдел Б", true);
	assert_int_equal(store_touchpoint_exclude(f->st, f->tp[2], "не нужен",
	    &f->cat, &olga, &err), 0);
	f->tp[3] = add_touchpoint(f, f->p2, "Почта России", "Отдел  Б", true);
	f->tp[4] = add_touchpoint(f, f->p2, "Электронная почта", "отдел А",
	    false);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	store_close(f->st);
	catalog_fini(&f->cat);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static int64_t
start(struct fixture *f, enum review_scope scope, const char *unit,
    const struct actor *who)
{
	struct error err;
	int64_t id;

	if (store_review_start(f->st, scope, unit, &f->cat, who, &id,
	    &err) != 0)
		fail_msg("%s", err.msg);
	return id;
}

static void
verdict(struct fixture *f, int64_t id, size_t index, enum verdict v,
    const char *comment)
{
	struct error err;

	/* The reviewer is shown the item before deciding. */
	if (store_review_seen(f->st, id, index, &olga, &err) != 0 ||
	    store_review_verdict(f->st, id, index, v, comment, &olga,
	    &err) != 0)
		fail_msg("%s", err.msg);
}

static void
get(struct fixture *f, int64_t id, struct review_session *r)
{
	struct error err;

	memset(r, 0, sizeof *r);
	if (store_review_get(f->st, id, r, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
rename_tp(struct fixture *f, int64_t id, const char *name,
    const struct actor *who)
{
	struct touchpoint tp;
	struct error err;

	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, id, &tp, NULL, &err), 0);
	model_set(&tp.name, name);
	if (store_touchpoint_save(f->st, 0, &tp, &f->cat, who, &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_fini(&tp);
}

static void
approve(struct fixture *f)
{
	struct error err;
	int64_t rev;

	give_header(f->st, &olga);
	if (store_revision_approve(f->st, "1", "2026-11-29", &olga, &rev,
	    &err) != 0)
		fail_msg("%s", err.msg);
}

static void
scope_all_takes_the_list_in_order(void **state)
{
	struct fixture *f = *state;
	struct review_items items = { 0 };
	struct review_session r;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);

	get(f, id, &r);
	assert_int_equal(r.scope, REVIEW_SCOPE_ALL);
	assert_int_equal(r.total, 4);	/* the excluded one is out */
	assert_int_equal(r.position, 0);
	assert_int_equal(r.count[VERDICT_PENDING], 4);
	assert_string_equal(r.started_by, "olga");
	assert_string_equal(r.finished_utc, "");
	assert_int_equal(store_review_items(f->st, id, &items, &err), 0);
	assert_int_equal(items.n, 4);
	assert_string_equal(items.v[0].label, "1.1 Официальный сайт");
	assert_string_equal(items.v[1].label, "1.2 Телефонная связь");
	assert_string_equal(items.v[2].label, "2.1 Почта России");
	assert_string_equal(items.v[3].label, "2.2 Электронная почта");
	review_items_fini(&items);
	review_session_fini(&r);
}

static void
verdicts_are_stored_logged_and_move_on(void **state)
{
	struct fixture *f = *state;
	struct log_filter lf = { .trigger = -1, .oldest_first = true };
	struct review_items items = { 0 };
	struct reminder_facts facts;
	struct review_session r;
	struct changes c;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);

	assert_int_equal(store_log_last_id(f->st, &lf.after_id, &err), 0);
	verdict(f, id, 0, VERDICT_ACCEPTED, NULL);
	verdict(f, id, 1, VERDICT_RETURNED, "нет номера телефона");
	verdict(f, id, 2, VERDICT_SKIPPED, NULL);
	get(f, id, &r);
	assert_int_equal(r.position, 3);
	assert_int_equal(r.count[VERDICT_ACCEPTED], 1);
	assert_int_equal(r.count[VERDICT_RETURNED], 1);
	assert_int_equal(r.count[VERDICT_SKIPPED], 1);
	assert_int_equal(r.count[VERDICT_PENDING], 1);
	assert_int_equal(store_review_items(f->st, id, &items, &err), 0);
	assert_int_equal(items.v[1].verdict, VERDICT_RETURNED);
	assert_string_equal(items.v[1].comment, "нет номера телефона");
	assert_string_equal(items.v[1].login, "olga");
	assert_false(items.v[1].stale);
	changes_init(&c);
	assert_int_equal(store_log_query(f->st, &lf, &c, &err), 0);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.v[1].record, "точка");
	assert_int_equal(c.v[1].record_id, f->tp[1]);
	assert_string_equal(c.v[1].label, "1.2 Телефонная связь");
	assert_string_equal(c.v[1].field, "проверка");
	assert_string_equal(c.v[1].new_value, "проверка № 1: возвращена на "
	    "доработку — нет номера телефона");
	changes_fini(&c);
	/* Verdicts are no changes of the list: the reminder skips them. */
	reminder_facts_init(&facts);
	assert_int_equal(store_status_facts(f->st, &facts, &err), 0);
	assert_int_equal(facts.count[TRIGGER_EDIT], 2);	/* two processes */
	reminder_facts_fini(&facts);
	review_items_fini(&items);
	review_session_fini(&r);
}

static void
changing_a_verdict_logs_old_and_new(void **state)
{
	struct fixture *f = *state;
	struct log_filter lf = { .trigger = -1, .limit = 1 };
	struct changes c;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);

	verdict(f, id, 0, VERDICT_RETURNED, "уточнить адрес");
	verdict(f, id, 0, VERDICT_ACCEPTED, "");
	changes_init(&c);
	assert_int_equal(store_log_query(f->st, &lf, &c, &err), 0);
	assert_string_equal(c.v[0].old_value, "проверка № 1: возвращена на "
	    "доработку — уточнить адрес");
	assert_string_equal(c.v[0].new_value, "проверка № 1: принята");
	changes_fini(&c);
}

static void
returning_needs_a_comment(void **state)
{
	struct fixture *f = *state;
	struct review_session r;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);

	assert_int_equal(store_review_verdict(f->st, id, 0, VERDICT_RETURNED,
	    "  ", &olga, &err), -1);
	assert_non_null(strstr(err.msg, "что доработать"));
	assert_int_equal(store_review_verdict(f->st, id, 9, VERDICT_ACCEPTED,
	    NULL, &olga, &err), -1);
	assert_non_null(strstr(err.msg, "нет пункта 10 (всего 4)"));
	get(f, id, &r);
	assert_int_equal(r.count[VERDICT_PENDING], 4);
	assert_int_equal(r.position, 0);
	review_session_fini(&r);
}

/* Quit in the middle, reopen the file: the same session, the same item. */
static void
an_interrupted_session_resumes_where_it_stopped(void **state)
{
	struct fixture *f = *state;
	struct review_session r;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga), again;
	bool found;

	verdict(f, id, 0, VERDICT_ACCEPTED, NULL);
	verdict(f, id, 1, VERDICT_ACCEPTED, NULL);
	assert_int_equal(store_review_seek(f->st, id, 1, &olga, &err), 0);
	store_close(f->st);
	assert_int_equal(store_open(&f->st, f->path, 0, &err), 0);
	assert_int_equal(store_review_current(f->st, "olga", &again, &found,
	    &err), 0);
	assert_true(found);
	assert_int_equal(again, id);
	get(f, id, &r);
	assert_int_equal(r.position, 1);
	review_session_fini(&r);
	assert_int_equal(store_review_current(f->st, "ivan", &again, &found,
	    &err), 0);
	assert_false(found);
	/* Seeking past the end stops at the end. */
	assert_int_equal(store_review_seek(f->st, id, 99, &olga, &err), 0);
	get(f, id, &r);
	assert_int_equal(r.position, 4);
	review_session_fini(&r);
}

static void
one_unfinished_session_per_reviewer(void **state)
{
	struct fixture *f = *state;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga), other;

	verdict(f, id, 0, VERDICT_ACCEPTED, NULL);
	assert_int_equal(store_review_start(f->st, REVIEW_SCOPE_ALL, NULL,
	    &f->cat, &olga, &other, &err), -1);
	assert_non_null(strstr(err.msg, "незавершённая проверка № 1 (2/4)"));
	other = start(f, REVIEW_SCOPE_ALL, NULL, &ivan);
	assert_int_not_equal(other, id);
	assert_int_equal(store_review_finish(f->st, id, &olga, &err), 0);
	assert_int_equal(store_review_finish(f->st, id, &olga, &err), -1);
	assert_non_null(strstr(err.msg, "уже завершена"));
	assert_int_equal(store_review_verdict(f->st, id, 1, VERDICT_ACCEPTED,
	    NULL, &olga, &err), -1);
	(void)start(f, REVIEW_SCOPE_ALL, NULL, &olga);
}

static void
a_unit_editor_does_not_review(void **state)
{
	struct fixture *f = *state;
	struct error err;
	int64_t id, before, after;

	assert_int_equal(store_review_start(f->st, REVIEW_SCOPE_ALL, NULL,
	    &f->cat, &anna, &id, &err), -1);
	assert_non_null(strstr(err.msg, "проверять точки и выносить решения "
	    "по ним может уполномоченное лицо"));
	id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);
	assert_int_equal(store_log_last_id(f->st, &before, &err), 0);
	assert_int_equal(store_review_verdict(f->st, id, 0, VERDICT_ACCEPTED,
	    NULL, &anna, &err), -1);
	assert_int_equal(store_review_seek(f->st, id, 2, &anna, &err), -1);
	assert_int_equal(store_log_last_id(f->st, &after, &err), 0);
	assert_int_equal(after, before);
}

static void
scope_unit_takes_one_units_touchpoints(void **state)
{
	struct fixture *f = *state;
	struct review_items items = { 0 };
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_UNIT, "отдел б", &olga);

	assert_int_equal(store_review_items(f->st, id, &items, &err), 0);
	assert_int_equal(items.n, 2);
	assert_int_equal(items.v[0].tp_id, f->tp[1]);
	assert_int_equal(items.v[1].tp_id, f->tp[3]);
	review_items_fini(&items);
	assert_int_equal(store_review_finish(f->st, id, &olga, &err), 0);
	assert_int_equal(store_review_start(f->st, REVIEW_SCOPE_UNIT, "отдел В",
	    &f->cat, &olga, &id, &err), -1);
	assert_non_null(strstr(err.msg, "нет точек подразделения «отдел В»"));
}

static void
scope_findings_takes_touchpoints_with_errors(void **state)
{
	struct fixture *f = *state;
	struct review_items items = { 0 };
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_FINDINGS, NULL, &olga);

	assert_int_equal(store_review_items(f->st, id, &items, &err), 0);
	assert_int_equal(items.n, 1);	/* 2.2 has no need: R1 */
	assert_int_equal(items.v[0].tp_id, f->tp[4]);
	review_items_fini(&items);
}

static void
scope_changed_compares_with_the_last_revision(void **state)
{
	struct fixture *f = *state;
	struct review_items items = { 0 };
	struct error err;
	int64_t id;

	assert_int_equal(store_review_start(f->st, REVIEW_SCOPE_CHANGED, NULL,
	    &f->cat, &olga, &id, &err), -1);
	assert_non_null(strstr(err.msg, "ещё не утверждён"));
	approve(f);
	assert_int_equal(store_review_start(f->st, REVIEW_SCOPE_CHANGED, NULL,
	    &f->cat, &olga, &id, &err), -1);
	assert_non_null(strstr(err.msg, "нет изменённых точек"));
	rename_tp(f, f->tp[3], "Почта России (ФГУП)", &olga);
	/* A move is no change of the record. */
	assert_int_equal(store_touchpoint_move(f->st, f->tp[0], 1, &olga,
	    &err), 0);
	id = start(f, REVIEW_SCOPE_CHANGED, NULL, &olga);
	assert_int_equal(store_review_items(f->st, id, &items, &err), 0);
	assert_int_equal(items.n, 1);
	assert_string_equal(items.v[0].label, "2.1 Почта России (ФГУП)");
	review_items_fini(&items);
	/* Accepted, it is checked: the next changed scope leaves it out. */
	verdict(f, id, 0, VERDICT_ACCEPTED, NULL);
	assert_int_equal(store_review_finish(f->st, id, &olga, &err), 0);
	assert_int_equal(store_review_start(f->st, REVIEW_SCOPE_CHANGED, NULL,
	    &f->cat, &olga, &id, &err), -1);
	assert_non_null(strstr(err.msg, "не принятых при проверке"));
}

static void
detail_shows_record_findings_and_changes(void **state)
{
	struct fixture *f = *state;
	struct review_detail d;
	struct error err;

	approve(f);
	rename_tp(f, f->tp[4], "Электронная почта Министерства", &olga);
	review_detail_init(&d);
	assert_int_equal(store_review_detail(f->st, f->tp[4], &f->cat, &d,
	    &err), 0);
	assert_string_equal(d.tp.name, "Электронная почта Министерства");
	assert_string_equal(d.process, "Консультирование");
	assert_int_equal(d.pnum, 2);
	assert_int_equal(d.tnum, 2);
	assert_true(d.findings.n >= 1);
	assert_int_equal(d.findings.v[0].rule, RULE_R1);
	assert_int_equal(d.revision, 1);
	assert_true(d.in_revision);
	assert_int_equal(d.changes.n, 1);
	assert_string_equal(d.changes.v[0].field, "наименование");
	assert_string_equal(d.changes.v[0].old_value, "Электронная почта");
	assert_string_equal(d.changes.v[0].new_value,
	    "Электронная почта Министерства");
	assert_int_equal(d.standing.verdict, VERDICT_PENDING);
	review_detail_fini(&d);
}

static void
approval_waits_for_changed_touchpoints_accepted(void **state)
{
	struct fixture *f = *state;
	struct review_marks m = { 0 };
	struct error err;
	int64_t id;

	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(m.n, 0);	/* nothing approved, nothing changed */
	approve(f);
	rename_tp(f, f->tp[1], "Телефон", &olga);
	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(m.n, 1);
	assert_string_equal(m.v[0].label, "1.2 Телефон");
	assert_int_equal(m.v[0].verdict, VERDICT_PENDING);
	review_marks_fini(&m);
	id = start(f, REVIEW_SCOPE_CHANGED, NULL, &olga);
	verdict(f, id, 0, VERDICT_RETURNED, "номер?");
	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.v[0].verdict, VERDICT_RETURNED);
	assert_string_equal(m.v[0].comment, "номер?");
	review_marks_fini(&m);
	verdict(f, id, 0, VERDICT_ACCEPTED, NULL);
	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(m.n, 0);
	/* Changed again after it was accepted: accepted no more. */
	rename_tp(f, f->tp[1], "Телефон горячей линии", &olga);
	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.v[0].verdict, VERDICT_PENDING);
	review_marks_fini(&m);
}

/*
 * Labels number touchpoints by their places, excluded processes and
 * touchpoints counted, as the editor, `tp` and the session's items do:
 * an exclusion, a change review must show, leaves the excluded row no
 * number in the annex to name it by.
 */
static void
unaccepted_are_numbered_as_the_editor_shows_them(void **state)
{
	struct fixture *f = *state;
	struct review_marks m = { 0 };
	struct review_items items = { 0 };
	struct error err;
	int64_t id;

	approve(f);
	assert_int_equal(store_process_exclude(f->st, f->p1, "не ведётся",
	    &olga, &err), 0);
	rename_tp(f, f->tp[4], "Электронная почта (ящик)", &olga);
	assert_int_equal(store_touchpoint_restore(f->st, f->tp[2], &f->cat,
	    &olga, &err), 0);
	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.v[0].label, "1.3 Факс");
	assert_string_equal(m.v[1].label, "2.2 Электронная почта (ящик)");
	id = start(f, REVIEW_SCOPE_CHANGED, NULL, &olga);
	assert_int_equal(store_review_items(f->st, id, &items, &err), 0);
	assert_int_equal(items.n, m.n);
	for (size_t i = 0; i < items.n; i++)
		assert_string_equal(items.v[i].label, m.v[i].label);
	review_items_fini(&items);
	review_marks_fini(&m);
}

/* Approval asks inside its own BEGIN IMMEDIATE transaction: the walk
 * neither begins another nor ends that one. */
static void
unaccepted_runs_inside_a_write_transaction(void **state)
{
	struct fixture *f = *state;
	struct review_marks m = { 0 };
	struct error err;

	approve(f);
	rename_tp(f, f->tp[0], "Сайт", &olga);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(m.n, 1);
	assert_string_equal(m.v[0].label, "1.1 Сайт");
	assert_int_equal(store_commit(f->st, &err), 0);
	review_marks_fini(&m);
}

/* What a walk handed over: each process's id, index and touchpoints. */
struct seen {
	int64_t	 id[8];
	size_t	 index[8];
	size_t	 ntps[8];
	size_t	 n;
};

static void
seen_add(struct seen *v, const struct process *p, size_t index)
{
	assert_true(v->n < 8);
	v->id[v->n] = p->id;
	v->index[v->n] = index;
	v->ntps[v->n++] = p->ntps;
}

static int
seen_on_walk(void *ctx, const struct process *p, size_t index,
    struct error *err)
{
	(void)err;
	seen_add(ctx, p, index);
	return 0;
}

static int
seen_on_read(void *ctx, struct process *p, size_t index, struct error *err)
{
	(void)err;
	seen_add(ctx, p, index);
	return 0;
}

/*
 * The approval's gate reads the working copy once, on review's walk:
 * every process handed over as store_list_each_process gives it (an
 * excluded one and one the revision lacks too), the marks those of
 * store_review_unaccepted; before the first revision nothing is walked.
 */
static void
unaccepted_walk_hands_over_the_working_copy(void **state)
{
	struct fixture *f = *state;
	struct review_marks m = { 0 }, walked_m = { 0 };
	struct seen read = { 0 }, walked = { 0 };
	struct error err;
	bool did;
	int64_t p3;

	assert_int_equal(store_review_unaccepted_walk(f->st, &f->cat,
	    &walked_m, seen_on_walk, &walked, &did, &err), 0);
	assert_false(did);
	assert_int_equal(walked.n, 0);
	assert_int_equal(walked_m.n, 0);
	approve(f);
	assert_int_equal(store_process_exclude(f->st, f->p1, "не ведётся",
	    &olga, &err), 0);
	assert_int_equal(store_process_add(f->st, "Обжалование", &olga, &p3,
	    &err), 0);
	rename_tp(f, f->tp[4], "Электронная почта (ящик)", &olga);
	assert_int_equal(store_list_each_process(f->st, 0, seen_on_read,
	    &read, &err), 0);
	assert_int_equal(store_review_unaccepted(f->st, &f->cat, &m, &err), 0);
	assert_int_equal(store_review_unaccepted_walk(f->st, &f->cat,
	    &walked_m, seen_on_walk, &walked, &did, &err), 0);
	assert_true(did);
	assert_int_equal(read.n, 3);
	assert_int_equal(walked.n, read.n);
	for (size_t i = 0; i < read.n; i++) {
		assert_int_equal(walked.id[i], read.id[i]);
		assert_int_equal(walked.index[i], read.index[i]);
		assert_int_equal(walked.ntps[i], read.ntps[i]);
	}
	assert_int_equal(walked.id[2], p3);
	assert_int_equal(walked_m.n, m.n);
	assert_true(m.n > 0);
	for (size_t i = 0; i < m.n; i++)
		assert_string_equal(walked_m.v[i].label, m.v[i].label);
	review_marks_fini(&m);
	review_marks_fini(&walked_m);
}

static void
returned_rows_stay_marked_until_they_change(void **state)
{
	struct fixture *f = *state;
	struct review_marks m = { 0 };
	struct review_items items = { 0 };
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);

	verdict(f, id, 1, VERDICT_RETURNED, "нет номера телефона");
	verdict(f, id, 2, VERDICT_ACCEPTED, NULL);
	assert_int_equal(store_touchpoint_move(f->st, f->tp[1], -1, &olga,
	    &err), 0);
	assert_int_equal(store_review_returned(f->st, &m, &err), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.v[0].tp_id, f->tp[1]);
	assert_string_equal(m.v[0].label, "1.1 Телефонная связь");
	assert_string_equal(m.v[0].comment, "нет номера телефона");
	assert_int_equal(m.v[0].session, id);
	review_marks_fini(&m);
	rename_tp(f, f->tp[1], "Телефонная связь (горячая линия)", &olga);
	assert_int_equal(store_review_returned(f->st, &m, &err), 0);
	assert_int_equal(m.n, 0);
	assert_int_equal(store_review_items(f->st, id, &items, &err), 0);
	assert_true(items.v[1].stale);
	assert_false(items.v[2].stale);
	review_items_fini(&items);
}

static void
loading_the_list_from_a_file_ends_every_verdict(void **state)
{
	struct fixture *f = *state;
	struct review_mark m = { 0 };
	struct changes c;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);

	verdict(f, id, 0, VERDICT_ACCEPTED, NULL);
	assert_int_equal(store_review_standing(f->st, f->tp[0], &m, &err), 0);
	assert_int_equal(m.verdict, VERDICT_ACCEPTED);
	changes_init(&c);
	changes_add(&c, "перечень", 0, 0, "перечень", "импорт", "", "файл",
	    TRIGGER_IMPORT);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_log_changes(f->st, &c, &olga, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	changes_fini(&c);
	assert_int_equal(store_review_standing(f->st, f->tp[0], &m, &err), 0);
	assert_int_equal(m.verdict, VERDICT_PENDING);
	review_mark_fini(&m);
}

static void
scope_preview_starts_nothing(void **state)
{
	struct fixture *f = *state;
	struct review_marks m = { 0 };
	struct error err;
	int64_t rev, id;
	bool found;

	approve(f);
	rename_tp(f, f->tp[1], "Телефон", &olga);
	rename_tp(f, f->tp[3], "Почта", &olga);
	id = start(f, REVIEW_SCOPE_CHANGED, NULL, &olga);
	verdict(f, id, 1, VERDICT_RETURNED, "адрес?");
	assert_int_equal(store_review_finish(f->st, id, &olga, &err), 0);
	assert_int_equal(store_review_scope(f->st, REVIEW_SCOPE_CHANGED, NULL,
	    &f->cat, &m, &rev, &err), 0);
	assert_int_equal(rev, 1);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.v[0].label, "1.2 Телефон");
	assert_int_equal(m.v[0].verdict, VERDICT_PENDING);
	assert_string_equal(m.v[1].label, "2.1 Почта");
	assert_int_equal(m.v[1].verdict, VERDICT_RETURNED);
	assert_string_equal(m.v[1].comment, "адрес?");
	review_marks_fini(&m);
	assert_int_equal(store_review_current(f->st, "olga", &id, &found,
	    &err), 0);
	assert_false(found);
}

static void
codes_and_words_parse(void **state)
{
	(void)state;
	assert_int_equal(review_scope_parse("changed"), REVIEW_SCOPE_CHANGED);
	assert_int_equal(review_scope_parse("Изменённые"),
	    REVIEW_SCOPE_CHANGED);
	assert_int_equal(review_scope_parse("замечания"),
	    REVIEW_SCOPE_FINDINGS);
	assert_int_equal(review_scope_parse("прочие"), -1);
	assert_int_equal(verdict_parse("returned"), VERDICT_RETURNED);
	assert_int_equal(verdict_parse("принята"), VERDICT_ACCEPTED);
	assert_string_equal(verdict_title(VERDICT_SKIPPED), "пропущена");
}

/* A verdict is about the version shown: accepting an item never shown
 * is refused, and so is one whose touchpoint an editor changed after it
 * was shown; shown again, it is accepted. */
static void
accept_is_of_the_version_shown(void **state)
{
	struct fixture *f = *state;
	struct review_session r;
	struct error err;
	int64_t id = start(f, REVIEW_SCOPE_ALL, NULL, &olga);

	assert_int_equal(store_review_verdict(f->st, id, 0, VERDICT_ACCEPTED,
	    NULL, &olga, &err), -1);
	assert_non_null(strstr(err.msg, "ещё не показывали"));
	assert_int_equal(store_review_seen(f->st, id, 0, &olga, &err), 0);
	rename_tp(f, f->tp[0], "Сайт органа", &anna);
	assert_int_equal(store_review_verdict(f->st, id, 0, VERDICT_ACCEPTED,
	    NULL, &olga, &err), -1);
	assert_non_null(strstr(err.msg, "точку 1.1 изменил anna"));
	assert_non_null(strstr(err.msg, "наименование «Сайт органа»"));
	assert_non_null(strstr(err.msg, "просмотрите её снова"));
	get(f, id, &r);
	assert_int_equal(r.count[VERDICT_ACCEPTED], 0);
	review_session_fini(&r);
	/* Returning or skipping needs no second look. */
	assert_int_equal(store_review_verdict(f->st, id, 1, VERDICT_SKIPPED,
	    NULL, &olga, &err), 0);
	verdict(f, id, 0, VERDICT_ACCEPTED, NULL);
	get(f, id, &r);
	assert_int_equal(r.count[VERDICT_ACCEPTED], 1);
	review_session_fini(&r);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(scope_all_takes_the_list_in_order),
		T(verdicts_are_stored_logged_and_move_on),
		T(changing_a_verdict_logs_old_and_new),
		T(returning_needs_a_comment),
		T(an_interrupted_session_resumes_where_it_stopped),
		T(one_unfinished_session_per_reviewer),
		T(a_unit_editor_does_not_review),
		T(scope_unit_takes_one_units_touchpoints),
		T(scope_findings_takes_touchpoints_with_errors),
		T(scope_changed_compares_with_the_last_revision),
		T(detail_shows_record_findings_and_changes),
		T(approval_waits_for_changed_touchpoints_accepted),
		T(unaccepted_are_numbered_as_the_editor_shows_them),
		T(unaccepted_runs_inside_a_write_transaction),
		T(unaccepted_walk_hands_over_the_working_copy),
		T(returned_rows_stay_marked_until_they_change),
		T(loading_the_list_from_a_file_ends_every_verdict),
		T(scope_preview_starts_nothing),
		T(accept_is_of_the_version_shown),
		cmocka_unit_test(codes_and_words_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
