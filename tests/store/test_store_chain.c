/* test_store_chain.c - the change log's hash chain and the revisions'
 * hashes (schema 10): what the program writes verifies, what is changed
 * beside it is named. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_scratch.h"

#include <sqlite3.h>
#include <string.h>

#include "change.h"
#include "store.h"
#include "store_chain.h"
#include "store_tx.h"

struct fixture {
	char	 path[64];
	struct store *st;
};

static const struct actor who = { "pred1", "2026-11-12T09:30:00Z" };

/* n log entries written the program's way, one transaction each. */
static void
log_some(struct store *st, int n)
{
	struct error err;

	for (int i = 0; i < n; i++) {
		struct changes ch;
		char value[32];

		snprintf(value, sizeof value, "значение %d", i);
		changes_init(&ch);
		changes_add(&ch, "точка", i + 1, 1, "1.1", "наименование",
		    "", value, TRIGGER_EDIT);
		assert_int_equal(store_begin(st, &err), 0);
		if (store_log_changes(st, &ch, &who, &err) != 0)
			fail_msg("store_log_changes: %s", err.msg);
		assert_int_equal(store_commit(st, &err), 0);
		changes_fini(&ch);
	}
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;

	assert_non_null(f);
	scratch_path(f->path, sizeof f->path, "chain");
	if (store_open(&f->st, f->path, STORE_CREATE, &err) != 0)
		fail_msg("store_open: %s", err.msg);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	scratch_remove(f->path);
	free(f);
	return 0;
}

static struct chain_break
check(struct store *st, bool full)
{
	struct chain_break b;
	struct error err;

	if (store_chain_verify(st, full, &b, &err) != 0)
		fail_msg("store_chain_verify: %s", err.msg);
	return b;
}

static void
written_log_verifies(void **state)
{
	struct fixture *f = *state;
	struct chain_break b;

	log_some(f->st, 5);
	b = check(f->st, true);
	assert_false(b.found);
	assert_int_equal(b.entries, 5);
}

static void
changed_entry_is_named(void **state)
{
	struct fixture *f = *state;
	struct chain_break b;

	log_some(f->st, 5);
	scratch_tamper(f->path, "UPDATE change_log SET new_value = 'подмена' "
	    "WHERE id = 3");
	b = check(f->st, true);
	assert_true(b.found);
	assert_int_equal(b.log_id, 3);
	assert_string_equal(b.log_at, who.now_utc);
}

static void
deleted_entry_breaks_the_next(void **state)
{
	struct fixture *f = *state;
	struct chain_break b;

	log_some(f->st, 5);
	scratch_tamper(f->path, "DELETE FROM change_log WHERE id = 2");
	b = check(f->st, true);
	assert_true(b.found);
	assert_int_equal(b.log_id, 3);
}

/* An entry rehashed alone (its own hash fixed up) still breaks the
 * next one: the chain carries it. */
static void
rehashed_entry_breaks_the_chain(void **state)
{
	struct fixture *f = *state;
	struct chain_break b;

	log_some(f->st, 4);
	scratch_tamper(f->path, "UPDATE change_log SET hash = (SELECT hash "
	    "FROM change_log WHERE id = 1) WHERE id = 2");
	b = check(f->st, true);
	assert_true(b.found);
	assert_int_equal(b.log_id, 2);
}

/* The editor's check starts at the checkpoint: later changes are seen,
 * earlier ones are verify's to find. */
static void
incremental_check_starts_at_the_checkpoint(void **state)
{
	struct fixture *f = *state;
	struct chain_break b;

	log_some(f->st, 4);
	b = check(f->st, false);
	assert_false(b.found);
	assert_int_equal(b.entries, 4);
	log_some(f->st, 2);
	b = check(f->st, false);
	assert_false(b.found);
	assert_int_equal(b.entries, 2);
	scratch_tamper(f->path, "UPDATE change_log SET login = 'x' "
	    "WHERE id = 2");
	assert_false(check(f->st, false).found);
	assert_int_equal(check(f->st, true).log_id, 2);
	/* The entry the checkpoint is at is recomputed too. */
	scratch_tamper(f->path, "UPDATE change_log SET label = 'x' "
	    "WHERE id = 6");
	b = check(f->st, false);
	assert_true(b.found);
	assert_int_equal(b.log_id, 6);
	scratch_tamper(f->path, "UPDATE change_log SET label = '1.1' "
	    "WHERE id = 6");
	log_some(f->st, 1);
	scratch_tamper(f->path, "UPDATE change_log SET field = 'x' "
	    "WHERE id = 7");
	b = check(f->st, false);
	assert_true(b.found);
	assert_int_equal(b.log_id, 7);
}

/* A frozen list changed beside the program names its revision. */
static void
changed_revision_is_named(void **state)
{
	struct fixture *f = *state;
	struct error err;
	struct chain_break b;

	log_some(f->st, 1);
	scratch_tamper(f->path, "INSERT INTO revision (id, order_no, "
	    "order_date, approved_utc, approved_by, last_change_id) VALUES "
	    "(1, '7', '2026-11-12', '2026-11-12T10:00:00Z', 'pred1', 1);"
	    "INSERT INTO rev_process (revision_id, id, pos, name) VALUES "
	    "(1, 1, 1, 'Приём заявлений')");
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_chain_seal_revision(f->st, 1, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	b = check(f->st, true);
	assert_false(b.found);
	assert_int_equal(b.revisions, 1);
	scratch_tamper(f->path, "UPDATE rev_process SET name = 'Другое'");
	b = check(f->st, true);
	assert_true(b.found);
	assert_int_equal(b.log_id, 0);
	assert_int_equal(b.revision_id, 1);
}

/* A list of schema 9 has its log hashed by the migration. */
static void
schema_9_log_is_hashed(void **state)
{
	struct fixture *f = *state;
	struct error err;
	struct chain_break b;

	log_some(f->st, 3);
	store_close(f->st);
	scratch_tamper(f->path, "ALTER TABLE change_log DROP COLUMN hash; "
	    "ALTER TABLE revision DROP COLUMN approves; "
	    "ALTER TABLE revision DROP COLUMN hash; DROP TABLE "
	    "chain_checkpoint; PRAGMA user_version = 9");
	if (store_open(&f->st, f->path, 0, &err) != 0)
		fail_msg("store_open: %s", err.msg);
	b = check(f->st, true);
	assert_false(b.found);
	assert_int_equal(b.entries, 3);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(written_log_verifies),
		T(changed_entry_is_named),
		T(deleted_entry_breaks_the_next),
		T(rehashed_entry_breaks_the_chain),
		T(incremental_check_starts_at_the_checkpoint),
		T(changed_revision_is_named),
		T(schema_9_log_is_hashed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
