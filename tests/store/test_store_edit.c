/* test_store_edit.c - edits with their change log, atomicity, conflicts,
 * revisions and diffs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store_edit.h"
#include "store_history.h"
#include "store_status.h"
#include "reminder.h"
#include "catalog_fixture.h"
#include "header_fixture.h"

static const struct actor who = { "clerk", "2026-11-29T10:00:00Z" };

struct fixture {
	char	 dir[64];
	char	 path[128];
	struct catalog cat;
	struct store *st;
	int64_t	 proc_id;
	int64_t	 tp_id;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct touchpoint tp;
	struct error err;

	snprintf(f->dir, sizeof f->dir, "/tmp/perechen-edit.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	catalog_init(&f->cat);
	small_catalog(&f->cat);
	if (store_open(&f->st, f->path, STORE_CREATE, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_seed_catalog(f->st, &f->cat, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(store_process_add(f->st, "Консультирование", &who,
	    &f->proc_id, &err), 0);
	touchpoint_init(&tp);
	model_set(&tp.name, "Почта России");
	model_set(&tp.kind, "post");
	tp.channel = CHANNEL_OFFLINE;
	touchpoint_add_need(&tp, "получение консультации", 2);
	if (store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat, &who,
	    &err) != 0)
		fail_msg("%s", err.msg);
	f->tp_id = tp.id;
	touchpoint_fini(&tp);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[256];

	store_close(f->st);
	catalog_fini(&f->cat);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
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

static void
new_touchpoint_is_logged_as_5_3_1(void **state)
{
	struct fixture *f = *state;
	struct changes c;

	read_log(f, &c);
	assert_int_equal(c.n, 2);	/* the process, then the touchpoint */
	assert_int_equal(c.v[1].trigger, TRIGGER_NEW);
	assert_string_equal(c.v[1].login, "clerk");
	assert_string_equal(c.v[1].at_utc, "2026-11-29T10:00:00Z");
	assert_string_equal(c.v[1].label, "1.1 Почта России");
	assert_non_null(strstr(c.v[1].new_value, "получение консультации"));
	changes_fini(&c);
}

static void
changed_needs_are_logged_old_to_new(void **state)
{
	struct fixture *f = *state;
	struct touchpoint tp;
	struct changes c;
	struct error err;

	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, f->tp_id, &tp, NULL,
	    &err), 0);
	assert_int_equal(tp.version, 1);
	touchpoint_add_need(&tp, "получение форм документов", 3);
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat,
	    &who, &err), 0);
	assert_int_equal(tp.version, 2);
	touchpoint_fini(&tp);
	read_log(f, &c);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.v[2].trigger, TRIGGER_NEEDS);
	assert_string_equal(c.v[2].field, "потребности");
	assert_string_equal(c.v[2].old_value,
	    "получение консультации (п. 2.6.2)");
	assert_string_equal(c.v[2].new_value,
	    "получение консультации (п. 2.6.2)\n"
	    "получение форм документов (п. 2.6.3)");
	changes_fini(&c);
}

static void
stale_version_is_refused_and_not_logged(void **state)
{
	struct fixture *f = *state;
	struct touchpoint a, b, now;
	struct changes c;
	struct error err;

	touchpoint_init(&a);
	touchpoint_init(&b);
	touchpoint_init(&now);
	assert_int_equal(store_touchpoint_load(f->st, f->tp_id, &a, NULL, &err),
	    0);
	assert_int_equal(store_touchpoint_load(f->st, f->tp_id, &b, NULL, &err),
	    0);
	model_set(&a.unit, "отдел А");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &a, &f->cat,
	    &who, &err), 0);
	model_set(&b.unit, "отдел Б");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &b, &f->cat,
	    &who, &err), -1);
	assert_non_null(strstr(err.msg, "другой пользователь"));
	assert_int_equal(store_touchpoint_load(f->st, f->tp_id, &now, NULL,
	    &err), 0);
	assert_string_equal(now.unit, "отдел А");
	read_log(f, &c);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.v[2].new_value, "отдел А");
	changes_fini(&c);
	touchpoint_fini(&a);
	touchpoint_fini(&b);
	touchpoint_fini(&now);
}

/* Two clerks edit one touchpoint from the same version: different fields
 * merge (each change logged once, by its clerk); the same field refuses
 * the second with both values and saves nothing. */
/* Touchpoint f->tp_id as stored now into tp (initialised; replaced). */
static void
load_tp(struct fixture *f, struct touchpoint *tp)
{
	struct error err;

	if (store_touchpoint_load(f->st, f->tp_id, tp, NULL, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
concurrent_saves_merge_or_name_the_conflict(void **state)
{
	static const struct actor other = { "olga", "2026-11-29T10:05:00Z" };
	struct fixture *f = *state;
	struct touchpoint base, a, b, now;
	struct changes c, conflicts;
	struct error err;

	touchpoint_init(&base);
	touchpoint_init(&a);
	touchpoint_init(&b);
	touchpoint_init(&now);
	changes_init(&conflicts);
	load_tp(f, &base);
	load_tp(f, &a);
	load_tp(f, &b);
	model_set(&a.specifics, "по записи");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &a, &f->cat,
	    &other, &err), 0);
	model_set(&b.basis, "приказ № 5");
	if (store_touchpoint_save_merged(f->st, f->proc_id, &base, &b, &f->cat,
	    &who, &conflicts, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(conflicts.n, 0);
	load_tp(f, &now);
	assert_string_equal(now.specifics, "по записи");
	assert_string_equal(now.basis, "приказ № 5");
	read_log(f, &c);
	assert_int_equal(c.n, 4);
	assert_string_equal(c.v[2].field, "особенности");
	assert_string_equal(c.v[2].login, "olga");
	assert_string_equal(c.v[3].field, "основание");
	assert_string_equal(c.v[3].login, "clerk");
	changes_fini(&c);

	/* The same field, each from the version now stored. */
	load_tp(f, &base);
	load_tp(f, &a);
	load_tp(f, &b);
	model_set(&a.specifics, "только по записи");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &a, &f->cat,
	    &other, &err), 0);
	model_set(&b.specifics, "без записи");
	model_set(&b.unit, "отдел В");
	assert_int_equal(store_touchpoint_save_merged(f->st, f->proc_id, &base,
	    &b, &f->cat, &who, &conflicts, &err), -1);
	assert_non_null(strstr(err.msg, "изменил olga"));
	assert_non_null(strstr(err.msg, "«особенности»: у него «только по "
	    "записи», у вас «без записи»"));
	assert_non_null(strstr(err.msg, "ничего не сохранено"));
	assert_int_equal(conflicts.n, 1);
	assert_string_equal(conflicts.v[0].old_value, "только по записи");
	assert_string_equal(conflicts.v[0].new_value, "без записи");
	load_tp(f, &now);
	assert_string_equal(now.specifics, "только по записи");
	assert_string_not_equal(now.unit, "отдел В");
	read_log(f, &c);
	assert_int_equal(c.n, 5);
	changes_fini(&c);
	changes_fini(&conflicts);
	touchpoint_fini(&base);
	touchpoint_fini(&a);
	touchpoint_fini(&b);
	touchpoint_fini(&now);
}

static void
exclusion_and_restore_are_5_3_4_and_5_3_1(void **state)
{
	struct fixture *f = *state;
	struct changes c;
	struct error err;

	assert_int_equal(store_touchpoint_exclude(f->st, f->tp_id, "", &f->cat,
	    &who, &err), -1);
	assert_int_equal(store_touchpoint_exclude(f->st, f->tp_id,
	    "почтовое отделение закрыто", &f->cat, &who, &err), 0);
	assert_int_equal(store_touchpoint_exclude(f->st, f->tp_id, "ещё раз",
	    &f->cat, &who, &err), -1);
	assert_int_equal(store_touchpoint_restore(f->st, f->tp_id, &f->cat,
	    &who, &err), 0);
	read_log(f, &c);
	assert_int_equal(c.n, 4);
	assert_int_equal(c.v[2].trigger, TRIGGER_EXCLUDED);
	assert_non_null(strstr(c.v[2].new_value, "почтовое отделение закрыто"));
	assert_int_equal(c.v[3].trigger, TRIGGER_NEW);
	changes_fini(&c);
}

static void
moves_swap_neighbours(void **state)
{
	struct fixture *f = *state;
	struct touchpoint tp;
	int64_t t1, t2;
	struct error err;

	touchpoint_init(&tp);
	model_set(&tp.name, "Сайт");
	model_set(&tp.kind, "site");
	tp.channel = CHANNEL_DIGITAL;
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat,
	    &who, &err), 0);
	touchpoint_fini(&tp);
	assert_int_equal(store_touchpoint_move(f->st, f->tp_id, -1, &who, &err),
	    -1);
	assert_int_equal(store_touchpoint_move(f->st, f->tp_id, 1, &who, &err),
	    0);
	assert_int_equal(store_touchpoint_find(f->st, 1, 1, &t1, &err), 0);
	assert_int_equal(store_touchpoint_find(f->st, 1, 2, &t2, &err), 0);
	assert_int_equal(t2, f->tp_id);
	assert_int_not_equal(t1, f->tp_id);
	assert_int_equal(store_touchpoint_find(f->st, 1, 3, &t1, &err), -1);
	assert_non_null(strstr(err.msg, "точек 2"));
}

/* Edit in a child that is killed at the named point; 0 if it died so. */
static void
kill_at(const char *where, void *arg)
{
	if (strcmp(where, (const char *)arg) == 0)
		raise(SIGKILL);
}

static void
edit_in_child(struct fixture *f, const char *kill_point)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *st;
		struct touchpoint tp;
		struct error err;

		if (store_open(&st, f->path, 0, &err) != 0)
			_exit(3);
		if (kill_point != NULL)
			store_set_fault_hook(st, kill_at, (void *)kill_point);
		touchpoint_init(&tp);
		if (store_touchpoint_load(st, f->tp_id, &tp, NULL, &err) != 0)
			_exit(4);
		touchpoint_add_need(&tp, "получение информации", 1);
		_exit(store_touchpoint_save(st, f->proc_id, &tp, &f->cat, &who,
		    &err) == 0 ? 0 : 5);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (kill_point != NULL) {
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), SIGKILL);
	} else {
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
}

/* Whether the need was saved, and whether its log entry was. */
static void
saved_and_logged(struct fixture *f, bool *saved, bool *logged)
{
	struct touchpoint tp;
	struct changes c;
	struct error err;

	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, f->tp_id, &tp, NULL,
	    &err), 0);
	*saved = tp.nneeds == 2;
	touchpoint_fini(&tp);
	read_log(f, &c);
	*logged = c.n == 3 && c.v[2].trigger == TRIGGER_NEEDS;
	changes_fini(&c);
}

static void
killed_between_change_and_log_leaves_neither(void **state)
{
	struct fixture *f = *state;
	bool saved, logged;

	edit_in_child(f, "after-change");
	saved_and_logged(f, &saved, &logged);
	assert_false(saved);
	assert_false(logged);
	edit_in_child(f, "after-log");
	saved_and_logged(f, &saved, &logged);
	assert_false(saved);
	assert_false(logged);
	edit_in_child(f, NULL);
	saved_and_logged(f, &saved, &logged);
	assert_true(saved);
	assert_true(logged);
}

static void
process_exclusion_killed_midway_leaves_neither(void **state)
{
	struct fixture *f = *state;
	const char *const points[] = { "after-change", "after-log" };
	struct process p;
	struct changes c;
	struct error err;

	for (int i = 0; i < 2; i++) {
		pid_t pid = fork();
		int status;

		assert_true(pid >= 0);
		if (pid == 0) {
			struct store *st;

			if (store_open(&st, f->path, 0, &err) != 0)
				_exit(3);
			store_set_fault_hook(st, kill_at, (void *)points[i]);
			store_process_exclude(st, f->proc_id, "процесс упразднён",
			    &who, &err);
			_exit(4);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		memset(&p, 0, sizeof p);
		assert_int_equal(store_process_load(f->st, f->proc_id, &p, &err),
		    0);
		assert_false(p.excluded);
		process_fini(&p);
		read_log(f, &c);
		assert_int_equal(c.n, 2);
		changes_fini(&c);
	}
}

static void
approval_freezes_the_list_and_diff_finds_the_edits(void **state)
{
	struct fixture *f = *state;
	struct list frozen, now;
	struct touchpoint tp;
	struct revision r = { 0 };
	struct changes c;
	int64_t rev, last;
	bool found;
	struct error err;

	give_header(f->st, &who);
	assert_int_equal(store_revision_approve(f->st, "27/01-01", "2024-03-19",
	    &who, &rev, &err), 0);
	assert_int_equal(rev, 1);
	assert_int_equal(store_log_last_id(f->st, &last, &err), 0);
	assert_int_equal(store_revision_latest(f->st, &r, &found, &err), 0);
	assert_true(found);
	assert_int_equal(r.last_change_id, last);
	assert_string_equal(r.order_date, "2024-03-19");
	assert_string_equal(r.published_date, "");
	revision_fini(&r);

	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, f->tp_id, &tp, NULL,
	    &err), 0);
	model_set(&tp.needs[0].wording, "консультация по телефону");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat,
	    &who, &err), 0);
	touchpoint_fini(&tp);

	list_init(&frozen);
	list_init(&now);
	assert_int_equal(store_revision_load_list(f->st, rev, &frozen, &err), 0);
	assert_int_equal(store_load_list(f->st, &now, &err), 0);
	assert_string_equal(frozen.procs[0].tps[0].needs[0].wording,
	    "получение консультации");
	changes_init(&c);
	change_diff_lists(&frozen, &now, &f->cat, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].trigger, TRIGGER_NEEDS);
	assert_string_equal(c.v[0].label, "1.1 Почта России");
	changes_fini(&c);
	list_fini(&frozen);
	list_fini(&now);

	assert_int_equal(store_revision_publish(f->st, 0, "2024-04-01", "",
	    &who, &err), 0);
	assert_int_equal(store_revision_latest(f->st, &r, &found, &err), 0);
	assert_string_equal(r.published_date, "2024-04-01");
	revision_fini(&r);
	assert_int_equal(store_revision_load_list(f->st, 9, &frozen, &err), -1);
	list_fini(&frozen);
}

static void
header_and_process_edits_are_editorial(void **state)
{
	struct fixture *f = *state;
	struct list_header h;
	struct changes c;
	struct error err;

	list_header_init(&h);
	model_set(&h.org, "Министерство");
	assert_int_equal(store_header_save(f->st, &h, &who, &err), 0);
	list_header_fini(&h);
	assert_int_equal(store_process_rename(f->st, f->proc_id,
	    "Консультирование клиентов", &who, &err), 0);
	assert_int_equal(store_process_rename(f->st, f->proc_id, "", &who,
	    &err), -1);
	read_log(f, &c);
	assert_int_equal(c.n, 4);
	assert_int_equal(c.v[2].trigger, TRIGGER_EDIT);
	assert_string_equal(c.v[2].new_value, "Министерство");
	assert_string_equal(c.v[3].old_value, "Консультирование");
	changes_fini(&c);
}

/* Nothing is frozen without the header an annex needs (R0), whatever
 * the caller confirmed; the genitive is frozen with the rest. */
static void
approval_needs_the_header_and_freezes_its_genitive(void **state)
{
	struct fixture *f = *state;
	struct revisions revs = { 0 };
	struct list frozen;
	struct error err;
	int64_t rev, before, after;

	assert_int_equal(store_log_last_id(f->st, &before, &err), 0);
	assert_int_equal(store_revision_approve_unreviewed(f->st, "1",
	    "2024-03-19", "подтверждено", NULL, &who, &rev, &err), -1);
	assert_non_null(strstr(err.msg, "заголовок перечня не заполнен"));
	assert_non_null(strstr(err.msg, "органа (ОИВ), заглавия"));
	assert_int_equal(store_log_last_id(f->st, &after, &err), 0);
	assert_int_equal(after, before);
	assert_int_equal(store_revisions_list(f->st, &revs, &err), 0);
	assert_int_equal(revs.n, 0);
	revisions_fini(&revs);

	give_header(f->st, &who);
	assert_int_equal(store_revision_approve(f->st, "1", "2024-03-19", &who,
	    &rev, &err), 0);
	list_init(&frozen);
	assert_int_equal(store_revision_load_list(f->st, rev, &frozen, &err), 0);
	assert_string_equal(frozen.hdr.org_genitive, "Министерства "
	    "промышленности и торговли Смоленской области");
	list_fini(&frozen);
}

/* A merge makes a record neither clerk saw: one wrote the phone into the
 * name while the other replaced it in the contacts list.  The merged
 * record would print a contact the list no longer has (R11): nothing is
 * saved. */
static void
merged_record_must_keep_the_rules(void **state)
{
	static const struct actor other = { "olga", "2026-11-29T10:05:00Z" };
	struct fixture *f = *state;
	struct touchpoint base, a, b, now;
	struct changes conflicts;
	struct error err;

	touchpoint_init(&base);
	touchpoint_init(&a);
	touchpoint_init(&b);
	touchpoint_init(&now);
	changes_init(&conflicts);
	load_tp(f, &a);
	touchpoint_add_contact(&a, CONTACT_PHONE, "+7 (4812) 29-25-09");
	if (store_touchpoint_save(f->st, f->proc_id, &a, &f->cat, &who,
	    &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_fini(&a);
	touchpoint_init(&a);
	load_tp(f, &base);
	load_tp(f, &a);
	load_tp(f, &b);
	model_set(&a.contacts[a.ncontacts - 1].value, "+7 (4812) 29-25-10");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &a, &f->cat,
	    &other, &err), 0);
	{
		char *name = xasprintf("%s +7 (4812) 29-25-09", b.name);

		model_set(&b.name, name);
		free(name);
	}
	assert_int_equal(store_touchpoint_save_merged(f->st, f->proc_id, &base,
	    &b, &f->cat, &who, &conflicts, &err), -1);
	assert_non_null(strstr(err.msg, "тем временем изменил другой "
	    "пользователь"));
	assert_non_null(strstr(err.msg, "29-25-09"));
	load_tp(f, &now);
	assert_string_equal(now.name, base.name);
	assert_string_equal(now.contacts[now.ncontacts - 1].value,
	    "+7 (4812) 29-25-10");
	changes_fini(&conflicts);
	touchpoint_fini(&base);
	touchpoint_fini(&a);
	touchpoint_fini(&b);
	touchpoint_fini(&now);
}

/* A new e-mail touchpoint named name, stored; its id into *id. */
static void
add_email(struct fixture *f, const char *name, int64_t *id)
{
	struct touchpoint tp;
	struct error err;
	int rc;

	touchpoint_init(&tp);
	model_set(&tp.name, name);
	model_set(&tp.kind, "email");
	tp.channel = CHANNEL_DIGITAL;
	touchpoint_add_need(&tp, "получение консультации", 2);
	rc = store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat, &who,
	    &err);
	assert_int_equal(rc, 0);
	*id = tp.id;
	touchpoint_fini(&tp);
}

/* Undoing an addition the approved list never held deletes the
 * touchpoint, closes the gap, logs one editorial entry and leaves
 * nothing due; one an approved revision holds is refused. */
static void
withdrawn_addition_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct reminder_facts facts;
	struct touchpoint tp;
	struct changes c;
	struct error err;
	int64_t rev, a, b, found;
	bool held;

	give_header(f->st, &who);
	assert_int_equal(store_revision_approve(f->st, "1", "2024-03-19",
	    &who, &rev, &err), 0);
	add_email(f, "Электронная почта приёмной", &a);
	add_email(f, "Электронная почта отдела", &b);
	assert_int_equal(store_touchpoint_in_revision(f->st, a, &held, &err),
	    0);
	assert_false(held);
	/* Stale: someone changed it since. */
	assert_int_equal(store_touchpoint_withdraw(f->st, a, 2, &who, &err),
	    -1);
	assert_int_equal(store_touchpoint_withdraw(f->st, a, 1, &who, &err),
	    0);
	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, a, &tp, NULL, &err), -1);
	touchpoint_fini(&tp);
	assert_int_equal(store_touchpoint_find(f->st, 1, 2, &found, &err), 0);
	assert_int_equal(found, b);
	read_log(f, &c);
	assert_string_equal(c.v[c.n - 1].new_value, "добавление отозвано");
	assert_string_equal(c.v[c.n - 1].old_value,
	    "Электронная почта приёмной");
	assert_int_equal(c.v[c.n - 1].trigger, TRIGGER_EDIT);
	assert_string_equal(c.v[c.n - 2].field, "новая точка");
	changes_fini(&c);

	/* b stood after a: the renumbering moved its version on. */
	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, b, &tp, NULL, &err), 0);
	assert_true(tp.version > 1);
	assert_int_equal(store_touchpoint_withdraw(f->st, b, tp.version, &who,
	    &err), 0);
	touchpoint_fini(&tp);
	reminder_facts_init(&facts);
	if (store_status_facts(f->st, &facts, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(reminder_pending(&facts), 0);
	reminder_facts_fini(&facts);

	/* The approved revision holds the first touchpoint. */
	assert_int_equal(store_touchpoint_in_revision(f->st, f->tp_id, &held,
	    &err), 0);
	assert_true(held);
	assert_int_equal(store_touchpoint_withdraw(f->st, f->tp_id, 1, &who,
	    &err), -1);
	assert_non_null(strstr(err.msg, "утверждённой редакции"));
	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, f->tp_id, &tp, NULL,
	    &err), 0);
	touchpoint_fini(&tp);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(new_touchpoint_is_logged_as_5_3_1),
		T(changed_needs_are_logged_old_to_new),
		T(stale_version_is_refused_and_not_logged),
		T(concurrent_saves_merge_or_name_the_conflict),
		T(merged_record_must_keep_the_rules),
		T(exclusion_and_restore_are_5_3_4_and_5_3_1),
		T(moves_swap_neighbours),
		T(killed_between_change_and_log_leaves_neither),
		T(process_exclusion_killed_midway_leaves_neither),
		T(approval_freezes_the_list_and_diff_finds_the_edits),
		T(header_and_process_edits_are_editorial),
		T(approval_needs_the_header_and_freezes_its_genitive),
		T(withdrawn_addition_leaves_nothing),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
