/* test_merge.c - two clerks' edits of one touchpoint merged by part, and
 * the one approval precondition. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "approval.h"
#include "merge.h"

static struct catalog cat;

static int
setup(void **state)
{
	(void)state;
	catalog_init(&cat);
	catalog_add_kind(&cat, "post", "Почта России", CHANNEL_OFFLINE,
	    "4.2.2", true, true, false, false, "почта россии");
	catalog_add_kind(&cat, "email", "Электронная почта", CHANNEL_DIGITAL,
	    "4.1.2", true, true, false, false, "почта");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	catalog_fini(&cat);
	return 0;
}

/* The touchpoint both clerks started from. */
static void
base_touchpoint(struct touchpoint *tp)
{
	touchpoint_init(tp);
	tp->id = 7;
	tp->version = 3;
	model_set(&tp->name, "Почта России");
	model_set(&tp->kind, "post");
	tp->channel = CHANNEL_OFFLINE;
	model_set(&tp->specifics, "");
	model_set(&tp->unit, "отдел А");
	touchpoint_add_contact(tp, CONTACT_OTHER, "214000, Смоленск, а/я 1");
	touchpoint_add_need(tp, "получение консультации", 2);
}

/* The base, and the two clerks' copies of it. */
static void
start_from_base(struct touchpoint *base, struct touchpoint *mine,
    struct touchpoint *theirs)
{
	base_touchpoint(base);
	touchpoint_init(mine);
	touchpoint_init(theirs);
	touchpoint_copy_base(mine, base);
	touchpoint_copy_base(theirs, base);
}

static void
fini_three(struct touchpoint *base, struct touchpoint *mine,
    struct touchpoint *theirs)
{
	touchpoint_fini(base);
	touchpoint_fini(mine);
	touchpoint_fini(theirs);
}

static void
different_parts_are_merged(void **state)
{
	struct touchpoint base, mine, theirs;
	struct changes c;

	(void)state;
	start_from_base(&base, &mine, &theirs);
	assert_int_equal(mine.id, 7);
	assert_int_equal(mine.version, 3);
	model_set(&mine.specifics, "по записи");
	model_set(&theirs.basis, "приказ № 5");
	touchpoint_add_need(&theirs, "получение форм документов", 3);
	theirs.key = true;
	changes_init(&c);
	assert_int_equal(touchpoint_merge(&base, &mine, &theirs, &cat, &c), 0);
	assert_int_equal(c.n, 0);
	assert_string_equal(mine.specifics, "по записи");
	assert_string_equal(mine.basis, "приказ № 5");
	assert_true(mine.key);
	assert_int_equal(mine.nneeds, 2);
	assert_string_equal(mine.needs[1].wording, "получение форм документов");
	changes_fini(&c);
	fini_three(&base, &mine, &theirs);
}

static void
one_part_changed_by_both_is_a_conflict(void **state)
{
	struct touchpoint base, mine, theirs;
	struct changes c;

	(void)state;
	start_from_base(&base, &mine, &theirs);
	/* The kind with its channel is one part (п. 5.3.2). */
	model_set(&mine.kind, "email");
	mine.channel = CHANNEL_DIGITAL;
	theirs.channel = CHANNEL_DIGITAL;
	model_set(&mine.unit, "отдел Б");
	/* The same value: no conflict. */
	model_set(&theirs.unit, "отдел Б");
	model_set(&theirs.specifics, "по записи");
	changes_init(&c);
	assert_int_equal(touchpoint_merge(&base, &mine, &theirs, &cat, &c), 1);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.v[0].field, "вид точки");
	assert_non_null(strstr(c.v[0].old_value, "Почта России"));
	assert_non_null(strstr(c.v[0].new_value, "Электронная почта"));
	/* Mine keeps its value there; what only they changed is taken. */
	assert_string_equal(mine.kind, "email");
	assert_string_equal(mine.specifics, "по записи");
	/* The clerk takes their value: nothing is left to settle. */
	assert_true(touchpoint_take_part(&mine, &theirs, c.v[0].field));
	assert_false(touchpoint_take_part(&mine, &theirs, "проверка"));
	assert_string_equal(mine.kind, "post");
	assert_int_equal(mine.channel, CHANNEL_DIGITAL);
	changes_fini(&c);
	changes_init(&c);
	assert_int_equal(touchpoint_merge(&base, &mine, &theirs, &cat, &c), 0);
	changes_fini(&c);
	fini_three(&base, &mine, &theirs);
}

static void
exclusion_and_contacts_are_whole_parts(void **state)
{
	struct touchpoint base, mine, theirs;
	struct changes c;

	(void)state;
	start_from_base(&base, &mine, &theirs);
	mine.excluded = true;
	model_set(&mine.exclude_reason, "не используется");
	theirs.excluded = true;
	model_set(&theirs.exclude_reason, "закрыт");
	touchpoint_add_contact(&mine, CONTACT_PHONE, "+7 (4812) 29-25-09");
	touchpoint_add_contact(&theirs, CONTACT_EMAIL, "post@example.ru");
	changes_init(&c);
	assert_int_equal(touchpoint_merge(&base, &mine, &theirs, &cat, &c), 2);
	assert_int_equal(mine.ncontacts, 2);
	assert_int_equal(mine.contacts[1].type, CONTACT_PHONE);
	changes_fini(&c);
	fini_three(&base, &mine, &theirs);
}

static void
preconditions_ask_for_what_is_not_consented(void **state)
{
	struct approval_consent none = { false, false };
	struct approval_consent errors = { true, false };
	struct approval_consent both = { true, true };
	struct error err;

	(void)state;
	assert_int_equal(approval_preconditions(0, 0, 0, &both, &err), -1);
	assert_non_null(strstr(err.msg, "утверждать нечего"));
	assert_int_equal(approval_preconditions(5, 0, 0, &none, &err), 0);
	assert_int_equal(approval_preconditions(5, 2, 1, &none, &err),
	    APPROVAL_ASK_ERRORS | APPROVAL_ASK_UNREVIEWED);
	assert_int_equal(approval_preconditions(5, 2, 1, &errors, &err),
	    APPROVAL_ASK_UNREVIEWED);
	assert_int_equal(approval_preconditions(5, 0, 1, &errors, &err),
	    APPROVAL_ASK_UNREVIEWED);
	assert_int_equal(approval_preconditions(5, 2, 1, &both, &err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(different_parts_are_merged),
		cmocka_unit_test(one_part_changed_by_both_is_a_conflict),
		cmocka_unit_test(exclusion_and_contacts_are_whole_parts),
		cmocka_unit_test(preconditions_ask_for_what_is_not_consented),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
