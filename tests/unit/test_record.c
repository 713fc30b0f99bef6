/* test_record.c - a touchpoint being edited: copy, compare, kind, checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "record.h"

static struct catalog cat;

static int
setup(void **state)
{
	(void)state;
	catalog_init(&cat);
	catalog_add_kind(&cat, "post", "Почта России", CHANNEL_OFFLINE,
	    "4.2.2", true, true, false, false, "почта россии");
	catalog_add_kind(&cat, "phone", "Телефонная связь", CHANNEL_OFFLINE,
	    "4.2.1", true, false, true, false, "телефон");
	catalog_add_kind(&cat, "vks", "Видеоконференцсвязь", CHANNEL_DIGITAL,
	    "4.1.4", false, false, false, false, "видеоконференц");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	catalog_fini(&cat);
	return 0;
}

/* A touchpoint with something in every field. */
static void
fill(struct touchpoint *tp)
{
	touchpoint_init(tp);
	tp->id = 7;
	tp->version = 3;
	model_set(&tp->name, "Телефонная связь");
	model_set(&tp->kind, "phone");
	tp->channel = CHANNEL_OFFLINE;
	model_set(&tp->specifics, "Офлайн-точка");
	tp->key = true;
	tp->basis_type = BASIS_ACT;
	model_set(&tp->basis, "поручение");
	model_set(&tp->unit, "отдел");
	tp->audience = AUDIENCE_INTERNAL;
	tp->max_transfers = 2;
	tp->ack_receipt = 1;
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 4812 29-25-09");
	touchpoint_add_need(tp, "получение консультации", 2);
}

static void
test_copy_is_deep_and_same(void **state)
{
	struct touchpoint a, b;

	(void)state;
	fill(&a);
	touchpoint_init(&b);
	record_copy_touchpoint(&b, &a);
	assert_true(record_same_touchpoint(&a, &b));
	assert_int_equal(b.id, 7);
	assert_int_equal(b.version, 3);
	assert_ptr_not_equal(a.contacts[0].value, b.contacts[0].value);
	touchpoint_fini(&a);
	assert_string_equal(b.needs[0].wording, "получение консультации");
	touchpoint_fini(&b);
}

static void
test_same_sees_each_difference(void **state)
{
	struct touchpoint a, b;

	(void)state;
	fill(&a);
	touchpoint_init(&b);
	record_copy_touchpoint(&b, &a);
	b.version = 9;
	b.needs[0].id = 99;
	assert_true(record_same_touchpoint(&a, &b));
	b.needs[0].category = 1;
	assert_false(record_same_touchpoint(&a, &b));
	record_copy_touchpoint(&b, &a);
	model_set(&b.contacts[0].value, "+7 4812 29-25-10");
	assert_false(record_same_touchpoint(&a, &b));
	record_copy_touchpoint(&b, &a);
	b.excluded = true;
	assert_false(record_same_touchpoint(&a, &b));
	record_copy_touchpoint(&b, &a);
	touchpoint_add_need(&b, "ещё", 9);
	assert_false(record_same_touchpoint(&a, &b));
	touchpoint_fini(&a);
	touchpoint_fini(&b);
}

static void
test_find_kind_by_code_or_name(void **state)
{
	(void)state;
	assert_string_equal(record_find_kind(&cat, "post")->code, "post");
	assert_string_equal(record_find_kind(&cat, "  почта   РОССИИ ")->code,
	    "post");
	assert_null(record_find_kind(&cat, "Почта"));
	assert_null(record_find_kind(&cat, ""));
}

static void
test_set_kind_prefills_channel_and_key(void **state)
{
	struct touchpoint tp;

	(void)state;
	touchpoint_init(&tp);
	tp.channel = CHANNEL_DIGITAL;
	assert_non_null(record_set_kind(&tp, &cat, "Телефонная связь", false,
	    false));
	assert_string_equal(tp.kind, "phone");
	assert_int_equal(tp.channel, CHANNEL_OFFLINE);
	assert_true(tp.key);
	/* Kept as the clerk set them. */
	tp.channel = CHANNEL_DIGITAL;
	tp.key = false;
	record_set_kind(&tp, &cat, "vks", true, true);
	assert_string_equal(tp.kind, "vks");
	assert_int_equal(tp.channel, CHANNEL_DIGITAL);
	assert_false(tp.key);
	touchpoint_fini(&tp);
}

static void
test_set_kind_custom_is_stored_as_typed(void **state)
{
	struct touchpoint tp;

	(void)state;
	touchpoint_init(&tp);
	tp.channel = CHANNEL_OFFLINE;
	assert_null(record_set_kind(&tp, &cat, "  Кабинет   клиента ", false,
	    false));
	assert_string_equal(tp.kind, "Кабинет клиента");
	assert_int_equal(tp.channel, CHANNEL_OFFLINE);
	assert_null(record_set_kind(&tp, &cat, "", false, false));
	assert_string_equal(tp.kind, "");
	touchpoint_fini(&tp);
}

/* A process "Консультирование" with a phone line and Почта России. */
static void
consulting(struct process *p)
{
	struct touchpoint *tp;

	memset(p, 0, sizeof *p);
	p->id = 2;
	p->name = xstrdup("Консультирование");
	tp = process_add_touchpoint(p, "Телефонная связь");
	tp->id = 10;
	model_set(&tp->kind, "phone");
	tp->channel = CHANNEL_OFFLINE;
	touchpoint_add_need(tp, "получение консультации", 2);
	tp = process_add_touchpoint(p, "Почта России");
	tp->id = 11;
	model_set(&tp->kind, "post");
	tp->channel = CHANNEL_OFFLINE;
	tp->ack_receipt = 1;
	touchpoint_add_need(tp, "получение консультации", 2);
}

/* The number of findings of rule in f. */
static size_t
count_rule(const struct findings *f, enum rule_id rule)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].rule == rule;
	return n;
}

static void
test_check_new_duplicate_cites_2_8(void **state)
{
	struct process p;
	struct touchpoint tp;
	struct findings f;

	(void)state;
	consulting(&p);
	touchpoint_init(&tp);
	model_set(&tp.name, "Почта России");
	record_set_kind(&tp, &cat, "post", false, false);
	touchpoint_add_need(&tp, "представление обращения", 4);
	findings_init(&f);
	record_check_touchpoint(&p, 1, &tp, FINDING_NONE, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R2), 1);
	assert_true(findings_blocking(&f));
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].rule == RULE_R2)
			assert_non_null(strstr(f.v[i].message, "п. 2.8"));
	findings_fini(&f);
	touchpoint_fini(&tp);
	process_fini(&p);
}

static void
test_check_edit_skips_itself(void **state)
{
	struct process p;
	struct touchpoint tp;
	struct findings f;

	(void)state;
	consulting(&p);
	touchpoint_init(&tp);
	record_copy_touchpoint(&tp, &p.tps[1]);
	findings_init(&f);
	record_check_touchpoint(&p, 1, &tp, 1, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R2), 0);
	assert_false(findings_blocking(&f));
	findings_fini(&f);
	touchpoint_fini(&tp);
	process_fini(&p);
}

static void
test_check_phone_made_digital_is_r3(void **state)
{
	struct process p;
	struct touchpoint tp;
	struct findings f;

	(void)state;
	consulting(&p);
	touchpoint_init(&tp);
	record_copy_touchpoint(&tp, &p.tps[0]);
	tp.channel = CHANNEL_DIGITAL;
	findings_init(&f);
	record_check_touchpoint(&p, 1, &tp, 0, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R3), 1);
	assert_true(findings_blocking(&f));
	findings_fini(&f);
	touchpoint_fini(&tp);
	process_fini(&p);
}

static void
test_process_after_counts_the_edit(void **state)
{
	struct process p;
	struct touchpoint tp;
	struct findings f;

	(void)state;
	consulting(&p);
	findings_init(&f);
	/* Offline only: no digital touchpoint (R7). */
	record_check_process_after(&p, 1, &p.tps[0], 0, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R7), 1);
	findings_reset(&f);
	/* Adding a digital one satisfies R7 in the process as it will be. */
	touchpoint_init(&tp);
	model_set(&tp.name, "ВКС");
	record_set_kind(&tp, &cat, "vks", false, false);
	record_check_process_after(&p, 1, &tp, FINDING_NONE, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R7), 0);
	findings_reset(&f);
	/* Turning the only phone line digital leaves the post offline. */
	record_copy_touchpoint(&tp, &p.tps[0]);
	tp.channel = CHANNEL_DIGITAL;
	record_check_process_after(&p, 1, &tp, 0, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R7), 0);
	assert_int_equal(count_rule(&f, RULE_R8), 0);
	assert_int_equal(p.ntps, 2);
	findings_fini(&f);
	touchpoint_fini(&tp);
	process_fini(&p);
}

/* Editing an excluded touchpoint of a process whose every touchpoint is
 * excluded: the process's empty row is the list's error, not this
 * save's, which changes nothing about it. */
static void
test_process_after_ignores_excluded_edit(void **state)
{
	struct process p;
	struct findings f;
	struct touchpoint tp;

	(void)state;
	consulting(&p);
	p.tps[0].excluded = true;
	p.tps[1].excluded = true;
	findings_init(&f);
	validate_process(&p, 1, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R1), 1);
	assert_true(findings_blocking(&f));
	findings_reset(&f);
	touchpoint_init(&tp);
	record_copy_touchpoint(&tp, &p.tps[1]);
	model_set(&tp.name, "Почта России (для писем)");
	record_check_process_after(&p, 1, &tp, 1, &cat, &f);
	assert_int_equal(f.n, 0);
	/* Brought back, it fills the row again. */
	tp.excluded = false;
	record_check_process_after(&p, 1, &tp, 1, &cat, &f);
	assert_int_equal(count_rule(&f, RULE_R1), 0);
	assert_int_equal(count_rule(&f, RULE_R7), 1);
	findings_fini(&f);
	touchpoint_fini(&tp);
	process_fini(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy_is_deep_and_same),
		cmocka_unit_test(test_same_sees_each_difference),
		cmocka_unit_test(test_find_kind_by_code_or_name),
		cmocka_unit_test(test_set_kind_prefills_channel_and_key),
		cmocka_unit_test(test_set_kind_custom_is_stored_as_typed),
		cmocka_unit_test(test_check_new_duplicate_cites_2_8),
		cmocka_unit_test(test_check_edit_skips_itself),
		cmocka_unit_test(test_check_phone_made_digital_is_r3),
		cmocka_unit_test(test_process_after_counts_the_edit),
		cmocka_unit_test(test_process_after_ignores_excluded_edit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
