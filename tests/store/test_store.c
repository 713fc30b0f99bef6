/* test_store.c - the database: schema, migrations, transactions, lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store.h"

struct fixture {
	char	 dir[64];
	char	 path[128];
	struct catalog cat;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "/tmp/perechen-store.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	catalog_init(&f->cat);
	catalog_add_kind(&f->cat, "phone", "Телефонная связь", CHANNEL_OFFLINE,
	    "4.2.1", true, false, true, false, "телефон");
	catalog_add_kind(&f->cat, "email", "Электронная почта", CHANNEL_DIGITAL,
	    "4.1.2", true, true, false, false, "почта");
	catalog_parse_needs(&f->cat, "1\t2.6.1\tполучение информации\t\n"
	    "2\t2.6.2\tполучение консультации\t\n", "needs", NULL);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[256];

	catalog_fini(&f->cat);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* A small list: two processes, a touchpoint with contacts and needs. */
static void
sample_list(struct list *l)
{
	struct process *p;
	struct touchpoint *tp;

	list_init(l);
	p = list_add_process(l, "Консультирование");
	tp = process_add_touchpoint(p, "Телефонная связь");
	model_set(&tp->kind, "phone");
	tp->channel = CHANNEL_OFFLINE;
	tp->key = true;
	tp->max_transfers = 2;
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-25-09");
	touchpoint_add_need(tp, "получение консультации", 2);
	touchpoint_add_need(tp, "прочее", 0);
	tp = process_add_touchpoint(p, "Голубиная почта");
	model_set(&tp->kind, "pigeon");
	tp->channel = CHANNEL_OFFLINE;
	model_set(&tp->unit, "отдел связи");
	list_add_process(l, "Информирование");
}

static void
open_store(struct fixture *f, int flags, struct store **st)
{
	struct error err;

	if (store_open(st, f->path, flags, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
missing_file_is_not_created_without_flag(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct error err;

	assert_int_equal(store_open(&st, f->path, 0, &err), -1);
	assert_non_null(strstr(err.msg, "не найден"));
	assert_int_not_equal(access(f->path, F_OK), 0);
}

static void
new_database_is_migrated_and_reopens(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	bool missing;
	struct error err;

	open_store(f, STORE_CREATE, &st);
	assert_int_equal(store_catalog_missing(st, &missing, &err), 0);
	assert_true(missing);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_seed_catalog(st, &f->cat, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	/* Its first list (an empty one, as init writes it) finishes it. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	store_close(st);
	open_store(f, 0, &st);
	assert_int_equal(store_catalog_missing(st, &missing, &err), 0);
	assert_false(missing);
	store_close(st);
}

/* The file a creator was killed in: removed by the next open, which
 * says so. */
static void
assert_removed_as_interrupted(struct fixture *f)
{
	struct store *st;
	struct error err;

	assert_int_equal(store_open(&st, f->path, 0, &err), -1);
	assert_non_null(strstr(err.msg, "создание было прервано"));
	assert_int_not_equal(access(f->path, F_OK), 0);
}

/* A new file made with its catalogue and in (bulk: as import makes it),
 * reopened: in's two processes are there. */
static void
create_with_list(struct fixture *f, struct list *in, bool bulk)
{
	struct store *st;
	struct error err;
	size_t procs;

	open_store(f, STORE_CREATE, &st);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_seed_catalog(st, &f->cat, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	if (bulk)
		store_bulk_begin(st);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_insert_list(st, in, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	if (bulk)
		store_bulk_end(st);
	store_close(st);
	open_store(f, 0, &st);
	assert_int_equal(store_count(st, &procs, NULL, NULL, &err), 0);
	assert_int_equal(procs, 2);
	store_close(st);
}

/* A kill -9 during the first import of a new file leaves no list file:
 * one that got its catalogue but never its first list is removed at the
 * next start, and made anew when asked to create. */
static void
interrupted_creation_leaves_no_list(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct list in;
	struct error err;

	open_store(f, STORE_CREATE, &st);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_seed_catalog(st, &f->cat, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	sample_list(&in);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_insert_list(st, &in, &err), 0);
	store_close(st);	/* killed before the import's commit */
	assert_int_equal(access(f->path, F_OK), 0);
	assert_removed_as_interrupted(f);
	create_with_list(f, &in, false);
	list_fini(&in);
}

/* The journal mode a database file is left in ("wal", "delete"). */
static void
assert_journal_mode(const char *path, const char *mode)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), mode);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* The first import of a new file, with a rollback journal for its one
 * transaction: a process killed in it (its journal left hot) leaves no
 * list, and one that ends leaves the list in WAL as any other. */
static void
bulk_first_import_is_removed_or_ends_in_wal(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct list in;
	struct error err;
	char journal[4096];
	pid_t pid;
	int status;

	sample_list(&in);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (store_open(&st, f->path, STORE_CREATE, &err) != 0 ||
		    store_begin(st, &err) != 0 ||
		    store_seed_catalog(st, &f->cat, &err) != 0 ||
		    store_commit(st, &err) != 0)
			_exit(2);
		store_bulk_begin(st);
		if (store_begin(st, &err) != 0 ||
		    store_insert_list(st, &in, &err) != 0)
			_exit(2);
		snprintf(journal, sizeof journal, "%s-journal", f->path);
		/* Killed before the import's commit, its journal there. */
		_exit(access(journal, F_OK) == 0 ? 0 : 3);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_removed_as_interrupted(f);
	create_with_list(f, &in, true);
	assert_journal_mode(f->path, "wal");
	list_fini(&in);
}

/* A creator killed before SQLite wrote a byte leaves the empty file the
 * program made for the list's mode: a reading command neither opens it
 * nor leaves a migrated empty list behind; a creating one makes the list. */
static void
empty_file_is_no_list(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct error err;
	struct stat sb;
	FILE *fp = fopen(f->path, "w");

	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(store_open(&st, f->path, 0, &err), -1);
	assert_non_null(strstr(err.msg, "файл пуст"));
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	open_store(f, STORE_CREATE, &st);
	store_close(st);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_true(sb.st_size > 0);
}

/* in stored in a new list, with its catalogue, and read back into out
 * (initialised here); *st left open. */
static void
store_and_load(struct fixture *f, struct list *in, struct list *out,
    struct store **st)
{
	struct error err;

	open_store(f, STORE_CREATE, st);
	assert_int_equal(store_begin(*st, &err), 0);
	assert_int_equal(store_seed_catalog(*st, &f->cat, &err), 0);
	if (store_insert_list(*st, in, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_commit(*st, &err), 0);
	list_init(out);
	assert_int_equal(store_load_list(*st, out, &err), 0);
}

/* Many rows are written several to a statement, a process's last ones
 * one by one: a process of 70 touchpoints, with 0 to 2 needs each,
 * reads back in order with the ids the import was given, ids going on
 * from those already there. */
static void
long_process_round_trips_in_order(void **state)
{
	struct fixture *f = *state;
	struct list in, out;
	struct store *st;
	struct process *p;
	char name[96];

	sample_list(&in);
	p = list_add_process(&in, "Досудебное обжалование");
	for (int i = 0; i < 70; i++) {
		struct touchpoint *tp;

		snprintf(name, sizeof name, "Точка %d", i + 1);
		tp = process_add_touchpoint(p, name);
		for (int k = 0; k < i % 3; k++) {
			snprintf(name, sizeof name, "потребность %d.%d", i + 1,
			    k + 1);
			touchpoint_add_need(tp, name, k);
		}
	}
	store_and_load(f, &in, &out, &st);
	assert_int_equal(out.nprocs, 3);
	p = &out.procs[2];
	assert_int_equal(p->ntps, 70);
	for (size_t i = 0; i < p->ntps; i++) {
		const struct touchpoint *tp = &p->tps[i];

		snprintf(name, sizeof name, "Точка %zu", i + 1);
		assert_string_equal(tp->name, name);
		assert_int_equal(tp->id, in.procs[2].tps[i].id);
		assert_int_equal(tp->id, out.procs[0].tps[1].id + 1 +
		    (int64_t)i);
		assert_int_equal(tp->nneeds, i % 3);
		for (size_t k = 0; k < tp->nneeds; k++) {
			snprintf(name, sizeof name, "потребность %zu.%zu",
			    i + 1, k + 1);
			assert_string_equal(tp->needs[k].wording, name);
			assert_int_equal(tp->needs[k].category, (int)k);
			assert_int_equal(tp->needs[k].id,
			    in.procs[2].tps[i].needs[k].id);
		}
	}
	list_fini(&in);
	list_fini(&out);
	store_close(st);
}

static void
list_round_trips_in_order(void **state)
{
	struct fixture *f = *state;
	struct list in, out;
	struct store *st;
	struct catalog c;
	struct error err;
	struct touchpoint *tp;

	sample_list(&in);
	store_and_load(f, &in, &out, &st);
	assert_int_equal(out.nprocs, 2);
	assert_string_equal(out.procs[1].name, "Информирование");
	assert_int_equal(out.procs[1].ntps, 0);
	tp = &out.procs[0].tps[0];
	assert_string_equal(tp->name, "Телефонная связь");
	assert_true(tp->key);
	assert_int_equal(tp->max_transfers, 2);
	assert_int_equal(tp->ack_receipt, TRI_UNKNOWN);
	assert_int_equal(tp->nneeds, 2);
	assert_int_equal(tp->needs[0].category, 2);
	assert_int_equal(tp->needs[1].category, 0);
	assert_string_equal(tp->contacts[0].value, "+7 (4812) 29-25-09");
	assert_string_equal(out.procs[0].tps[1].unit, "отдел связи");
	/* An unknown kind became a custom kind of this list. */
	catalog_init(&c);
	assert_int_equal(store_read_catalog(st, &c, &err), 0);
	assert_non_null(catalog_find_kind(&c, "pigeon"));
	assert_true(catalog_find_kind(&c, "pigeon")->custom);
	assert_int_equal(c.ncats, 2);
	catalog_fini(&c);
	list_fini(&in);
	list_fini(&out);
	store_close(st);
}

static void
rollback_leaves_nothing_behind(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct list in;
	size_t procs, tps, needs;
	struct error err;

	open_store(f, STORE_CREATE, &st);
	sample_list(&in);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_seed_catalog(st, &f->cat, &err), 0);
	assert_int_equal(store_insert_list(st, &in, &err), 0);
	store_rollback(st);
	assert_int_equal(store_count(st, &procs, &tps, &needs, &err), 0);
	assert_int_equal(procs + tps + needs, 0);
	list_fini(&in);
	store_close(st);
}

static void
clear_removes_children_by_cascade(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct list in;
	size_t procs, tps, needs;
	struct error err;

	open_store(f, STORE_CREATE, &st);
	sample_list(&in);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_seed_catalog(st, &f->cat, &err), 0);
	assert_int_equal(store_insert_list(st, &in, &err), 0);
	assert_int_equal(store_clear_list(st, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(store_count(st, &procs, &tps, &needs, &err), 0);
	assert_int_equal(procs + tps + needs, 0);
	list_fini(&in);
	store_close(st);
}

static void
header_is_kept(void **state)
{
	struct fixture *f = *state;
	struct list_header h;
	struct store *st;
	struct error err;

	open_store(f, STORE_CREATE, &st);
	list_header_init(&h);
	model_set(&h.org, "Министерство");
	model_set(&h.title, "точек взаимодействия");
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_set_header(st, &h, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	list_header_fini(&h);
	list_header_init(&h);
	assert_int_equal(store_get_header(st, &h, &err), 0);
	assert_string_equal(h.org, "Министерство");
	list_header_fini(&h);
	store_close(st);
}

static void
foreign_and_newer_databases_are_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct error err;
	sqlite3 *db;
	char sql[64];

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x)", 0, 0, 0), 0);
	sqlite3_close(db);
	assert_int_equal(store_open(&st, f->path, 0, &err), -1);
	assert_non_null(strstr(err.msg, "не перечень"));
	unlink(f->path);
	open_store(f, STORE_CREATE, &st);
	store_close(st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    STORE_SCHEMA_VERSION + 1);
	assert_int_equal(sqlite3_exec(db, sql, 0, 0, 0), 0);
	sqlite3_close(db);
	assert_int_equal(store_open(&st, f->path, 0, &err), -1);
	assert_non_null(strstr(err.msg, "более новой версией"));
}

static void
not_a_database_is_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct error err;
	FILE *fp = fopen(f->path, "w");

	fputs("это не база данных, а просто текст, и довольно длинный, "
	    "чтобы SQLite прочёл заголовок\n", fp);
	fclose(fp);
	assert_int_equal(store_open(&st, f->path, 0, &err), -1);
	assert_non_null(strstr(err.msg, "не является"));
}

static void
second_writer_gets_a_clear_busy_message(void **state)
{
	struct fixture *f = *state;
	struct store *a, *b;
	struct error err;
	sqlite3 *db;

	open_store(f, STORE_CREATE, &a);
	/* Hold the write lock from a raw connection with no busy timeout. */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), 0);
	open_store(f, 0, &b);
	store_set_busy_timeout(a, 50);
	assert_int_equal(store_begin(a, &err), -1);
	assert_non_null(strstr(err.msg, "другой пользователь"));
	sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
	sqlite3_close(db);
	assert_int_equal(store_begin(b, &err), 0);
	store_rollback(b);
	store_close(a);
	store_close(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(missing_file_is_not_created_without_flag, setup, teardown),
		cmocka_unit_test_setup_teardown(new_database_is_migrated_and_reopens, setup, teardown),
		cmocka_unit_test_setup_teardown(interrupted_creation_leaves_no_list, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_first_import_is_removed_or_ends_in_wal, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_file_is_no_list, setup, teardown),
		cmocka_unit_test_setup_teardown(list_round_trips_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(long_process_round_trips_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(rollback_leaves_nothing_behind, setup, teardown),
		cmocka_unit_test_setup_teardown(clear_removes_children_by_cascade, setup, teardown),
		cmocka_unit_test_setup_teardown(header_is_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(foreign_and_newer_databases_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(not_a_database_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(second_writer_gets_a_clear_busy_message, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
