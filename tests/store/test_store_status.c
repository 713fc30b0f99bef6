/* test_store_status.c - the reminder's facts: the net difference from the
 * latest revision, the day the persisting difference began, the facts as
 * of a past day, and the cycle an approval records. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../date_assert.h"
#include "header_fixture.h"
#include "store_edit.h"
#include "store_history.h"
#include "store_scratch.h"
#include "store_status.h"

struct fixture {
	char	 path[64];
	char	 now[REMINDER_UTC_BUFSZ];
	struct actor who;	/* acts at now */
	struct catalog cat;
	struct store *st;
	int64_t	 proc_id;
	int64_t	 tp[2];		/* 1.1 and 1.2 */
};

/* Act at noon (UTC) of the ISO day from now on. */
static void
at(struct fixture *f, const char *iso)
{
	snprintf(f->now, sizeof f->now, "%sT12:00:00Z", iso);
}

static int64_t
add_touchpoint(struct fixture *f, const char *name)
{
	struct touchpoint tp;
	struct error err;
	int64_t id;

	touchpoint_init(&tp);
	model_set(&tp.name, name);
	model_set(&tp.kind, "Почта России");
	tp.channel = CHANNEL_OFFLINE;
	touchpoint_add_need(&tp, "получение консультации", 0);
	if (store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat, &f->who,
	    &err) != 0)
		fail_msg("%s", err.msg);
	id = tp.id;
	touchpoint_fini(&tp);
	return id;
}

/* Load touchpoint id, let edit change it, save it. */
static void
edit(struct fixture *f, int64_t id, void (*change)(struct touchpoint *))
{
	struct touchpoint tp;
	struct error err;

	touchpoint_init(&tp);
	if (store_touchpoint_load(f->st, id, &tp, NULL, &err) != 0)
		fail_msg("%s", err.msg);
	change(&tp);
	if (store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat, &f->who,
	    &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_fini(&tp);
}

static void
needs_two(struct touchpoint *tp)
{
	touchpoint_add_need(tp, "подача обращения", 0);
}

/* Back to the first need alone (touchpoint_fini frees only the kept). */
static void
needs_one(struct touchpoint *tp)
{
	while (tp->nneeds > 1)
		free(tp->needs[--tp->nneeds].wording);
}

static void
kind_chat(struct touchpoint *tp)
{
	model_set(&tp->kind, "Чат-бот");
	tp->channel = CHANNEL_DIGITAL;
}

static void
kind_post(struct touchpoint *tp)
{
	model_set(&tp->kind, "Почта России");
	tp->channel = CHANNEL_OFFLINE;
}

static void
renamed(struct touchpoint *tp)
{
	model_set(&tp->name, "Почтовая связь");
}

static void
exclude(struct fixture *f, int64_t id)
{
	struct error err;

	if (store_touchpoint_exclude(f->st, id, "не используется", &f->cat,
	    &f->who, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
restore(struct fixture *f, int64_t id)
{
	struct error err;

	if (store_touchpoint_restore(f->st, id, &f->cat, &f->who, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
facts(struct fixture *f, struct reminder_facts *rf)
{
	struct error err;

	reminder_facts_init(rf);
	if (store_status_facts(f->st, rf, &err) != 0)
		fail_msg("%s", err.msg);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;
	int64_t rev;

	assert_non_null(f);
	scratch_path(f->path, sizeof f->path, "status");
	f->who.login = "olga";
	f->who.now_utc = f->now;
	at(f, "2025-01-09");
	catalog_init(&f->cat);
	if (store_open(&f->st, f->path, STORE_CREATE, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_process_add(f->st, "Консультирование", &f->who,
	    &f->proc_id, &err), 0);
	f->tp[0] = add_touchpoint(f, "Почта России");
	f->tp[1] = add_touchpoint(f, "Телефон");
	give_header(f->st, &f->who);
	assert_int_equal(store_revision_approve(f->st, "1", "2025-01-09",
	    &f->who, &rev, &err), 0);
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

static void
test_undone_changes_leave_nothing_due(void **state)
{
	struct fixture *f = *state;
	struct reminder_facts rf;

	at(f, "2025-01-10");
	exclude(f, f->tp[0]);
	edit(f, f->tp[1], needs_two);
	edit(f, f->tp[1], kind_chat);
	facts(f, &rf);
	assert_int_equal(rf.count[TRIGGER_EXCLUDED], 1);
	assert_int_equal(rf.count[TRIGGER_NEEDS], 1);
	assert_int_equal(rf.count[TRIGGER_KIND], 1);
	reminder_facts_fini(&rf);
	at(f, "2025-01-13");
	restore(f, f->tp[0]);
	edit(f, f->tp[1], needs_one);
	edit(f, f->tp[1], kind_post);
	facts(f, &rf);
	assert_true(rf.approved);
	assert_int_equal(reminder_pending(&rf), 0);
	assert_int_equal(rf.count[TRIGGER_EDIT], 0);
	reminder_facts_fini(&rf);
}

static void
test_deadline_runs_from_the_difference_that_persists(void **state)
{
	struct fixture *f = *state;
	struct reminder_facts rf;

	/* Excluded, back, excluded again: the second exclusion is the one
	 * that stands.  The needs changed in between were changed back. */
	at(f, "2025-01-10");
	exclude(f, f->tp[0]);
	at(f, "2025-01-13");
	restore(f, f->tp[0]);
	at(f, "2025-01-14");
	edit(f, f->tp[1], needs_two);
	at(f, "2025-01-15");
	exclude(f, f->tp[0]);
	at(f, "2025-01-16");
	edit(f, f->tp[1], needs_one);
	edit(f, f->tp[1], renamed);
	facts(f, &rf);
	assert_int_equal(reminder_pending(&rf), 1);
	assert_int_equal(rf.count[TRIGGER_EXCLUDED], 1);
	assert_int_equal(rf.count[TRIGGER_EDIT], 1);
	assert_date(rf.first_change, "15.01.2025");
	reminder_facts_fini(&rf);
	/* A later change does not move it; one of two differing does not
	 * either: the kind from the 17th, the exclusion from the 15th. */
	at(f, "2025-01-17");
	edit(f, f->tp[1], kind_chat);
	facts(f, &rf);
	assert_date(rf.first_change, "15.01.2025");
	reminder_facts_fini(&rf);
	at(f, "2025-01-20");
	restore(f, f->tp[0]);
	facts(f, &rf);
	assert_int_equal(reminder_pending(&rf), 1);
	assert_int_equal(rf.count[TRIGGER_KIND], 1);
	assert_date(rf.first_change, "17.01.2025");
	reminder_facts_fini(&rf);
}

static void
test_facts_as_of_a_past_day(void **state)
{
	struct fixture *f = *state;
	struct reminder_facts rf;
	struct error err;

	int64_t added;

	at(f, "2025-01-10");
	exclude(f, f->tp[0]);
	at(f, "2025-01-13");
	added = add_touchpoint(f, "Чат-бот");
	edit(f, added, kind_chat);
	at(f, "2025-01-15");
	edit(f, f->tp[1], needs_two);
	at(f, "2025-01-16");
	restore(f, f->tp[0]);
	exclude(f, added);
	reminder_facts_init(&rf);
	/* On the 12th only the exclusion had been made. */
	assert_int_equal(store_status_facts_on(f->st, day("12.01.2025"), &rf,
	    &err), 0);
	assert_int_equal(reminder_pending(&rf), 1);
	assert_int_equal(rf.count[TRIGGER_EXCLUDED], 1);
	assert_date(rf.first_change, "10.01.2025");
	/* On the 15th all three; a new touchpoint is that change alone,
	 * whatever was edited in it; the exclusion still the first. */
	assert_int_equal(store_status_facts_on(f->st, day("15.01.2025"), &rf,
	    &err), 0);
	assert_int_equal(reminder_pending(&rf), 3);
	assert_int_equal(rf.count[TRIGGER_NEW], 1);
	assert_int_equal(rf.count[TRIGGER_KIND], 0);
	assert_date(rf.first_change, "10.01.2025");
	/* Today (after the restore, and the new one excluded again) only
	 * the needs, from the 15th. */
	assert_int_equal(store_status_facts_on(f->st, day("20.01.2025"), &rf,
	    &err), 0);
	assert_int_equal(reminder_pending(&rf), 1);
	assert_int_equal(rf.count[TRIGGER_NEEDS], 1);
	assert_date(rf.first_change, "15.01.2025");
	/* Before the order, the list was not approved. */
	assert_int_equal(store_status_facts_on(f->st, day("08.01.2025"), &rf,
	    &err), 0);
	assert_false(rf.approved);
	reminder_facts_fini(&rf);
}

/* Every editorial field of a touchpoint changed, and its contacts. */
static void
edited_everywhere(struct touchpoint *tp)
{
	model_set(&tp->name, "Почтовая связь");
	model_set(&tp->specifics, "по будням");
	tp->key = !tp->key;
	tp->basis_type = BASIS_DOCUMENT;
	model_set(&tp->basis, "приказ № 1");
	model_set(&tp->unit, "отдел");
	tp->audience = AUDIENCE_INTERNAL;
	tp->max_transfers = 2;
	tp->ack_receipt = 1;
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-25-09");
}

static void
test_counts_agree_with_the_diff(void **state)
{
	struct fixture *f = *state;
	size_t count[TRIGGER_COUNT] = { 0 };
	struct reminder_facts rf;
	struct list frozen, now;
	struct changes ch;
	struct error err;
	int64_t pid;

	at(f, "2025-01-10");
	edit(f, f->tp[0], edited_everywhere);
	edit(f, f->tp[1], kind_chat);
	edit(f, f->tp[1], needs_two);
	assert_int_equal(store_process_add(f->st, "Обжалование", &f->who,
	    &pid, &err), 0);
	assert_int_equal(store_process_rename(f->st, f->proc_id,
	    "Консультирование клиентов", &f->who, &err), 0);
	list_init(&frozen);
	list_init(&now);
	assert_int_equal(store_revision_load_list(f->st, 1, &frozen, &err), 0);
	assert_int_equal(store_load_list(f->st, &now, &err), 0);
	changes_init(&ch);
	change_diff_lists(&frozen, &now, NULL, &ch);
	for (size_t i = 0; i < ch.n; i++)
		count[ch.v[i].trigger]++;
	facts(f, &rf);
	for (int t = 0; t < TRIGGER_COUNT; t++)
		if (rf.count[t] != count[t])
			fail_msg("trigger %s: status %zu, diff %zu",
			    trigger_code((enum trigger)t), rf.count[t],
			    count[t]);
	/* Nine fields and the contacts, a new and a renamed process. */
	assert_int_equal(rf.count[TRIGGER_EDIT], 12);
	assert_int_equal(rf.count[TRIGGER_KIND], 1);
	assert_int_equal(rf.count[TRIGGER_NEEDS], 1);
	reminder_facts_fini(&rf);
	changes_fini(&ch);
	list_fini(&frozen);
	list_fini(&now);
}

/* The shipped production calendar. */
static void
load_calendar(struct calendar *cal)
{
	const char *env = getenv("PERECHEN_SHARE");
	char *dir = xasprintf("%s/calendar", env != NULL && env[0] != '\0' ?
	    env : "share/perechen");
	struct error err;

	calendar_init(cal);
	if (calendar_load_dir(cal, dir, true, &err) != 0)
		fail_msg("%s", err.msg);
	free(dir);
}

static void
test_approval_records_the_cycle_it_closes(void **state)
{
	struct fixture *f = *state;
	struct revision r = { 0 };
	struct reminder_facts rf;
	struct calendar cal;
	struct error err;
	int64_t rev;
	bool found;

	at(f, "2025-01-10");
	exclude(f, f->tp[0]);
	at(f, "2025-01-28");
	load_calendar(&cal);
	assert_int_equal(store_revision_approve_unreviewed(f->st, "2",
	    "2025-01-28", NULL, &cal, &f->who, &rev, &err), 0);
	calendar_fini(&cal);
	assert_int_equal(store_revision_latest(f->st, &r, &found, &err), 0);
	assert_true(found);
	assert_string_equal(r.cycle_start, "2025-01-10");
	/* Ten working days from Mon 13.01.2025. */
	assert_string_equal(r.cycle_due, "2025-01-24");
	revision_fini(&r);
	facts(f, &rf);
	assert_int_equal(rf.revision, 2);
	assert_int_equal(reminder_pending(&rf), 0);
	assert_true(rf.cycle && rf.cycle_due_known);
	assert_date(rf.cycle_due, "24.01.2025");
	reminder_facts_fini(&rf);
	/* Nothing changed since: the next approval closes no cycle. */
	assert_int_equal(store_revision_approve(f->st, "3", "2025-01-29",
	    &f->who, &rev, &err), 0);
	facts(f, &rf);
	assert_false(rf.cycle);
	reminder_facts_fini(&rf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_undone_changes_leave_nothing_due, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_deadline_runs_from_the_difference_that_persists, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_facts_as_of_a_past_day,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts_agree_with_the_diff,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_approval_records_the_cycle_it_closes, setup, teardown),
	};

	/* Log times are UTC, days local: make them the same. */
	setenv("TZ", "UTC0", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
