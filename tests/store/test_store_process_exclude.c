/* test_store_process_exclude.c - excluding a process with a reason and
 * restoring it: the log, refusals, roles, revisions, diffs, migration. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_edit.h"
#include "store_history.h"
#include "store_users.h"
#include "header_fixture.h"

static const struct actor olga = { "olga", "2026-11-29T10:00:00Z" };

struct fixture {
	char	 path[64];
	struct catalog cat;
	struct store *st;
	int64_t	 proc_id;	/* № 1 «Консультирование», one touchpoint */
	int64_t	 other_id;	/* № 2 «Обжалование» */
};

static void
add_touchpoint(struct fixture *f, int64_t proc_id, const char *unit)
{
	struct touchpoint tp;
	struct error err;

	touchpoint_init(&tp);
	model_set(&tp.name, "Почта России");
	model_set(&tp.unit, unit);
	tp.channel = CHANNEL_OFFLINE;
	touchpoint_add_need(&tp, "получение консультации", 0);
	if (store_touchpoint_save(f->st, proc_id, &tp, &f->cat, &olga,
	    &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_fini(&tp);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;
	int fd;

	snprintf(f->path, sizeof f->path, "/tmp/perechen-pexcl-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	catalog_init(&f->cat);
	if (store_open(&f->st, f->path, STORE_CREATE, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_process_add(f->st, "Консультирование", &olga,
	    &f->proc_id, &err), 0);
	assert_int_equal(store_process_add(f->st, "Обжалование", &olga,
	    &f->other_id, &err), 0);
	add_touchpoint(f, f->proc_id, "отдел А");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char *wal;

	store_close(f->st);
	catalog_fini(&f->cat);
	unlink(f->path);
	wal = xasprintf("%s-wal", f->path);
	unlink(wal);
	free(wal);
	wal = xasprintf("%s-shm", f->path);
	unlink(wal);
	free(wal);
	free(f);
	return 0;
}

/* The change log, oldest first. */
static void
read_log(struct fixture *f, struct changes *c)
{
	struct log_filter lf = { .trigger = -1, .oldest_first = true };
	struct error err;

	changes_init(c);
	if (store_log_query(f->st, &lf, c, &err) != 0)
		fail_msg("%s", err.msg);
}

static size_t
log_size(struct fixture *f)
{
	struct changes c;
	size_t n;

	read_log(f, &c);
	n = c.n;
	changes_fini(&c);
	return n;
}

/* The working list's process № pnum: its flag and reason. */
static void
assert_process(struct fixture *f, size_t pnum, bool excluded,
    const char *reason)
{
	struct list l;
	struct error err;

	list_init(&l);
	assert_int_equal(store_load_list(f->st, &l, &err), 0);
	assert_true(pnum >= 1 && pnum <= l.nprocs);
	assert_int_equal(l.procs[pnum - 1].excluded, excluded);
	assert_string_equal(l.procs[pnum - 1].exclude_reason, reason);
	list_fini(&l);
}

static void
exclusion_is_5_3_4_and_restoring_5_3_1(void **state)
{
	struct fixture *f = *state;
	struct changes c;
	struct process p;
	struct error err;

	assert_int_equal(store_process_exclude(f->st, f->proc_id,
	    "передан в другой орган", &olga, &err), 0);
	assert_process(f, 1, true, "передан в другой орган");
	memset(&p, 0, sizeof p);
	assert_int_equal(store_process_load(f->st, f->proc_id, &p, &err), 0);
	assert_true(p.excluded);
	assert_string_equal(p.exclude_reason, "передан в другой орган");
	process_fini(&p);
	read_log(f, &c);
	assert_string_equal(c.v[c.n - 1].record, "процесс");
	assert_int_equal(c.v[c.n - 1].record_id, f->proc_id);
	assert_int_equal(c.v[c.n - 1].trigger, TRIGGER_EXCLUDED);
	assert_string_equal(c.v[c.n - 1].label, "1 Консультирование");
	assert_non_null(strstr(c.v[c.n - 1].new_value,
	    "передан в другой орган"));
	changes_fini(&c);

	assert_int_equal(store_process_restore(f->st, f->proc_id, &olga,
	    &err), 0);
	assert_process(f, 1, false, "");
	read_log(f, &c);
	assert_string_equal(c.v[c.n - 1].record, "процесс");
	assert_int_equal(c.v[c.n - 1].trigger, TRIGGER_NEW);
	assert_string_equal(c.v[c.n - 1].new_value, "возвращён в перечень");
	changes_fini(&c);
}

static void
exclusion_needs_a_reason(void **state)
{
	struct fixture *f = *state;
	size_t before = log_size(f);
	struct error err;

	assert_int_equal(store_process_exclude(f->st, f->proc_id, "", &olga,
	    &err), -1);
	assert_non_null(strstr(err.msg, "причину"));
	assert_int_equal(store_process_exclude(f->st, f->proc_id, NULL, &olga,
	    &err), -1);
	assert_process(f, 1, false, "");
	assert_int_equal(log_size(f), before);
}

static void
excluding_twice_and_restoring_an_included_one_are_refused(void **state)
{
	struct fixture *f = *state;
	struct error err;
	size_t before;

	assert_int_equal(store_process_restore(f->st, f->proc_id, &olga,
	    &err), -1);
	assert_non_null(strstr(err.msg, "не исключён"));
	assert_int_equal(store_process_exclude(f->st, f->proc_id, "дубль",
	    &olga, &err), 0);
	before = log_size(f);
	assert_int_equal(store_process_exclude(f->st, f->proc_id, "ещё раз",
	    &olga, &err), -1);
	assert_non_null(strstr(err.msg, "уже исключён"));
	assert_process(f, 1, true, "дубль");
	assert_int_equal(log_size(f), before);
}

static void
only_those_who_edit_processes_may_exclude(void **state)
{
	struct fixture *f = *state;
	struct actor anna = { "anna", olga.now_utc };
	struct actor vera = { "vera", olga.now_utc };
	struct strvec units;
	struct error err;
	size_t before;

	strvec_init(&units);
	strvec_push(&units, "отдел А");
	assert_int_equal(store_users_set(f->st, "anna", ROLE_EDITOR, &units,
	    &olga, NULL, &err), 0);
	strvec_fini(&units);
	strvec_init(&units);
	assert_int_equal(store_users_set(f->st, "vera", ROLE_VIEWER, &units,
	    &olga, NULL, &err), 0);
	strvec_fini(&units);
	before = log_size(f);
	/* Even the editor of the unit of every touchpoint of the process. */
	assert_int_equal(store_process_exclude(f->st, f->proc_id, "причина",
	    &anna, &err), -1);
	assert_non_null(strstr(err.msg, "уполномоченное лицо"));
	assert_int_equal(store_process_exclude(f->st, f->proc_id, "причина",
	    &vera, &err), -1);
	assert_int_equal(log_size(f), before);
	assert_process(f, 1, false, "");
	assert_int_equal(store_process_exclude(f->st, f->proc_id, "причина",
	    &olga, &err), 0);
	assert_int_equal(store_process_restore(f->st, f->proc_id, &anna,
	    &err), -1);
	assert_process(f, 1, true, "причина");
}

static void
revision_keeps_the_flag_and_diff_reports_it(void **state)
{
	struct fixture *f = *state;
	struct list frozen, now;
	struct changes c;
	int64_t rev1, rev2;
	struct error err;

	give_header(f->st, &olga);
	assert_int_equal(store_revision_approve(f->st, "1", "2026-01-10",
	    &olga, &rev1, &err), 0);
	assert_int_equal(store_process_exclude(f->st, f->other_id,
	    "больше не оказывается", &olga, &err), 0);
	assert_int_equal(store_revision_approve(f->st, "2", "2026-02-10",
	    &olga, &rev2, &err), 0);

	list_init(&frozen);
	assert_int_equal(store_revision_load_list(f->st, rev2, &frozen, &err),
	    0);
	assert_int_equal(frozen.nprocs, 2);
	assert_false(frozen.procs[0].excluded);
	assert_true(frozen.procs[1].excluded);
	assert_string_equal(frozen.procs[1].exclude_reason,
	    "больше не оказывается");
	list_fini(&frozen);

	/* Revision 1 against now: out of the list, п. 5.3.4. */
	list_init(&frozen);
	list_init(&now);
	assert_int_equal(store_revision_load_list(f->st, rev1, &frozen, &err),
	    0);
	assert_false(frozen.procs[1].excluded);
	assert_int_equal(store_load_list(f->st, &now, &err), 0);
	changes_init(&c);
	change_diff_lists(&frozen, &now, &f->cat, &c);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.v[0].record, "процесс");
	assert_int_equal(c.v[0].trigger, TRIGGER_EXCLUDED);
	assert_string_equal(c.v[0].label, "2 Обжалование");
	changes_fini(&c);
	list_fini(&frozen);
	list_fini(&now);

	/* Revision 2 against the restored list: back in, п. 5.3.1. */
	assert_int_equal(store_process_restore(f->st, f->other_id, &olga,
	    &err), 0);
	list_init(&frozen);
	list_init(&now);
	assert_int_equal(store_revision_load_list(f->st, rev2, &frozen, &err),
	    0);
	assert_int_equal(store_load_list(f->st, &now, &err), 0);
	changes_init(&c);
	change_diff_lists(&frozen, &now, &f->cat, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].trigger, TRIGGER_NEW);
	assert_string_equal(c.v[0].field, "исключение");
	changes_fini(&c);
	list_fini(&frozen);
	list_fini(&now);
}

static void
a_whole_list_keeps_the_flag_when_inserted(void **state)
{
	struct fixture *f = *state;
	struct list l;
	struct process *p;
	struct error err;

	list_init(&l);
	p = list_add_process(&l, "Выдача разрешений");
	p->excluded = true;
	model_set(&p->exclude_reason, "отменён");
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_clear_list(f->st, &err), 0);
	assert_int_equal(store_insert_list(f->st, &l, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	list_fini(&l);
	assert_process(f, 1, true, "отменён");
}

/* A list of schema 5 gains the columns on opening: nothing excluded. */
static void
schema_5_is_migrated(void **state)
{
	struct fixture *f = *state;
	sqlite3 *db;
	struct error err;

	store_close(f->st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "ALTER TABLE process DROP COLUMN "
	    "excluded; ALTER TABLE process DROP COLUMN exclude_reason; "
	    "ALTER TABLE rev_process DROP COLUMN excluded; "
	    "ALTER TABLE rev_process DROP COLUMN exclude_reason; "
	    "ALTER TABLE list_header DROP COLUMN org_genitive; "
	    "ALTER TABLE rev_header DROP COLUMN org_genitive; "
	    "ALTER TABLE revision DROP COLUMN cycle_start; "
	    "ALTER TABLE revision DROP COLUMN cycle_due; "
	    "ALTER TABLE review_item DROP COLUMN seen_log_id; "
	    "ALTER TABLE change_log DROP COLUMN hash; "
	    "ALTER TABLE revision DROP COLUMN approves; "
	    "ALTER TABLE revision DROP COLUMN hash; "
	    "DROP TABLE chain_checkpoint; "
	    "PRAGMA user_version = 5", 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
	if (store_open(&f->st, f->path, 0, &err) != 0)
		fail_msg("%s", err.msg);
	assert_process(f, 1, false, "");
	assert_int_equal(store_process_exclude(f->st, f->proc_id, "причина",
	    &olga, &err), 0);
	assert_process(f, 1, true, "причина");
}

/* A list of schema 6 gains the genitive and the revision's cycle, and
 * the shipped ЕПГУ it keeps becomes key and written (п. 3.2, 3.2.4); a
 * kind the clerk made is left as the clerk made it. */
static void
schema_6_is_migrated(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *st;
	sqlite3 *db;
	struct error err;

	store_close(f->st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	    "ALTER TABLE list_header DROP COLUMN org_genitive; "
	    "ALTER TABLE rev_header DROP COLUMN org_genitive; "
	    "ALTER TABLE revision DROP COLUMN cycle_start; "
	    "ALTER TABLE revision DROP COLUMN cycle_due; "
	    "ALTER TABLE review_item DROP COLUMN seen_log_id; "
	    "ALTER TABLE change_log DROP COLUMN hash; "
	    "ALTER TABLE revision DROP COLUMN approves; "
	    "ALTER TABLE revision DROP COLUMN hash; "
	    "DROP TABLE chain_checkpoint; "
	    "DELETE FROM kind WHERE code IN ('epgu', 'tor_knd'); "
	    "INSERT INTO kind (code, name, channel, key_default, written, "
	    "  custom) VALUES ('epgu', 'ЕПГУ', 1, 0, 0, 0), "
	    "  ('tor_knd', 'ГИС ТОР КНД', 1, 0, 0, 1); "
	    "PRAGMA user_version = 6", 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
	if (store_open(&f->st, f->path, 0, &err) != 0)
		fail_msg("%s", err.msg);
	store_close(f->st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT code, key_default, "
	    "written, (SELECT org_genitive FROM list_header) FROM kind WHERE "
	    "code IN ('epgu', 'tor_knd') ORDER BY code", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "epgu");
	assert_int_equal(sqlite3_column_int(st, 1), 1);
	assert_int_equal(sqlite3_column_int(st, 2), 1);
	assert_string_equal(sqlite3_column_text(st, 3), "");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "tor_knd");
	assert_int_equal(sqlite3_column_int(st, 1), 0);
	assert_int_equal(sqlite3_column_int(st, 2), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	if (store_open(&f->st, f->path, 0, &err) != 0)
		fail_msg("%s", err.msg);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(exclusion_is_5_3_4_and_restoring_5_3_1),
		T(exclusion_needs_a_reason),
		T(excluding_twice_and_restoring_an_included_one_are_refused),
		T(only_those_who_edit_processes_may_exclude),
		T(revision_keeps_the_flag_and_diff_reports_it),
		T(a_whole_list_keeps_the_flag_when_inserted),
		T(schema_5_is_migrated),
		T(schema_6_is_migrated),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
