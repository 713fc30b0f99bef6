/* test_store_log_page.c - the change log read a page at a time, by id on
 * either side, as the editor's log screen reads it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_edit.h"
#include "store_history.h"

static const struct actor alice = { "alice", "2026-11-29T10:00:00Z" };
static const struct actor bob = { "bob", "2026-11-30T10:00:00Z" };

struct fixture {
	char	 dir[64];
	char	 path[128];
	struct store *st;
};

/* Ten processes: ten log entries, ids 1..10, the even ones bob's. */
static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;
	int64_t id;

	snprintf(f->dir, sizeof f->dir, "/tmp/perechen-logpage.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (store_open(&f->st, f->path, STORE_CREATE, &err) != 0)
		fail_msg("%s", err.msg);
	for (int i = 1; i <= 10; i++) {
		char name[32];

		snprintf(name, sizeof name, "Процесс %d", i);
		if (store_process_add(f->st, name, i % 2 ? &alice : &bob, &id,
		    &err) != 0)
			fail_msg("%s", err.msg);
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[256];

	store_close(f->st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* The ids lf selects, as "10 9 8". */
static char *
ids(struct fixture *f, const struct log_filter *lf)
{
	struct changes c;
	struct error err;
	char *out = xstrdup("");

	changes_init(&c);
	if (store_log_query(f->st, lf, &c, &err) != 0)
		fail_msg("%s", err.msg);
	for (size_t i = 0; i < c.n; i++) {
		char *next = xasprintf("%s%s%lld", out, i > 0 ? " " : "",
		    (long long)c.v[i].id);

		free(out);
		out = next;
	}
	changes_fini(&c);
	return out;
}

static void
assert_ids(struct fixture *f, const struct log_filter *lf, const char *want)
{
	char *got = ids(f, lf);

	assert_string_equal(got, want);
	free(got);
}

/* Newest first, a page, then the page before the last id seen. */
static void
pages_go_back_by_id(void **state)
{
	struct log_filter lf = { .trigger = -1, .limit = 4 };

	assert_ids(*state, &lf, "10 9 8 7");
	lf.before_id = 7;
	assert_ids(*state, &lf, "6 5 4 3");
	lf.before_id = 3;
	assert_ids(*state, &lf, "2 1");
	lf.before_id = 1;
	assert_ids(*state, &lf, "");
}

/* Oldest first after an id: the page that comes back towards the newest. */
static void
pages_come_forward_by_id(void **state)
{
	struct log_filter lf = { .trigger = -1, .limit = 3,
	    .oldest_first = true, .after_id = 4 };

	assert_ids(*state, &lf, "5 6 7");
	lf.after_id = 8;
	assert_ids(*state, &lf, "9 10");
}

/* Both bounds and a filter together. */
static void
bounds_combine_with_filters(void **state)
{
	struct log_filter lf = { .trigger = -1, .after_id = 2, .before_id = 9,
	    .login = "bob" };

	assert_ids(*state, &lf, "8 6 4");
	lf.login = NULL;
	lf.since_utc = "2026-11-30T00:00:00Z";
	assert_ids(*state, &lf, "8 6 4");
	lf.since_utc = NULL;
	lf.until_utc = "2026-11-30T00:00:00Z";
	lf.limit = 2;
	assert_ids(*state, &lf, "7 5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pages_go_back_by_id, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(pages_come_forward_by_id, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(bounds_combine_with_filters,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
