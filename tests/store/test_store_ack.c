/* test_store_ack.c - acknowledged warnings in the database (schema 2). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "schema_downgrade.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "store_ack.h"
#include "strvec.h"

struct fixture {
	struct store *st;
	struct list l;		/* as stored: ids filled in */
};

/* Two processes; the second has two touchpoints. */
static void
fill_list(struct list *l)
{
	struct process *p;

	list_init(l);
	p = list_add_process(l, "Консультирование");
	process_add_touchpoint(p, "Телефонная связь")->channel =
	    CHANNEL_OFFLINE;
	p = list_add_process(l, "Досудебное обжалование");
	process_add_touchpoint(p, "ЕПГУ")->channel = CHANNEL_DIGITAL;
	process_add_touchpoint(p, "Почта России")->channel = CHANNEL_OFFLINE;
}

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct error err;

	assert_int_equal(store_open(&fx->st, ":memory:", STORE_CREATE, &err),
	    0);
	fill_list(&fx->l);
	assert_int_equal(store_begin(fx->st, &err), 0);
	assert_int_equal(store_insert_list(fx->st, &fx->l, &err), 0);
	assert_int_equal(store_commit(fx->st, &err), 0);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	list_fini(&fx->l);
	store_close(fx->st);
	free(fx);
	return 0;
}

/* An acknowledgement on the stack with borrowed strings. */
static struct ack
make_ack(enum rule_id rule, int64_t proc_id, int64_t tp_id, const char *why)
{
	struct ack a;

	memset(&a, 0, sizeof a);
	a.rule = rule;
	a.proc_id = proc_id;
	a.tp_id = tp_id;
	a.justification = (char *)why;
	a.login = (char *)"clerk";
	a.created_utc = (char *)"";
	return a;
}

/* Add a in its own transaction; returns store_ack_add's result. */
static int
add_committed(struct fixture *fx, struct ack *a, struct error *err)
{
	int rc;

	assert_int_equal(store_begin(fx->st, err), 0);
	rc = store_ack_add(fx->st, a, err);
	if (rc == 0)
		assert_int_equal(store_commit(fx->st, err), 0);
	else
		store_rollback(fx->st);
	return rc;
}

static size_t
stored_count(struct fixture *fx)
{
	struct acks a;
	struct error err;
	size_t n;

	acks_init(&a);
	assert_int_equal(store_ack_list(fx->st, &a, &err), 0);
	n = a.n;
	acks_fini(&a);
	return n;
}

static void
add_then_list_round_trips(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0,
	    "  жалобы подаются только через ЕПГУ  ");
	struct acks got;
	struct error err;

	a.created_utc = (char *)"2024-03-19T10:00:00Z";
	assert_int_equal(add_committed(fx, &a, &err), 0);
	assert_true(a.id > 0);
	acks_init(&got);
	assert_int_equal(store_ack_list(fx->st, &got, &err), 0);
	assert_int_equal(got.n, 1);
	assert_int_equal(got.v[0].id, a.id);
	assert_int_equal(got.v[0].rule, RULE_R8);
	assert_int_equal(got.v[0].proc_id, fx->l.procs[1].id);
	assert_int_equal(got.v[0].tp_id, 0);
	assert_string_equal(got.v[0].justification,
	    "жалобы подаются только через ЕПГУ");
	assert_string_equal(got.v[0].login, "clerk");
	assert_string_equal(got.v[0].created_utc, "2024-03-19T10:00:00Z");
	acks_fini(&got);
}

static void
empty_time_means_now(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R4, fx->l.procs[1].id,
	    fx->l.procs[1].tps[1].id, "категории уточняются");
	struct acks got;
	struct error err;

	assert_int_equal(add_committed(fx, &a, &err), 0);
	acks_init(&got);
	assert_int_equal(store_ack_list(fx->st, &got, &err), 0);
	assert_int_equal(got.n, 1);
	assert_int_equal(strlen(got.v[0].created_utc), 20);
	assert_int_equal(got.v[0].created_utc[10], 'T');
	assert_int_equal(got.v[0].created_utc[19], 'Z');
	assert_int_equal(got.v[0].tp_id, fx->l.procs[1].tps[1].id);
	acks_fini(&got);
}

static void
same_target_replaces(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0, "первое");
	struct ack b = make_ack(RULE_R8, fx->l.procs[1].id, 0, "второе");
	struct acks got;
	struct error err;

	assert_int_equal(add_committed(fx, &a, &err), 0);
	assert_int_equal(add_committed(fx, &b, &err), 0);
	acks_init(&got);
	assert_int_equal(store_ack_list(fx->st, &got, &err), 0);
	assert_int_equal(got.n, 1);
	assert_string_equal(got.v[0].justification, "второе");
	acks_fini(&got);
}

static void
list_is_in_list_order(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0, "б");
	struct ack b = make_ack(RULE_R7, fx->l.procs[0].id, 0, "а");
	struct acks got;
	struct error err;

	assert_int_equal(add_committed(fx, &a, &err), 0);
	assert_int_equal(add_committed(fx, &b, &err), 0);
	acks_init(&got);
	assert_int_equal(store_ack_list(fx->st, &got, &err), 0);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.v[0].rule, RULE_R7);
	assert_int_equal(got.v[1].rule, RULE_R8);
	acks_fini(&got);
}

static void
remove_reports_whether_there_was_one(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0, "причина");
	struct error err;
	bool removed;

	assert_int_equal(add_committed(fx, &a, &err), 0);
	assert_int_equal(store_begin(fx->st, &err), 0);
	assert_int_equal(store_ack_remove(fx->st, RULE_R8, fx->l.procs[1].id, 0,
	    &removed, &err), 0);
	assert_true(removed);
	assert_int_equal(store_ack_remove(fx->st, RULE_R8, fx->l.procs[1].id, 0,
	    &removed, &err), 0);
	assert_false(removed);
	assert_int_equal(store_commit(fx->st, &err), 0);
	assert_int_equal(stored_count(fx), 0);
}

static void
rollback_undoes_add(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0, "причина");
	struct error err;

	assert_int_equal(store_begin(fx->st, &err), 0);
	assert_int_equal(store_ack_add(fx->st, &a, &err), 0);
	store_rollback(fx->st);
	assert_int_equal(stored_count(fx), 0);
}

static void
outside_transaction_is_refused(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0, "причина");
	struct error err;

	assert_int_equal(store_ack_add(fx->st, &a, &err), -1);
	assert_non_null(strstr(err.msg, "вне транзакции"));
	assert_int_equal(store_ack_remove(fx->st, RULE_R8, fx->l.procs[1].id,
	    0, NULL, &err), -1);
	assert_int_equal(stored_count(fx), 0);
}

static void
errors_hints_and_wrong_shapes_are_refused(void **state)
{
	struct fixture *fx = *state;
	int64_t p1 = fx->l.procs[1].id, tp = fx->l.procs[1].tps[0].id;
	struct ack err_rule = make_ack(RULE_R9, p1, tp, "x");
	struct ack hint_rule = make_ack(RULE_R6, p1, tp, "x");
	struct ack proc_with_tp = make_ack(RULE_R8, p1, tp, "x");
	struct ack tp_without = make_ack(RULE_R4, p1, 0, "x");
	struct error err;

	assert_int_equal(add_committed(fx, &err_rule, &err), -1);
	assert_non_null(strstr(err.msg, "ошибка"));
	assert_int_equal(add_committed(fx, &hint_rule, &err), -1);
	assert_non_null(strstr(err.msg, "подсказка"));
	assert_int_equal(add_committed(fx, &proc_with_tp, &err), -1);
	assert_int_equal(add_committed(fx, &tp_without, &err), -1);
	assert_int_equal(stored_count(fx), 0);
}

static void
blank_justification_is_refused(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0, " \n ");
	struct error err;

	assert_int_equal(add_committed(fx, &a, &err), -1);
	assert_non_null(strstr(err.msg, "обоснование"));
}

static void
missing_or_foreign_records_are_refused(void **state)
{
	struct fixture *fx = *state;
	struct ack gone = make_ack(RULE_R8, 9999, 0, "x");
	/* A touchpoint of process 2 named with process 1. */
	struct ack foreign = make_ack(RULE_R4, fx->l.procs[0].id,
	    fx->l.procs[1].tps[0].id, "x");
	struct error err;

	assert_int_equal(add_committed(fx, &gone, &err), -1);
	assert_non_null(strstr(err.msg, "процесса нет"));
	assert_int_equal(add_committed(fx, &foreign, &err), -1);
	assert_non_null(strstr(err.msg, "нет в этом процессе"));
}

static void
deleting_records_deletes_their_acks(void **state)
{
	struct fixture *fx = *state;
	struct ack a = make_ack(RULE_R8, fx->l.procs[1].id, 0, "x");
	struct ack b = make_ack(RULE_R4, fx->l.procs[1].id,
	    fx->l.procs[1].tps[1].id, "y");
	struct error err;

	assert_int_equal(add_committed(fx, &a, &err), 0);
	assert_int_equal(add_committed(fx, &b, &err), 0);
	assert_int_equal(stored_count(fx), 2);
	assert_int_equal(store_begin(fx->st, &err), 0);
	assert_int_equal(store_clear_list(fx->st, &err), 0);
	assert_int_equal(store_commit(fx->st, &err), 0);
	assert_int_equal(stored_count(fx), 0);
}

/* Turn a current database back into schema 1: drop every table that
 * schema 1 does not have (later migrations add tables) and the columns of
 * process that schema 6 added and of the header that schema 7 added. */
static void
downgrade_to_schema_1(const char *path)
{
	static const char *const v1[] = { "list_header", "need_category",
	    "kind", "process", "touchpoint", "contact", "need" };

	schema_downgrade(path, v1, sizeof v1 / sizeof v1[0],
	    "ALTER TABLE process DROP COLUMN excluded; "
	    "ALTER TABLE process DROP COLUMN exclude_reason; "
	    "ALTER TABLE list_header DROP COLUMN org_genitive", 1);
}

/* A database of schema 1 gains the ack table on opening and keeps its
 * list. */
static void
schema_1_is_migrated(void **state)
{
	char dir[] = "/tmp/perechen-ack.XXXXXX", path[64], cmd[96];
	struct store *st;
	struct list l, back;
	struct error err;
	struct ack a;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	assert_int_equal(store_open(&st, path, STORE_CREATE, &err), 0);
	fill_list(&l);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_insert_list(st, &l, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	store_close(st);
	downgrade_to_schema_1(path);

	assert_int_equal(store_open(&st, path, 0, &err), 0);
	list_init(&back);
	assert_int_equal(store_load_list(st, &back, &err), 0);
	assert_int_equal(back.nprocs, 2);
	assert_int_equal(back.procs[1].ntps, 2);
	a = make_ack(RULE_R8, back.procs[1].id, 0, "после обновления схемы");
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_ack_add(st, &a, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	store_close(st);
	list_fini(&back);
	list_fini(&l);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(add_then_list_round_trips),
		T(empty_time_means_now),
		T(same_target_replaces),
		T(list_is_in_list_order),
		T(remove_reports_whether_there_was_one),
		T(rollback_undoes_add),
		T(outside_transaction_is_refused),
		T(errors_hints_and_wrong_shapes_are_refused),
		T(blank_justification_is_refused),
		T(missing_or_foreign_records_are_refused),
		T(deleting_records_deletes_their_acks),
		cmocka_unit_test(schema_1_is_migrated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
