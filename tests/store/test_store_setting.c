/* test_store_setting.c - settings in the database (schema 4). */
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
#include "store_setting.h"

static int
setup(void **state)
{
	struct store *st;
	struct error err;

	assert_int_equal(store_open(&st, ":memory:", STORE_CREATE, &err), 0);
	*state = st;
	return 0;
}

static int
teardown(void **state)
{
	store_close(*state);
	return 0;
}

/* The value of key, which must be set; caller frees. */
static char *
get_set(struct store *st, const char *key)
{
	struct error err;
	char *v;
	bool found;

	if (store_setting_get(st, key, &v, &found, &err) != 0)
		fail_msg("store_setting_get: %s", err.msg);
	assert_true(found);
	assert_non_null(v);
	return v;
}

static void
unset_key_is_not_found(void **state)
{
	struct error err;
	char *v = (char *)"stale";
	bool found = true;

	assert_int_equal(store_setting_get(*state, "page.size", &v, &found,
	    &err), 0);
	assert_false(found);
	assert_null(v);
}

static void
set_then_get_round_trips(void **state)
{
	struct error err;
	char *v;

	assert_int_equal(store_setting_set(*state, "grif.wording",
	    "приказом Министерства\n«О перечне» 'x'", &err), 0);
	v = get_set(*state, "grif.wording");
	assert_string_equal(v, "приказом Министерства\n«О перечне» 'x'");
	free(v);
}

static void
set_replaces_the_value(void **state)
{
	struct error err;
	char *v;

	assert_int_equal(store_setting_set(*state, "page.size", "A3", &err),
	    0);
	assert_int_equal(store_setting_set(*state, "page.size", "A5", &err),
	    0);
	v = get_set(*state, "page.size");
	assert_string_equal(v, "A5");
	free(v);
}

static void
list_is_by_key_and_paired(void **state)
{
	struct strvec keys, values;
	struct error err;

	assert_int_equal(store_setting_set(*state, "page.size", "A4", &err),
	    0);
	assert_int_equal(store_setting_set(*state, "grif.wording", "", &err),
	    0);
	assert_int_equal(store_setting_set(*state, "page.font", "PT Serif",
	    &err), 0);
	strvec_init(&keys);
	strvec_init(&values);
	assert_int_equal(store_setting_list(*state, &keys, &values, &err), 0);
	assert_int_equal(keys.n, 3);
	assert_int_equal(values.n, 3);
	assert_string_equal(keys.v[0], "grif.wording");
	assert_string_equal(values.v[0], "");
	assert_string_equal(keys.v[1], "page.font");
	assert_string_equal(values.v[1], "PT Serif");
	assert_string_equal(keys.v[2], "page.size");
	assert_string_equal(values.v[2], "A4");
	strvec_fini(&keys);
	strvec_fini(&values);
}

static void
unset_reports_whether_it_was_set(void **state)
{
	struct error err;
	bool removed = false, found = true;
	char *v;

	assert_int_equal(store_setting_set(*state, "page.size", "A3", &err),
	    0);
	assert_int_equal(store_setting_unset(*state, "page.size", &removed,
	    &err), 0);
	assert_true(removed);
	assert_int_equal(store_setting_unset(*state, "page.size", &removed,
	    &err), 0);
	assert_false(removed);
	assert_int_equal(store_setting_get(*state, "page.size", &v, &found,
	    &err), 0);
	assert_false(found);
}

/* A change inside someone's open transaction would be committed with it
 * or lost with it: each change is its own transaction, so it is refused. */
static void
set_inside_a_transaction_is_refused(void **state)
{
	struct error err;

	assert_int_equal(store_begin(*state, &err), 0);
	assert_int_equal(store_setting_set(*state, "page.size", "A3", &err),
	    -1);
	store_rollback(*state);
}

/* A read-only store is not written. */
static void
read_only_store_refuses_a_change(void **state)
{
	char path[] = "/tmp/perechen-setting-XXXXXX";
	struct store *st;
	struct error err;
	char *db, *v;
	bool found;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	db = xasprintf("%s.db", path);
	assert_int_equal(store_open(&st, db, STORE_CREATE, &err), 0);
	assert_int_equal(store_setting_set(st, "page.size", "A3", &err), 0);
	store_close(st);
	assert_int_equal(store_open(&st, db, STORE_READONLY, &err), 0);
	assert_int_equal(store_setting_set(st, "page.size", "A5", &err), -1);
	assert_int_equal(store_setting_get(st, "page.size", &v, &found, &err),
	    0);
	assert_true(found);
	assert_string_equal(v, "A3");
	free(v);
	store_close(st);
	unlink(db);
	free(db);
}

/* Turn a current database back into schema 3: drop every table that
 * schema 3 does not have, the columns of process and rev_process that
 * schema 6 added and those of the header and revisions that schema 7
 * added. */
static void
downgrade_to_schema_3(const char *path)
{
	static const char *const v3[] = { "list_header", "need_category",
	    "kind", "process", "touchpoint", "contact", "need", "ack",
	    "change_log", "revision", "rev_header", "rev_process",
	    "rev_touchpoint", "rev_contact", "rev_need" };

	schema_downgrade(path, v3, sizeof v3 / sizeof v3[0],
	    "ALTER TABLE process DROP COLUMN excluded; "
	    "ALTER TABLE process DROP COLUMN exclude_reason; "
	    "ALTER TABLE rev_process DROP COLUMN excluded; "
	    "ALTER TABLE rev_process DROP COLUMN exclude_reason; "
	    "ALTER TABLE list_header DROP COLUMN org_genitive; "
	    "ALTER TABLE rev_header DROP COLUMN org_genitive; "
	    "ALTER TABLE revision DROP COLUMN cycle_start; "
	    "ALTER TABLE revision DROP COLUMN cycle_due", 3);
}

/* A database of schema 3 gains the setting table on opening. */
static void
schema_3_is_migrated(void **state)
{
	char path[] = "/tmp/perechen-setting-XXXXXX";
	struct store *st;
	struct error err;
	sqlite3 *db;
	char *file;
	int fd = mkstemp(path), version = 0;
	sqlite3_stmt *q;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	file = xasprintf("%s.db", path);
	assert_int_equal(store_open(&st, file, STORE_CREATE, &err), 0);
	/* A first (empty) list: a file that never got one is removed. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	store_close(st);
	downgrade_to_schema_3(file);
	assert_int_equal(store_open(&st, file, 0, &err), 0);
	assert_int_equal(store_setting_set(st, "page.size", "A3", &err), 0);
	store_close(st);
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	version = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_int_equal(version, STORE_SCHEMA_VERSION);
	unlink(file);
	free(file);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(unset_key_is_not_found),
		T(set_then_get_round_trips),
		T(set_replaces_the_value),
		T(list_is_by_key_and_paired),
		T(unset_reports_whether_it_was_set),
		T(set_inside_a_transaction_is_refused),
		cmocka_unit_test(read_only_store_refuses_a_change),
		cmocka_unit_test(schema_3_is_migrated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
