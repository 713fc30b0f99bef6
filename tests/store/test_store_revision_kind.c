/* test_store_revision_kind.c - whether a revision's order approved the
 * list anew or amended it (schema 11): what each way of approving
 * records, the log entry naming it, the migration of a schema-10 list,
 * and the hash chain covering the kind. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "header_fixture.h"
#include "store_chain.h"
#include "store_edit.h"
#include "store_history.h"
#include "store_scratch.h"
#include "store_tx.h"

struct fixture {
	char	 path[64];
	struct catalog cat;
	struct store *st;
	int64_t	 proc_id;
};

static const struct actor who = { "olga", "2026-11-12T09:30:00Z" };

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct touchpoint tp;
	struct error err;

	assert_non_null(f);
	scratch_path(f->path, sizeof f->path, "revkind");
	catalog_init(&f->cat);
	if (store_open(&f->st, f->path, STORE_CREATE, &err) != 0 ||
	    store_process_add(f->st, "Консультирование", &who, &f->proc_id,
	    &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_init(&tp);
	model_set(&tp.name, "Почта России");
	model_set(&tp.kind, "Почта России");
	tp.channel = CHANNEL_OFFLINE;
	touchpoint_add_need(&tp, "получение консультации", 0);
	if (store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat, &who,
	    &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_fini(&tp);
	give_header(f->st, &who);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	catalog_fini(&f->cat);
	scratch_remove(f->path);
	free(f);
	return 0;
}

/* Approve as the command does, the order approving the list or not. */
static int64_t
approve(struct fixture *f, const char *no, bool approves)
{
	struct store_approval_request rq = {
		.order_no = no, .order_date = "2026-11-12",
		.consent = { true, true }, .approves = approves
	};
	struct store_approval_gate g;
	struct error err;
	int64_t rev;
	int rc;

	store_approval_gate_init(&g);
	rc = store_revision_approve_checked(f->st, &rq, &who, &g, &rev, &err);
	store_approval_gate_fini(&g);
	if (rc != 0)
		fail_msg("approve %s: %d %s", no, rc, rc < 0 ? err.msg : "");
	return rev;
}

/* The kinds of all revisions, oldest first, as "AaA…" (A approves). */
static void
kinds(struct fixture *f, char *out, size_t size)
{
	struct revisions all = { 0 };
	struct error err;
	size_t i;

	if (store_revisions_list(f->st, &all, &err) != 0)
		fail_msg("%s", err.msg);
	assert_true(all.n < size);
	for (i = 0; i < all.n; i++)
		out[i] = all.v[i].approves ? 'A' : 'a';
	out[i] = '\0';
	revisions_fini(&all);
}

/* The newest log entry's new value. */
static void
last_log(struct fixture *f, char *out, size_t size)
{
	struct log_filter lf = { .trigger = -1, .limit = 1 };
	struct changes ch;
	struct error err;

	changes_init(&ch);
	if (store_log_query(f->st, &lf, &ch, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(ch.n, 1);
	snprintf(out, size, "%s", ch.v[0].new_value);
	changes_fini(&ch);
}

/* The revision verify names as changed (0: all intact). */
static int64_t
broken_revision(struct store *st)
{
	struct chain_break b;
	struct error err;

	if (store_chain_verify(st, true, &b, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(b.log_id, 0);
	return b.found ? b.revision_id : 0;
}

/* The first order approves whatever is asked; later ones amend unless
 * asked to approve; the log entry says which. */
static void
kind_is_recorded(void **state)
{
	struct fixture *f = *state;
	char k[8], entry[256];

	assert_int_equal(approve(f, "1", false), 1);
	last_log(f, entry, sizeof entry);
	assert_string_equal(entry, "редакция 1: приказ от 12.11.2026 № 1 "
	    "(утверждение)");
	approve(f, "2", false);
	last_log(f, entry, sizeof entry);
	assert_string_equal(entry, "редакция 2: приказ от 12.11.2026 № 2 "
	    "(изменение)");
	approve(f, "3", true);
	last_log(f, entry, sizeof entry);
	assert_string_equal(entry, "редакция 3: приказ от 12.11.2026 № 3 "
	    "(утверждение)");
	approve(f, "4", false);
	kinds(f, k, sizeof k);
	assert_string_equal(k, "AaAa");
	assert_int_equal(broken_revision(f->st), 0);
}

/* The plain approval amends; import --approved's approves even when
 * revisions exist (its file is the approving order). */
static void
import_approval_approves(void **state)
{
	struct fixture *f = *state;
	struct store_tx tx;
	struct error err;
	char k[8];
	int64_t rev;

	assert_int_equal(store_revision_approve(f->st, "1", "2026-11-12", &who,
	    &rev, &err), 0);
	assert_int_equal(store_revision_approve(f->st, "2", "2026-11-12", &who,
	    &rev, &err), 0);
	assert_int_equal(store_tx_begin(&tx, f->st, &who, POLICY_IMPORT,
	    &err), 0);
	assert_int_equal(store_tx_end(&tx, store_revision_approve_in(&tx, "3",
	    "2026-11-12", &rev, &err), &err), 0);
	assert_int_equal(rev, 3);
	kinds(f, k, sizeof k);
	assert_string_equal(k, "AaA");
	assert_int_equal(broken_revision(f->st), 0);
}

/* A kind changed beside the program, either way, names its revision. */
static void
tampered_kind_breaks_verify(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *sql, *undo;
		int64_t rev;
	} cases[] = {
		{ "UPDATE revision SET approves = 1 WHERE id = 2",
		  "UPDATE revision SET approves = 0 WHERE id = 2", 2 },
		{ "UPDATE revision SET approves = 0 WHERE id = 3",
		  "UPDATE revision SET approves = 1 WHERE id = 3", 3 },
		{ "UPDATE revision SET approves = 0 WHERE id = 1",
		  "UPDATE revision SET approves = 1 WHERE id = 1", 1 },
	};

	approve(f, "1", false);
	approve(f, "2", false);
	approve(f, "3", true);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		scratch_tamper(f->path, cases[i].sql);
		assert_int_equal(broken_revision(f->st), cases[i].rev);
		scratch_tamper(f->path, cases[i].undo);
		assert_int_equal(broken_revision(f->st), 0);
	}
}

/* A list of schema 10 (its revisions hashed without a kind) migrates to
 * the first revision approving and the later ones amending, still
 * verifies, and the migrated kinds are covered too. */
static void
schema_10_is_migrated(void **state)
{
	struct fixture *f = *state;
	struct error err;
	char k[8];
	int64_t rev;

	for (int i = 0; i < 3; i++)
		assert_int_equal(store_revision_approve(f->st, "1",
		    "2026-11-12", &who, &rev, &err), 0);
	store_close(f->st);
	scratch_tamper(f->path, "ALTER TABLE revision DROP COLUMN approves; "
	    "PRAGMA user_version = 10");
	if (store_open(&f->st, f->path, 0, &err) != 0)
		fail_msg("store_open: %s", err.msg);
	kinds(f, k, sizeof k);
	assert_string_equal(k, "Aaa");
	assert_int_equal(broken_revision(f->st), 0);
	scratch_tamper(f->path, "UPDATE revision SET approves = 1 "
	    "WHERE id = 3");
	assert_int_equal(broken_revision(f->st), 3);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(kind_is_recorded),
		T(import_approval_approves),
		T(tampered_kind_breaks_verify),
		T(schema_10_is_migrated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
