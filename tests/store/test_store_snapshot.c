/*
 * test_store_snapshot.c - a batch command that walks the list several
 * times (the printout: numbers, widths, rows) reads one version: inside
 * store_read_begin a process another clerk adds meanwhile is not seen,
 * and is seen once the read has ended.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "catalog_fixture.h"
#include "header_fixture.h"
#include "store_edit.h"
#include "store_scratch.h"
#include "list_fixture.h"

static const struct actor who = { "olga", "2026-12-03T10:00:00Z" };

static void
build_list(struct list *l)
{
	struct process *pr = list_add_process(l, "Консультирование");
	struct touchpoint *tp = process_add_touchpoint(pr, "Сайт");

	model_set(&tp->kind, "site");
	tp->channel = CHANNEL_DIGITAL;
	touchpoint_add_need(tp, "получение информации", 1);
	touchpoint_add_contact(tp, CONTACT_URL, "https://example.ru");
}

static size_t
processes(struct store *st)
{
	struct error err;
	int64_t *ids = NULL;
	size_t n = 0, printed = 0;

	if (store_list_processes(st, 0, &ids, &n, &printed, &err) != 0)
		fail_msg("%s", err.msg);
	free(ids);
	return n;
}

static void
a_read_sees_one_version(void **state)
{
	struct store *st, *other;
	struct catalog cat;
	struct error err;
	char path[64];
	int64_t id;
	bool began, nested;

	(void)state;
	open_with_list(&st, path, sizeof path, "snapshot", &cat, build_list,
	    &who);
	if (store_open(&other, path, 0, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(processes(st), 1);
	assert_int_equal(store_read_begin(st, &began, &err), 0);
	assert_true(began);
	assert_int_equal(processes(st), 1);
	/* Another clerk adds a process while the walk is under way. */
	if (store_process_add(other, "Приём заявлений", &who, &id, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(processes(st), 1);
	/* Nested inside an open transaction it does nothing. */
	assert_int_equal(store_read_begin(st, &nested, &err), 0);
	assert_false(nested);
	store_read_end(st, nested);
	assert_int_equal(processes(st), 1);
	store_read_end(st, began);
	assert_int_equal(processes(st), 2);
	store_close(other);
	store_close(st);
	catalog_fini(&cat);
	remove(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_read_sees_one_version),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
