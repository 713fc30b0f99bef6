/* test_store_view.c - keyset paging, folding, search and bounded reads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/store_int.h"
#include "store.h"
#include "store_view.h"
#include "store_scratch.h"

struct fixture {
	struct store *st;
	struct store_view *v;
};

/* A small list: three processes, the middle one with no touchpoints. */
static void
build_small(struct list *l)
{
	struct process *p;
	struct touchpoint *tp;

	p = list_add_process(l, "Информирование");
	tp = process_add_touchpoint(p, "Официальный сайт");
	tp->channel = CHANNEL_DIGITAL;
	model_set(&tp->kind, "site");
	touchpoint_add_need(tp, "Получение информации", 1);
	touchpoint_add_contact(tp, CONTACT_URL, "https://example.ru/");
	tp = process_add_touchpoint(p, "Электронная почта");
	tp->channel = CHANNEL_DIGITAL;
	touchpoint_add_need(tp, "Получение информации", 1);
	touchpoint_add_need(tp, "Получение консультации", 2);
	touchpoint_add_need(tp, "Представление документов", 4);
	touchpoint_add_contact(tp, CONTACT_EMAIL, "otdel@Example.ru");
	tp = process_add_touchpoint(p, "Телефонная связь");
	tp->channel = CHANNEL_OFFLINE;
	touchpoint_add_need(tp, "Получение информации", 1);
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-25-09");
	list_add_process(l, "Пустой процесс");
	p = list_add_process(l, "Консультирование");
	tp = process_add_touchpoint(p, "ПОЧТА РОССИИ");
	tp->channel = CHANNEL_OFFLINE;
	touchpoint_add_need(tp, "Получение консультации", 2);
	tp = process_add_touchpoint(p, "Видеоконференцсвязь");
	tp->channel = CHANNEL_DIGITAL;
	model_set(&tp->unit, "Отдел ёлочных игрушек");
	touchpoint_add_need(tp, "Получение консультации", 2);
}

static int
open_with(struct fixture *f, struct list *l, const char *path)
{
	struct error err;

	if (store_open(&f->st, path, STORE_CREATE, &err) != 0)
		return -1;
	/* The catalogue rows the list refers to. */
	if (sqlite3_exec(f->st->db, "INSERT INTO need_category (code, clause, "
	    "title) VALUES (1, '2.6.1', 'a'), (2, '2.6.2', 'b'), "
	    "(4, '2.6.4', 'c'); INSERT INTO kind (code, name, channel) VALUES "
	    "('site', 'Официальный сайт Министерства', 1)", NULL, NULL,
	    NULL) != SQLITE_OK)
		return -1;
	if (store_begin(f->st, &err) != 0 ||
	    store_insert_list(f->st, l, &err) != 0 ||
	    store_commit(f->st, &err) != 0 ||
	    store_view_new(f->st, &f->v, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int
setup_small(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct list l;
	int rc;

	list_init(&l);
	build_small(&l);
	rc = open_with(f, &l, ":memory:");
	list_fini(&l);
	*state = f;
	return rc;
}

/* The small list searched through the index alone, and after one row
 * folded: the paths a long list takes. */
static int
setup_index_only(void **state)
{
	int rc = setup_small(state);

	store_view_set_near_rows(((struct fixture *)*state)->v, 0);
	return rc;
}

static int
setup_one_near_row(void **state)
{
	int rc = setup_small(state);

	store_view_set_near_rows(((struct fixture *)*state)->v, 1);
	return rc;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_view_free(f->v);
	store_close(f->st);
	free(f);
	return 0;
}

/* A folded set for tests: at most a few ids, or all. */
struct folds {
	bool all;
	int64_t ids[8];
	size_t n;
};

static bool
folds_has(void *ctx, int64_t id)
{
	struct folds *fs = ctx;

	for (size_t i = 0; i < fs->n; i++)
		if (fs->ids[i] == id)
			return !fs->all;
	return fs->all;
}

/* Describe rows as "P<n>" or "<proc>.<tp>" joined by spaces. */
static void
describe(const struct view_row *r, size_t n, char *out, size_t outsz)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && len < outsz; i++) {
		if (r[i].type == VIEW_ROW_PROCESS)
			len += (size_t)snprintf(out + len, outsz - len, "%sP%lld",
			    i ? " " : "", (long long)r[i].proc_number);
		else
			len += (size_t)snprintf(out + len, outsz - len,
			    "%s%lld.%lld", i ? " " : "",
			    (long long)r[i].proc_number,
			    (long long)r[i].tp_number);
	}
}

#define PAGE 16

static void
expect_after(struct fixture *f, const struct view_key *k, size_t n,
    const struct view_fold *fold, const char *want)
{
	struct view_row rows[PAGE];
	struct error err;
	size_t got;
	char desc[256];

	assert_int_equal(store_view_rows_after(f->v, k, n, fold, rows, &got,
	    &err), 0);
	describe(rows, got, desc, sizeof desc);
	store_view_rows_free(rows, got);
	assert_string_equal(desc, want);
}

static void
expect_before(struct fixture *f, const struct view_key *k, size_t n,
    const struct view_fold *fold, const char *want)
{
	struct view_row rows[PAGE];
	struct error err;
	size_t got;
	char desc[256];

	assert_int_equal(store_view_rows_before(f->v, k, n, fold, rows, &got,
	    &err), 0);
	describe(rows, got, desc, sizeof desc);
	store_view_rows_free(rows, got);
	assert_string_equal(desc, want);
}

/* The key of the i-th row from the start (no folding). */
static struct view_key
key_at(struct fixture *f, size_t i)
{
	struct view_row rows[PAGE];
	struct view_key k;
	struct error err;
	size_t got;

	assert_int_equal(store_view_rows_after(f->v, NULL, i + 1, NULL, rows,
	    &got, &err), 0);
	assert_int_equal(got, i + 1);
	k = rows[i].key;
	store_view_rows_free(rows, got);
	return k;
}

static void
test_first_page_in_display_order(void **state)
{
	expect_after(*state, NULL, PAGE, NULL, "P1 1.1 1.2 1.3 P2 P3 3.1 3.2");
}

static void
test_page_forward_across_processes(void **state)
{
	struct fixture *f = *state;
	struct view_key k = key_at(f, 2);	/* 1.2 */

	expect_after(f, &k, 3, NULL, "1.3 P2 P3");
	k = key_at(f, 5);			/* P3 */
	expect_after(f, &k, 3, NULL, "3.1 3.2");
}

static void
test_page_backward_across_processes(void **state)
{
	struct fixture *f = *state;
	struct view_key k = key_at(f, 6);	/* 3.1 */

	expect_before(f, &k, 3, NULL, "1.3 P2 P3");
	expect_before(f, &k, PAGE, NULL, "P1 1.1 1.2 1.3 P2 P3");
	k = key_at(f, 0);
	expect_before(f, &k, 3, NULL, "");
}

static void
test_last_rows_from_the_end(void **state)
{
	expect_before(*state, NULL, 3, NULL, "P3 3.1 3.2");
}

static void
test_rows_from_includes_the_key(void **state)
{
	struct fixture *f = *state;
	struct view_key k = key_at(f, 3);	/* 1.3 */
	struct view_row rows[PAGE];
	struct error err;
	size_t got;
	char desc[256];

	assert_int_equal(store_view_rows_from(f->v, &k, 2, NULL, rows, &got,
	    &err), 0);
	describe(rows, got, desc, sizeof desc);
	assert_string_equal(desc, "1.3 P2");
	assert_true(rows[0].last);
	store_view_rows_free(rows, got);
	k = key_at(f, 4);			/* P2 */
	assert_int_equal(store_view_rows_from(f->v, &k, 1, NULL, rows, &got,
	    &err), 0);
	describe(rows, got, desc, sizeof desc);
	assert_string_equal(desc, "P2");
	store_view_rows_free(rows, got);
}

static void
test_row_carries_what_the_table_shows(void **state)
{
	struct fixture *f = *state;
	struct view_row rows[PAGE];
	struct error err;
	size_t got;

	assert_int_equal(store_view_rows_after(f->v, NULL, 6, NULL, rows,
	    &got, &err), 0);
	assert_int_equal(got, 6);
	assert_string_equal(rows[0].proc_name, "Информирование");
	assert_int_equal(rows[0].ntps, 3);
	assert_string_equal(rows[2].name, "Электронная почта");
	assert_string_equal(rows[2].first_need, "Получение информации");
	assert_int_equal(rows[2].nneeds, 3);
	assert_int_equal(rows[2].channel, CHANNEL_DIGITAL);
	assert_false(rows[2].last);
	assert_true(rows[3].last);
	assert_int_equal(rows[4].ntps, 0);
	assert_int_equal(rows[5].proc_number, 3);
	store_view_rows_free(rows, got);
}

static void
test_folded_process_hides_its_touchpoints(void **state)
{
	struct fixture *f = *state;
	struct view_key p1 = key_at(f, 0), p3 = key_at(f, 5);
	struct folds fs = { false, { p1.proc_id }, 1 };
	struct view_fold fold = { folds_has, &fs };
	struct view_row rows[PAGE];
	struct error err;
	size_t got;

	expect_after(f, NULL, PAGE, &fold, "P1 P2 P3 3.1 3.2");
	expect_before(f, &p3, PAGE, &fold, "P1 P2");
	expect_after(f, &p1, 2, &fold, "P2 P3");
	assert_int_equal(store_view_rows_after(f->v, NULL, 1, &fold, rows,
	    &got, &err), 0);
	assert_true(rows[0].folded);
	store_view_rows_free(rows, got);
}

static void
test_fold_all_but_one(void **state)
{
	struct fixture *f = *state;
	struct view_key p3 = key_at(f, 5);
	struct folds fs = { true, { p3.proc_id }, 1 };
	struct view_fold fold = { folds_has, &fs };

	expect_after(f, NULL, PAGE, &fold, "P1 P2 P3 3.1 3.2");
	expect_before(f, NULL, PAGE, &fold, "P1 P2 P3 3.1 3.2");
	fs.n = 0;
	expect_before(f, NULL, 2, &fold, "P2 P3");
}

static void
test_touchpoint_loads_in_full(void **state)
{
	struct fixture *f = *state;
	struct view_key k = key_at(f, 2);
	struct touchpoint tp;
	struct error err;

	touchpoint_init(&tp);
	assert_int_equal(store_view_touchpoint(f->v, k.tp_id, &tp, &err), 1);
	assert_string_equal(tp.name, "Электронная почта");
	assert_int_equal(tp.nneeds, 3);
	assert_string_equal(tp.needs[2].wording, "Представление документов");
	assert_int_equal(tp.needs[2].category, 4);
	assert_int_equal(tp.ncontacts, 1);
	assert_int_equal(tp.contacts[0].type, CONTACT_EMAIL);
	assert_int_equal(tp.max_transfers, TRI_UNKNOWN);
	assert_int_equal(store_view_touchpoint(f->v, 999999, &tp, &err), 0);
	touchpoint_fini(&tp);
}

static int
search(struct fixture *f, const struct view_key *from, const char *needle,
    enum view_dir dir, struct view_key *found, bool *wrapped)
{
	struct error err;

	return store_view_search(f->v, from, needle, dir, found, wrapped, &err);
}

static void
test_search_forward_folds_cyrillic_case(void **state)
{
	struct fixture *f = *state;
	struct view_key found, k = key_at(f, 0), want = key_at(f, 6);
	bool wrapped;

	/* "почта" finds "Электронная почта" first, then "ПОЧТА РОССИИ". */
	assert_int_equal(search(f, &k, "ПОЧТА", VIEW_FORWARD, &found,
	    &wrapped), 1);
	k = key_at(f, 2);
	assert_int_equal(store_view_key_cmp(&found, &k), 0);
	assert_int_equal(search(f, &found, "почта", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	assert_false(wrapped);
}

static void
test_search_matches_yo_as_ye(void **state)
{
	struct fixture *f = *state;
	struct view_key found, want = key_at(f, 7);
	bool wrapped;

	assert_int_equal(search(f, NULL, "ЕЛОЧНЫХ", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
}

static void
test_search_over_needs_and_contacts(void **state)
{
	struct fixture *f = *state;
	struct view_key found, want;
	bool wrapped;

	want = key_at(f, 2);
	assert_int_equal(search(f, NULL, "представление", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	assert_int_equal(search(f, NULL, "OTDEL@example", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	want = key_at(f, 3);
	assert_int_equal(search(f, NULL, "29-25-09", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
}

static void
test_search_over_kind_names(void **state)
{
	struct fixture *f = *state;
	struct view_key found, want = key_at(f, 1);
	bool wrapped;

	assert_int_equal(search(f, NULL, "министерства", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
}

/* Run sql on the fixture's list, as any write path would. */
static void
write_sql(struct fixture *f, const char *sql)
{
	if (sqlite3_exec(f->st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(f->st->db));
}

/* Does a forward search from the start for needle find row i (-1: no
 * row)? */
static void
expect_found(struct fixture *f, const char *needle, int i)
{
	struct view_key found, want;
	bool wrapped;

	if (i < 0) {
		assert_int_equal(search(f, NULL, needle, VIEW_FORWARD, &found,
		    &wrapped), 0);
		return;
	}
	want = key_at(f, (size_t)i);
	assert_int_equal(search(f, NULL, needle, VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
}

/* The search index changes with the list, in the same statement: names,
 * needs, contacts, kinds and removed touchpoints. */
static void
test_search_index_follows_every_change(void **state)
{
	struct fixture *f = *state;
	char *sql;

	sql = xasprintf("UPDATE touchpoint SET name = 'Факсимильная связь' "
	    "WHERE id = %lld; INSERT INTO need (touchpoint_id, pos, wording) "
	    "VALUES (%lld, 2, 'Обжалование решений'); DELETE FROM contact "
	    "WHERE touchpoint_id = %lld; UPDATE kind SET name = 'Сайт "
	    "ведомства' WHERE code = 'site'; DELETE FROM touchpoint "
	    "WHERE id = %lld", (long long)key_at(f, 3).tp_id,
	    (long long)key_at(f, 7).tp_id, (long long)key_at(f, 2).tp_id,
	    (long long)key_at(f, 6).tp_id);
	write_sql(f, sql);
	free(sql);
	expect_found(f, "ФАКСИМИЛЬНАЯ", 3);
	expect_found(f, "телефонная", -1);
	expect_found(f, "обжалование", 6);	/* row 6 went */
	expect_found(f, "otdel@", -1);
	expect_found(f, "ведомства", 1);
	expect_found(f, "министерства", -1);
	expect_found(f, "россии", -1);
	/* Under three characters the scan answers, folding the same way. */
	expect_found(f, "ЁЛ", 6);
}

/* A list of schema 8 gets its search index when it is opened. */
static void
test_schema_8_list_is_indexed_when_opened(void **state)
{
	struct fixture f = { 0 };
	struct view_key found, want;
	char path[64];
	sqlite3 *db;
	struct error err;
	sqlite3_stmt *st;
	struct list l;
	bool wrapped;
	char *sql;

	(void)state;
	scratch_path(path, sizeof path, "view-v8");
	list_init(&l);
	build_small(&l);
	assert_int_equal(open_with(&f, &l, path), 0);
	list_fini(&l);
	store_view_free(f.v);
	store_close(f.st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* As schema 8 had it: no index, no triggers keeping one. */
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER tp_search_tp_ins; "
	    "DROP TRIGGER tp_search_tp_upd; DROP TRIGGER tp_search_tp_del; "
	    "DROP TRIGGER tp_search_need_ins; DROP TRIGGER tp_search_need_upd; "
	    "DROP TRIGGER tp_search_need_del; "
	    "DROP TRIGGER tp_search_contact_ins; "
	    "DROP TRIGGER tp_search_contact_upd; "
	    "DROP TRIGGER tp_search_contact_del; DROP TRIGGER tp_search_kind",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP VIEW tp_search_text; "
	    "DROP TABLE tp_search; DROP TABLE search_index; "
	    "ALTER TABLE change_log DROP COLUMN hash; "
	    "ALTER TABLE revision DROP COLUMN approves; "
	    "ALTER TABLE revision DROP COLUMN hash; DROP TABLE chain_checkpoint; "
	    "PRAGMA user_version = 8", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	if (store_open(&f.st, path, 0, &err) != 0 ||
	    store_view_new(f.st, &f.v, &err) != 0)
		fail_msg("%s", err.msg);
	store_view_set_near_rows(f.v, 0);
	want = key_at(&f, 7);
	assert_int_equal(search(&f, NULL, "ЁЛОЧНЫХ", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	assert_int_equal(sqlite3_prepare_v2(f.st->db, "SELECT count(*) FROM "
	    "tp_search", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 5);
	sqlite3_finalize(st);
	/* And its triggers keep it from then on. */
	sql = xasprintf("UPDATE touchpoint SET name = 'Факсимильная связь' "
	    "WHERE id = %lld", (long long)key_at(&f, 1).tp_id);
	write_sql(&f, sql);
	free(sql);
	expect_found(&f, "факсимильная", 1);
	store_view_free(f.v);
	store_close(f.st);
	scratch_remove(path);
}

/* A list cleared leaves nothing to find, and the index stays live for
 * what is written next. */
static void
test_search_index_is_emptied_with_the_list(void **state)
{
	struct fixture *f = *state;
	struct view_key found;
	bool wrapped;
	struct error err;

	assert_int_equal(store_clear_list(f->st, &err), 0);
	assert_int_equal(search(f, NULL, "почта", VIEW_FORWARD, &found,
	    &wrapped), 0);
	write_sql(f, "INSERT INTO process (id, pos, name) VALUES (9, 1, 'П'); "
	    "INSERT INTO touchpoint (process_id, pos, name) VALUES (9, 1, "
	    "'Почтовый ящик')");
	expect_found(f, "почтовый", 1);
}

static void
test_search_matches_process_names(void **state)
{
	struct fixture *f = *state;
	struct view_key found, want = key_at(f, 4);
	bool wrapped;

	assert_int_equal(search(f, NULL, "пустой", VIEW_FORWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	want = key_at(f, 5);
	assert_int_equal(search(f, &want, "КОНСУЛЬТИРОВАНИЕ", VIEW_BACKWARD,
	    &found, &wrapped), 1);
	assert_true(wrapped);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
}

static void
test_search_backward(void **state)
{
	struct fixture *f = *state;
	struct view_key found, k = key_at(f, 7), want;
	bool wrapped;

	/* From 3.2 back: 3.1 (consultation), then 1.2 (its second need). */
	want = key_at(f, 6);
	assert_int_equal(search(f, &k, "консультации", VIEW_BACKWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	want = key_at(f, 2);
	assert_int_equal(search(f, &found, "консультации", VIEW_BACKWARD,
	    &found, &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	assert_false(wrapped);
	/* A touchpoint row's own process lies before it. */
	k = key_at(f, 1);
	want = key_at(f, 0);
	assert_int_equal(search(f, &k, "информирование", VIEW_BACKWARD, &found,
	    &wrapped), 1);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
}

static void
test_search_wraps_around(void **state)
{
	struct fixture *f = *state;
	struct view_key found, k = key_at(f, 7), want = key_at(f, 1);
	bool wrapped;

	assert_int_equal(search(f, &k, "сайт", VIEW_FORWARD, &found, &wrapped),
	    1);
	assert_true(wrapped);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
	k = key_at(f, 0);
	want = key_at(f, 7);
	assert_int_equal(search(f, &k, "видео", VIEW_BACKWARD, &found,
	    &wrapped), 1);
	assert_true(wrapped);
	assert_int_equal(store_view_key_cmp(&found, &want), 0);
}

static void
test_search_not_found(void **state)
{
	struct fixture *f = *state;
	struct view_key found, k = key_at(f, 3);
	bool wrapped;

	assert_int_equal(search(f, &k, "нет такого", VIEW_FORWARD, &found,
	    &wrapped), 0);
	assert_int_equal(search(f, &k, "нет такого", VIEW_BACKWARD, &found,
	    &wrapped), 0);
	assert_int_equal(search(f, &k, "", VIEW_FORWARD, &found, &wrapped), 0);
}

static void
test_keys_compare_in_display_order(void **state)
{
	struct fixture *f = *state;
	struct view_key p = key_at(f, 0), t = key_at(f, 1), q;

	assert_true(store_view_key_cmp(&p, &t) < 0);
	q = store_view_key_process(&t);
	assert_int_equal(store_view_key_cmp(&p, &q), 0);
}

/*
 * Reads only what it shows.  The cost of a paging call is counted in
 * SQLite virtual-machine steps (a progress handler called on every step),
 * and no statement of the view may have scanned a table or sorted: on a
 * list of 100,000 touchpoints the first page, the last page and a page from
 * the middle cost about what they cost on a list of 20.
 */
static int
count_steps(void *ctx)
{
	(*(unsigned long *)ctx)++;
	return 0;
}

struct cost {
	unsigned long first, last, middle, search_near;
};

static void
no_scans_or_sorts(sqlite3 *db)
{
	for (sqlite3_stmt *st = sqlite3_next_stmt(db, NULL); st != NULL;
	    st = sqlite3_next_stmt(db, st)) {
		assert_int_equal(sqlite3_stmt_status(st,
		    SQLITE_STMTSTATUS_FULLSCAN_STEP, 0), 0);
		assert_int_equal(sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT,
		    0), 0);
	}
}

#define SCREEN 20

static struct cost
measure(int nprocs, int per_proc)
{
	struct fixture f = { 0 };
	struct view_row rows[SCREEN];
	struct view_key mid;
	struct error err;
	struct cost c;
	struct list l;
	size_t got;
	bool wrapped;
	char name[64];

	list_init(&l);
	for (int i = 0; i < nprocs; i++) {
		struct process *p;

		snprintf(name, sizeof name, "Процесс %d", i + 1);
		p = list_add_process(&l, name);
		for (int j = 0; j < per_proc; j++) {
			struct touchpoint *tp;

			snprintf(name, sizeof name, "Точка %d.%d", i + 1, j + 1);
			tp = process_add_touchpoint(p, name);
			tp->channel = CHANNEL_DIGITAL;
			touchpoint_add_need(tp, "Получение информации", 1);
		}
	}
	assert_int_equal(open_with(&f, &l, ":memory:"), 0);
	mid.proc_pos = nprocs / 2 + 1;
	mid.proc_id = l.procs[nprocs / 2].id;
	mid.tp_pos = per_proc / 2 + 1;
	mid.tp_id = l.procs[nprocs / 2].tps[per_proc / 2].id;
	list_fini(&l);

	sqlite3_progress_handler(f.st->db, 1, count_steps, &c.first);
	c.first = 0;
	assert_int_equal(store_view_rows_after(f.v, NULL, SCREEN, NULL, rows,
	    &got, &err), 0);
	assert_int_equal(got, SCREEN);
	store_view_rows_free(rows, got);

	sqlite3_progress_handler(f.st->db, 1, count_steps, &c.last);
	c.last = 0;
	assert_int_equal(store_view_rows_before(f.v, NULL, SCREEN, NULL, rows,
	    &got, &err), 0);
	assert_int_equal(got, SCREEN);
	store_view_rows_free(rows, got);

	sqlite3_progress_handler(f.st->db, 1, count_steps, &c.middle);
	c.middle = 0;
	assert_int_equal(store_view_rows_from(f.v, &mid, SCREEN, NULL, rows,
	    &got, &err), 0);
	assert_true(got > 0);
	store_view_rows_free(rows, got);
	assert_int_equal(store_view_rows_before(f.v, &mid, SCREEN, NULL, rows,
	    &got, &err), 0);
	store_view_rows_free(rows, got);
	no_scans_or_sorts(f.st->db);

	/* A search whose match is near costs little, whatever the size. */
	sqlite3_progress_handler(f.st->db, 1, count_steps, &c.search_near);
	c.search_near = 0;
	snprintf(name, sizeof name, "точка %d.%d", nprocs / 2 + 1,
	    per_proc / 2 + 2);
	assert_int_equal(store_view_search(f.v, &mid, name, VIEW_FORWARD, &mid,
	    &wrapped, &err), 1);
	sqlite3_progress_handler(f.st->db, 0, NULL, NULL);

	store_view_free(f.v);
	store_close(f.st);
	return c;
}

static void
test_paging_cost_does_not_grow_with_the_list(void **state)
{
	struct cost small, large;

	(void)state;
	small = measure(5, 4);		/* 20 touchpoints */
	large = measure(100, 1000);	/* 100,000 touchpoints */
	fprintf(stderr, "VM steps, 20 vs 100000 touchpoints: first page %lu "
	    "vs %lu, last page %lu vs %lu, middle %lu vs %lu, near search %lu "
	    "vs %lu\n", small.first, large.first, small.last, large.last,
	    small.middle, large.middle, small.search_near, large.search_near);
	/*
	 * The small list's page shows more process rows (each costs a seek),
	 * so the large list may even be cheaper; it must not be much dearer.
	 */
	assert_true(large.first < 2 * small.first);
	assert_true(large.last < 2 * small.last);
	/* From the middle: a page down and a page up. */
	assert_true(large.middle < 2 * (small.first + small.last));
	assert_true(large.search_near < 2 * small.search_near);
}

/* Every search test, with the fixture set up by setup. */
#define SEARCH_TEST(test, setup) \
	cmocka_unit_test_setup_teardown(test, setup, teardown)
#define SEARCH_TESTS(setup) \
	SEARCH_TEST(test_search_forward_folds_cyrillic_case, setup), \
	SEARCH_TEST(test_search_matches_yo_as_ye, setup), \
	SEARCH_TEST(test_search_over_needs_and_contacts, setup), \
	SEARCH_TEST(test_search_over_kind_names, setup), \
	SEARCH_TEST(test_search_index_follows_every_change, setup), \
	SEARCH_TEST(test_search_index_is_emptied_with_the_list, setup), \
	SEARCH_TEST(test_search_matches_process_names, setup), \
	SEARCH_TEST(test_search_backward, setup), \
	SEARCH_TEST(test_search_wraps_around, setup), \
	SEARCH_TEST(test_search_not_found, setup)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_page_in_display_order,
		    setup_small, teardown),
		cmocka_unit_test_setup_teardown(
		    test_page_forward_across_processes, setup_small, teardown),
		cmocka_unit_test_setup_teardown(
		    test_page_backward_across_processes, setup_small, teardown),
		cmocka_unit_test_setup_teardown(test_last_rows_from_the_end,
		    setup_small, teardown),
		cmocka_unit_test_setup_teardown(test_rows_from_includes_the_key,
		    setup_small, teardown),
		cmocka_unit_test_setup_teardown(
		    test_row_carries_what_the_table_shows, setup_small, teardown),
		cmocka_unit_test_setup_teardown(
		    test_folded_process_hides_its_touchpoints, setup_small,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fold_all_but_one,
		    setup_small, teardown),
		cmocka_unit_test_setup_teardown(test_touchpoint_loads_in_full,
		    setup_small, teardown),
		SEARCH_TESTS(setup_small),
		SEARCH_TESTS(setup_index_only),
		SEARCH_TESTS(setup_one_near_row),
		cmocka_unit_test_setup_teardown(
		    test_keys_compare_in_display_order, setup_small, teardown),
		cmocka_unit_test(test_paging_cost_does_not_grow_with_the_list),
		cmocka_unit_test(test_schema_8_list_is_indexed_when_opened),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
