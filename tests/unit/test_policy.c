/* test_policy.c - roles and who may change what (п. 2.2). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "policy.h"

/* A user with a role and up to two units (NULL: none). */
static void
make_user(struct policy_user *u, const char *login, enum role role,
    const char *unit1, const char *unit2)
{
	policy_user_init(u);
	free(u->login);
	u->login = xstrdup(login);
	u->role = role;
	if (unit1 != NULL)
		strvec_push(&u->units, unit1);
	if (unit2 != NULL)
		strvec_push(&u->units, unit2);
}

static void
roles_parse_in_russian_and_english(void **state)
{
	(void)state;
	assert_int_equal(role_parse("уполномоченный"), ROLE_AUTHORISED);
	assert_int_equal(role_parse("Уполномоченное лицо"), ROLE_AUTHORISED);
	assert_int_equal(role_parse("authorised"), ROLE_AUTHORISED);
	assert_int_equal(role_parse("Authorized"), ROLE_AUTHORISED);
	assert_int_equal(role_parse("редактор"), ROLE_EDITOR);
	assert_int_equal(role_parse("EDITOR"), ROLE_EDITOR);
	assert_int_equal(role_parse("наблюдатель"), ROLE_VIEWER);
	assert_int_equal(role_parse("viewer"), ROLE_VIEWER);
	assert_int_equal(role_parse("admin"), ROLE_NONE);
	assert_int_equal(role_parse(""), ROLE_NONE);
}

static void
role_codes_round_trip(void **state)
{
	(void)state;
	for (int r = ROLE_AUTHORISED; r <= ROLE_VIEWER; r++)
		assert_int_equal(role_parse(role_code((enum role)r)), r);
	assert_string_equal(role_code(ROLE_NONE), "");
	assert_string_equal(role_title(ROLE_EDITOR), "редактор подразделения");
}

static void
units_compare_without_case_and_spaces(void **state)
{
	struct policy_user u;

	(void)state;
	assert_true(policy_unit_equal("Отдел  контроля ", "отдел контроля"));
	assert_true(policy_unit_equal("Отдел лёгкой промышленности",
	    "отдел легкой промышленности"));
	assert_false(policy_unit_equal("отдел А", "отдел Б"));
	make_user(&u, "anna", ROLE_EDITOR, "Отдел А", NULL);
	assert_true(policy_has_unit(&u, "отдел а"));
	assert_false(policy_has_unit(&u, ""));
	assert_false(policy_has_unit(&u, NULL));
	policy_user_fini(&u);
}

static void
editor_changes_touchpoints_of_own_unit(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "anna", ROLE_EDITOR, "отдел А", NULL);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел А",
	    NULL, &err), 0);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел А",
	    "Отдел А", &err), 0);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_ADD, "отдел А",
	    NULL, &err), 0);
	policy_user_fini(&u);
}

static void
editor_of_a_may_not_change_unit_b(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "anna", ROLE_EDITOR, "отдел А", NULL);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел Б",
	    NULL, &err), -1);
	assert_string_equal(err.msg, "изменять точки подразделения «отдел Б» "
	    "может редактор этого подразделения или уполномоченное лицо; "
	    "вы — редактор подразделения «отдел А»");
	policy_user_fini(&u);
}

static void
editor_may_not_give_a_touchpoint_away(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "anna", ROLE_EDITOR, "отдел А", NULL);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел А",
	    "отдел Б", &err), -1);
	assert_non_null(strstr(err.msg, "передать точку подразделению "
	    "«отдел Б» может уполномоченное лицо"));
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел А",
	    "", &err), -1);
	assert_non_null(strstr(err.msg, "без подразделения"));
	policy_user_fini(&u);
}

static void
editor_of_two_units_moves_between_them(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "anna", ROLE_EDITOR, "отдел А", "отдел Б");
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел А",
	    "отдел Б", &err), 0);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел В",
	    NULL, &err), -1);
	assert_non_null(strstr(err.msg, "вы — редактор подразделений "
	    "«отдел А», «отдел Б»"));
	policy_user_fini(&u);
}

static void
editor_adds_only_with_own_unit(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "anna", ROLE_EDITOR, "отдел А", NULL);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_ADD, "", NULL,
	    &err), -1);
	assert_non_null(strstr(err.msg, "добавлять точки без подразделения "
	    "может уполномоченное лицо"));
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_ADD, "отдел Б",
	    NULL, &err), -1);
	assert_non_null(strstr(err.msg, "добавлять точки подразделения "
	    "«отдел Б»"));
	policy_user_fini(&u);
}

static void
editor_may_not_change_process_or_header(void **state)
{
	static const enum policy_action actions[] = {
		POLICY_PROCESS_EDIT, POLICY_HEADER_EDIT, POLICY_REVIEW,
		POLICY_APPROVE, POLICY_ACK, POLICY_USERS, POLICY_IMPORT,
		POLICY_SETTINGS
	};
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "anna", ROLE_EDITOR, "отдел А", NULL);
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		assert_int_equal(policy_check(&u, actions[i], "отдел А", NULL,
		    &err), -1);
		assert_non_null(strstr(err.msg, "уполномоченное лицо"));
		assert_non_null(strstr(err.msg, "; вы — редактор "
		    "подразделения «отдел А»"));
	}
	policy_user_fini(&u);
}

static void
viewer_may_change_nothing(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "vera", ROLE_VIEWER, NULL, NULL);
	for (int a = POLICY_TOUCHPOINT_EDIT; a <= POLICY_SETTINGS; a++) {
		assert_int_equal(policy_check(&u, (enum policy_action)a,
		    "отдел А", NULL, &err), -1);
		assert_non_null(strstr(err.msg, "; вы — наблюдатель"));
	}
	policy_user_fini(&u);
}

static void
unrecorded_login_may_only_read(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "petrov", ROLE_NONE, NULL, NULL);
	assert_int_equal(policy_check(&u, POLICY_TOUCHPOINT_EDIT, "отдел А",
	    NULL, &err), -1);
	assert_non_null(strstr(err.msg, "вы — учётная запись «petrov», "
	    "которой в перечне не назначена роль"));
	policy_user_fini(&u);
}

static void
authorised_person_may_do_everything(void **state)
{
	struct policy_user u;
	struct error err;

	(void)state;
	make_user(&u, "olga", ROLE_AUTHORISED, NULL, NULL);
	for (int a = POLICY_TOUCHPOINT_EDIT; a <= POLICY_SETTINGS; a++)
		assert_int_equal(policy_check(&u, (enum policy_action)a,
		    "отдел Б", "", &err), 0);
	policy_user_fini(&u);
}

static void
open_list_allows_everyone(void **state)
{
	struct policy_user u;
	struct error err;
	char *d;

	(void)state;
	make_user(&u, "anyone", ROLE_NONE, NULL, NULL);
	u.open = true;
	for (int a = POLICY_TOUCHPOINT_EDIT; a <= POLICY_SETTINGS; a++)
		assert_int_equal(policy_check(&u, (enum policy_action)a,
		    "отдел Б", NULL, &err), 0);
	d = policy_describe(&u);
	assert_non_null(strstr(d, "открыт для всех"));
	free(d);
	policy_user_fini(&u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles_parse_in_russian_and_english),
		cmocka_unit_test(role_codes_round_trip),
		cmocka_unit_test(units_compare_without_case_and_spaces),
		cmocka_unit_test(editor_changes_touchpoints_of_own_unit),
		cmocka_unit_test(editor_of_a_may_not_change_unit_b),
		cmocka_unit_test(editor_may_not_give_a_touchpoint_away),
		cmocka_unit_test(editor_of_two_units_moves_between_them),
		cmocka_unit_test(editor_adds_only_with_own_unit),
		cmocka_unit_test(editor_may_not_change_process_or_header),
		cmocka_unit_test(viewer_may_change_nothing),
		cmocka_unit_test(unrecorded_login_may_only_read),
		cmocka_unit_test(authorised_person_may_do_everything),
		cmocka_unit_test(open_list_allows_everyone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
