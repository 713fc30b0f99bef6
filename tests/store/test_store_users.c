/* test_store_users.c - roles in the list's database and the permission
 * check of every change (п. 2.2): refused changes write and log nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_ack.h"
#include "store_edit.h"
#include "store_history.h"
#include "store_status.h"
#include "store_users.h"
#include "header_fixture.h"

static const struct actor olga = { "olga", "2026-11-29T10:00:00Z" };
static const struct actor anna = { "anna", "2026-11-29T10:01:00Z" };
static const struct actor vera = { "vera", "2026-11-29T10:02:00Z" };
static const struct actor petr = { "petr", "2026-11-29T10:03:00Z" };

struct fixture {
	struct catalog cat;
	struct store *st;
	int64_t	 proc_id;
	int64_t	 tp_a;		/* of "отдел А" */
	int64_t	 tp_b;		/* of "отдел Б" */
};

/* A touchpoint of unit in the fixture's process, saved by who. */
static int64_t
add_touchpoint(struct fixture *f, const char *name, const char *unit,
    const struct actor *who)
{
	struct touchpoint tp;
	struct error err;
	int64_t id;

	touchpoint_init(&tp);
	model_set(&tp.name, name);
	model_set(&tp.unit, unit);
	tp.channel = CHANNEL_OFFLINE;
	touchpoint_add_need(&tp, "получение консультации", 0);
	if (store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat, who,
	    &err) != 0)
		fail_msg("%s", err.msg);
	id = tp.id;
	touchpoint_fini(&tp);
	return id;
}

static void
set_user(struct fixture *f, const char *login, enum role role,
    const char *unit)
{
	struct strvec units;
	struct error err;

	strvec_init(&units);
	if (unit != NULL)
		strvec_push(&units, unit);
	if (store_users_set(f->st, login, role, &units, &olga, NULL,
	    &err) != 0)
		fail_msg("%s", err.msg);
	strvec_fini(&units);
}

/* A list made while open; then olga, its creator, and three users. */
static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;

	catalog_init(&f->cat);
	assert_int_equal(store_open(&f->st, ":memory:", STORE_CREATE, &err), 0);
	assert_int_equal(store_process_add(f->st, "Консультирование", &olga,
	    &f->proc_id, &err), 0);
	f->tp_a = add_touchpoint(f, "Телефонная связь", "отдел А", &olga);
	f->tp_b = add_touchpoint(f, "Почта России", "отдел Б", &olga);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_users_bootstrap(f->st, "olga", olga.now_utc,
	    &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	set_user(f, "anna", ROLE_EDITOR, "отдел А");
	set_user(f, "vera", ROLE_VIEWER, NULL);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	catalog_fini(&f->cat);
	free(f);
	return 0;
}

static int64_t
last_log_id(struct fixture *f)
{
	struct error err;
	int64_t id;

	assert_int_equal(store_log_last_id(f->st, &id, &err), 0);
	return id;
}

/* Load touchpoint id into tp (initialised by the caller). */
static void
load(struct fixture *f, int64_t id, struct touchpoint *tp)
{
	struct error err;

	if (store_touchpoint_load(f->st, id, tp, NULL, &err) != 0)
		fail_msg("%s", err.msg);
}

/* Rename touchpoint id as who; returns the store's answer. */
static int
rename_as(struct fixture *f, int64_t id, const char *name,
    const struct actor *who, struct error *err)
{
	struct touchpoint tp;
	int rc;

	touchpoint_init(&tp);
	load(f, id, &tp);
	model_set(&tp.name, name);
	rc = store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat, who, err);
	touchpoint_fini(&tp);
	return rc;
}

static void
creator_is_the_first_authorised_person(void **state)
{
	struct fixture *f = *state;
	struct users u = { 0 };
	struct error err;

	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_users_bootstrap(f->st, "someone", olga.now_utc,
	    &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(store_users_list(f->st, &u, &err), 0);
	assert_int_equal(u.n, 3);
	assert_string_equal(u.v[0].login, "olga");
	assert_int_equal(u.v[0].role, ROLE_AUTHORISED);
	assert_string_equal(u.v[1].login, "anna");
	assert_int_equal(u.v[1].role, ROLE_EDITOR);
	assert_int_equal(u.v[1].units.n, 1);
	assert_string_equal(u.v[1].units.v[0], "отдел А");
	assert_string_equal(u.v[1].created_by, "olga");
	assert_string_equal(u.v[2].login, "vera");
	users_fini(&u);
}

static void
editor_of_a_cannot_change_touchpoint_of_b(void **state)
{
	struct fixture *f = *state;
	struct touchpoint tp;
	struct error err;
	int64_t before = last_log_id(f);

	assert_int_equal(rename_as(f, f->tp_b, "Почта", &anna, &err), -1);
	assert_string_equal(err.msg, "изменять точки подразделения «отдел Б» "
	    "может редактор этого подразделения или уполномоченное лицо; "
	    "вы — редактор подразделения «отдел А»");
	touchpoint_init(&tp);
	load(f, f->tp_b, &tp);
	assert_string_equal(tp.name, "Почта России");
	assert_int_equal(tp.version, 1);
	touchpoint_fini(&tp);
	assert_int_equal(last_log_id(f), before);
}

static void
editor_changes_touchpoints_of_own_unit(void **state)
{
	struct fixture *f = *state;
	struct log_filter lf = { .trigger = -1, .login = "anna" };
	struct changes c;
	struct error err;

	assert_int_equal(rename_as(f, f->tp_a, "Телефон горячей линии", &anna,
	    &err), 0);
	changes_init(&c);
	assert_int_equal(store_log_query(f->st, &lf, &c, &err), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.v[0].new_value, "Телефон горячей линии");
	changes_fini(&c);
}

static void
editor_cannot_give_a_touchpoint_to_another_unit(void **state)
{
	struct fixture *f = *state;
	struct touchpoint tp;
	struct error err;

	touchpoint_init(&tp);
	load(f, f->tp_a, &tp);
	model_set(&tp.unit, "отдел Б");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat,
	    &anna, &err), -1);
	assert_non_null(strstr(err.msg, "передать точку подразделению "
	    "«отдел Б»"));
	touchpoint_fini(&tp);
}

static void
editor_adds_touchpoints_only_of_own_unit(void **state)
{
	struct fixture *f = *state;
	struct touchpoint tp;
	struct error err;
	int64_t before = last_log_id(f);

	touchpoint_init(&tp);
	model_set(&tp.name, "Чат-бот");
	model_set(&tp.unit, "отдел Б");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat,
	    &anna, &err), -1);
	assert_int_equal(tp.id, 0);
	assert_int_equal(last_log_id(f), before);
	model_set(&tp.unit, "Отдел  А");
	assert_int_equal(store_touchpoint_save(f->st, f->proc_id, &tp, &f->cat,
	    &anna, &err), 0);
	assert_true(tp.id > 0);
	touchpoint_fini(&tp);
}

static void
editor_excludes_and_moves_only_own_touchpoints(void **state)
{
	struct fixture *f = *state;
	struct error err;

	assert_int_equal(store_touchpoint_exclude(f->st, f->tp_b, "закрыт",
	    &f->cat, &anna, &err), -1);
	assert_non_null(strstr(err.msg, "«отдел Б»"));
	assert_int_equal(store_touchpoint_move(f->st, f->tp_b, -1, &anna,
	    &err), -1);
	assert_int_equal(store_touchpoint_exclude(f->st, f->tp_a, "закрыт",
	    &f->cat, &anna, &err), 0);
}

static void
editor_may_not_change_processes_or_header(void **state)
{
	struct fixture *f = *state;
	struct list_header h;
	struct error err;
	int64_t id, before = last_log_id(f);

	assert_int_equal(store_process_add(f->st, "Новый", &anna, &id, &err),
	    -1);
	assert_non_null(strstr(err.msg, "процессы может уполномоченное лицо"));
	assert_int_equal(store_process_rename(f->st, f->proc_id, "Иначе",
	    &anna, &err), -1);
	list_header_init(&h);
	model_set(&h.org, "Министерство");
	assert_int_equal(store_header_save(f->st, &h, &anna, &err), -1);
	assert_non_null(strstr(err.msg, "заголовок перечня"));
	list_header_fini(&h);
	assert_int_equal(last_log_id(f), before);
}

static void
viewer_cannot_change_anything(void **state)
{
	struct fixture *f = *state;
	struct list_header h;
	struct error err;
	int64_t id, rev, before = last_log_id(f);

	assert_int_equal(rename_as(f, f->tp_a, "X", &vera, &err), -1);
	assert_non_null(strstr(err.msg, "; вы — наблюдатель"));
	assert_int_equal(store_touchpoint_exclude(f->st, f->tp_a, "x", &f->cat,
	    &vera, &err), -1);
	assert_int_equal(store_touchpoint_move(f->st, f->tp_b, -1, &vera,
	    &err), -1);
	assert_int_equal(store_process_add(f->st, "P", &vera, &id, &err), -1);
	assert_int_equal(store_process_move(f->st, f->proc_id, 1, &vera, &err),
	    -1);
	list_header_init(&h);
	assert_int_equal(store_header_save(f->st, &h, &vera, &err), -1);
	list_header_fini(&h);
	assert_int_equal(store_revision_approve(f->st, "1", "2026-11-29",
	    &vera, &rev, &err), -1);
	assert_non_null(strstr(err.msg, "утверждать редакции"));
	assert_int_equal(last_log_id(f), before);
}

static void
unrecorded_login_only_reads(void **state)
{
	struct fixture *f = *state;
	struct error err;

	assert_int_equal(rename_as(f, f->tp_a, "X", &petr, &err), -1);
	assert_non_null(strstr(err.msg, "вы — учётная запись «petr», которой "
	    "в перечне не назначена роль"));
}

static void
authorised_person_changes_everything(void **state)
{
	struct fixture *f = *state;
	struct error err;
	int64_t id, rev;

	assert_int_equal(rename_as(f, f->tp_b, "Почта", &olga, &err), 0);
	assert_int_equal(store_process_add(f->st, "Новый", &olga, &id, &err),
	    0);
	give_header(f->st, &olga);
	assert_int_equal(store_revision_approve(f->st, "1", "2026-11-29",
	    &olga, &rev, &err), 0);
	assert_int_equal(store_revision_publish(f->st, rev, "2026-11-30", "",
	    &olga, &err), 0);
}

static void
only_an_authorised_person_manages_roles(void **state)
{
	struct fixture *f = *state;
	struct strvec units;
	struct error err;

	strvec_init(&units);
	strvec_push(&units, "отдел Б");
	assert_int_equal(store_users_set(f->st, "anna", ROLE_EDITOR, &units,
	    &anna, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "назначать роли может уполномоченное "
	    "лицо"));
	assert_int_equal(store_users_remove(f->st, "vera", &anna, &err), -1);
	strvec_fini(&units);
}

static void
last_authorised_person_stays(void **state)
{
	struct fixture *f = *state;
	struct error err;

	assert_int_equal(store_users_remove(f->st, "olga", &olga, &err), -1);
	assert_non_null(strstr(err.msg, "последнее уполномоченное лицо"));
	assert_int_equal(store_users_set(f->st, "olga", ROLE_VIEWER, NULL,
	    &olga, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "последнее уполномоченное лицо"));
	set_user(f, "anna", ROLE_AUTHORISED, NULL);
	assert_int_equal(store_users_remove(f->st, "olga", &olga, &err), 0);
	assert_int_equal(store_users_remove(f->st, "olga", &anna, &err), -1);
	assert_non_null(strstr(err.msg, "нет среди пользователей"));
}

static void
role_changes_are_logged_but_not_counted(void **state)
{
	struct fixture *f = *state;
	struct log_filter lf = { .trigger = -1 };
	struct reminder_facts facts;
	struct changes c;
	struct error err;
	int64_t before = last_log_id(f);

	set_user(f, "anna", ROLE_EDITOR, "отдел Б");
	lf.after_id = before;
	changes_init(&c);
	assert_int_equal(store_log_query(f->st, &lf, &c, &err), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.v[0].record, "пользователь");
	assert_string_equal(c.v[0].label, "anna");
	assert_string_equal(c.v[0].old_value,
	    "редактор подразделения «отдел А»");
	assert_string_equal(c.v[0].new_value,
	    "редактор подразделения «отдел Б»");
	changes_fini(&c);
	reminder_facts_init(&facts);
	assert_int_equal(store_status_facts(f->st, &facts, &err), 0);
	/* The two touchpoints and the process of the setup, not the roles. */
	assert_int_equal(facts.count[TRIGGER_EDIT], 1);
	assert_int_equal(facts.count[TRIGGER_NEW], 2);
	reminder_facts_fini(&facts);
}

static void
roles_are_checked_when_set(void **state)
{
	struct fixture *f = *state;
	struct strvec units;
	struct error err;

	strvec_init(&units);
	assert_int_equal(store_users_set(f->st, "boris", ROLE_EDITOR, &units,
	    &olga, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "хотя бы одно подразделение"));
	strvec_push(&units, "отдел Б");
	assert_int_equal(store_users_set(f->st, "boris", ROLE_VIEWER, &units,
	    &olga, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "только редактору"));
	assert_int_equal(store_users_set(f->st, "bo ris", ROLE_EDITOR, &units,
	    &olga, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "не имя учётной записи"));
	assert_int_equal(store_users_set(f->st, "boris", ROLE_NONE, &units,
	    &olga, NULL, &err), -1);
	strvec_push(&units, " отдел  б ");
	assert_int_equal(store_users_set(f->st, "boris", ROLE_EDITOR, &units,
	    &olga, NULL, &err), 0);
	strvec_fini(&units);
}

static void
acknowledgements_are_an_authorised_persons(void **state)
{
	struct fixture *f = *state;
	struct error err;
	struct ack a;
	bool removed;

	memset(&a, 0, sizeof a);
	a.rule = RULE_R8;
	a.proc_id = f->proc_id;
	a.justification = (char *)"так устроен процесс";
	a.login = (char *)"anna";
	a.created_utc = (char *)"";
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_ack_add(f->st, &a, &err), -1);
	assert_non_null(strstr(err.msg, "принимать предупреждения"));
	a.login = (char *)"olga";
	assert_int_equal(store_ack_add(f->st, &a, &err), 0);
	store_set_login(f->st, "anna");
	assert_int_equal(store_ack_remove(f->st, RULE_R8, f->proc_id, 0,
	    &removed, &err), -1);
	store_set_login(f->st, "olga");
	assert_int_equal(store_ack_remove(f->st, RULE_R8, f->proc_id, 0,
	    &removed, &err), 0);
	assert_true(removed);
	assert_int_equal(store_commit(f->st, &err), 0);
}

static void
whole_list_loads_follow_the_connection_login(void **state)
{
	struct fixture *f = *state;
	struct list_header h;
	struct list l;
	struct error err;

	list_init(&l);
	list_header_init(&h);
	store_set_login(f->st, "anna");
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_clear_list(f->st, &err), -1);
	assert_non_null(strstr(err.msg, "загружать перечень из файла"));
	assert_int_equal(store_insert_list(f->st, &l, &err), -1);
	assert_int_equal(store_set_header(f->st, &h, &err), -1);
	store_rollback(f->st);
	store_set_login(f->st, "olga");
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_set_header(f->st, &h, &err), 0);
	store_rollback(f->st);
	list_header_fini(&h);
	list_fini(&l);
}

/* A list with no users: everyone may change it until the first is added,
 * and the one who adds them becomes an authorised person too. */
static void
open_list_until_the_first_user(void **state)
{
	static const struct actor root = { "root", "2026-11-29T11:00:00Z" };
	struct policy_user u;
	struct strvec units;
	struct store *st;
	struct error err;
	int64_t id;
	bool added = false;

	(void)state;
	assert_int_equal(store_open(&st, ":memory:", STORE_CREATE, &err), 0);
	policy_user_init(&u);
	assert_int_equal(store_users_lookup(st, "anyone", &u, &err), 0);
	assert_true(u.open);
	assert_int_equal(store_process_add(st, "П", &petr, &id, &err), 0);
	strvec_init(&units);
	strvec_push(&units, "отдел А");
	assert_int_equal(store_users_set(st, "root", ROLE_EDITOR, &units,
	    &root, &added, &err), -1);
	assert_non_null(strstr(err.msg, "первым назначьте уполномоченное "
	    "лицо"));
	assert_int_equal(store_users_set(st, "anna", ROLE_EDITOR, &units,
	    &root, &added, &err), 0);
	assert_true(added);
	assert_int_equal(store_users_lookup(st, "root", &u, &err), 0);
	assert_false(u.open);
	assert_int_equal(u.role, ROLE_AUTHORISED);
	assert_int_equal(store_process_add(st, "Р", &petr, &id, &err), -1);
	strvec_fini(&units);
	policy_user_fini(&u);
	store_close(st);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(creator_is_the_first_authorised_person),
		T(editor_of_a_cannot_change_touchpoint_of_b),
		T(editor_changes_touchpoints_of_own_unit),
		T(editor_cannot_give_a_touchpoint_to_another_unit),
		T(editor_adds_touchpoints_only_of_own_unit),
		T(editor_excludes_and_moves_only_own_touchpoints),
		T(editor_may_not_change_processes_or_header),
		T(viewer_cannot_change_anything),
		T(unrecorded_login_only_reads),
		T(authorised_person_changes_everything),
		T(only_an_authorised_person_manages_roles),
		T(last_authorised_person_stays),
		T(role_changes_are_logged_but_not_counted),
		T(roles_are_checked_when_set),
		T(acknowledgements_are_an_authorised_persons),
		T(whole_list_loads_follow_the_connection_login),
		cmocka_unit_test(open_list_until_the_first_user),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
