/* test_change.c - the changes between two touchpoints and two lists: each
 * change of п. 5.3 once, under its trigger. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "change.h"

/* A touchpoint of kind with channel and one need. */
static void
tp_make(struct touchpoint *tp, int64_t id, const char *kind,
    enum channel ch, const char *need)
{
	touchpoint_init(tp);
	tp->id = id;
	model_set(&tp->name, "Почта России");
	model_set(&tp->kind, kind);
	tp->channel = ch;
	touchpoint_add_need(tp, need, 2);
}

/* The changes of old into new, per trigger, into count. */
static void
count_changes(const struct touchpoint *o, const struct touchpoint *n,
    struct changes *ch, size_t *count)
{
	changes_init(ch);
	change_diff_touchpoint(o, n, NULL, 1, "2.2 Почта России", ch);
	memset(count, 0, TRIGGER_COUNT * sizeof *count);
	for (size_t i = 0; i < ch->n; i++)
		count[ch->v[i].trigger]++;
}

static void
test_kind_with_its_channel_is_one_change(void **state)
{
	struct touchpoint a, b;
	struct changes ch;
	size_t count[TRIGGER_COUNT];

	(void)state;
	tp_make(&a, 7, "Почта России", CHANNEL_OFFLINE, "консультация");
	tp_make(&b, 7, "Чат-бот", CHANNEL_DIGITAL, "консультация");
	count_changes(&a, &b, &ch, count);
	assert_int_equal(ch.n, 1);
	assert_int_equal(count[TRIGGER_KIND], 1);
	assert_string_equal(ch.v[0].field, "вид точки");
	assert_string_equal(ch.v[0].old_value, "Почта России (Офлайн-точка)");
	assert_string_equal(ch.v[0].new_value, "Чат-бот (Цифровая точка)");
	changes_fini(&ch);
	/* The channel alone is the same one change of п. 5.3.2. */
	b.channel = CHANNEL_OFFLINE;
	model_set(&b.kind, "Почта России");
	a.channel = CHANNEL_DIGITAL;
	count_changes(&a, &b, &ch, count);
	assert_int_equal(ch.n, 1);
	assert_int_equal(count[TRIGGER_KIND], 1);
	changes_fini(&ch);
	touchpoint_fini(&a);
	touchpoint_fini(&b);
}

static void
test_same_kind_and_channel_is_no_change(void **state)
{
	struct touchpoint a, b;
	struct changes ch;
	size_t count[TRIGGER_COUNT];

	(void)state;
	tp_make(&a, 7, "Почта России", CHANNEL_OFFLINE, "консультация");
	tp_make(&b, 7, "Почта России", CHANNEL_OFFLINE, "обжалование");
	count_changes(&a, &b, &ch, count);
	assert_int_equal(ch.n, 1);
	assert_int_equal(count[TRIGGER_NEEDS], 1);
	assert_int_equal(count[TRIGGER_KIND], 0);
	changes_fini(&ch);
	touchpoint_fini(&a);
	touchpoint_fini(&b);
}

static void
test_lists_count_each_touchpoint_once(void **state)
{
	struct list old, new;
	struct process *p;
	struct touchpoint *t;
	struct changes ch;
	size_t count[TRIGGER_COUNT] = { 0 };

	(void)state;
	list_init(&old);
	list_init(&new);
	p = list_add_process(&old, "Консультирование");
	p->id = 1;
	t = process_add_touchpoint(p, "Почта России");
	t->id = 7;
	model_set(&t->kind, "Почта России");
	t->channel = CHANNEL_OFFLINE;
	p = list_add_process(&new, "Консультирование");
	p->id = 1;
	t = process_add_touchpoint(p, "Почта России");
	t->id = 7;
	model_set(&t->kind, "Чат-бот");
	t->channel = CHANNEL_DIGITAL;
	changes_init(&ch);
	change_diff_lists(&old, &new, NULL, &ch);
	for (size_t i = 0; i < ch.n; i++)
		count[ch.v[i].trigger]++;
	assert_int_equal(count[TRIGGER_KIND], 1);
	assert_int_equal(ch.n, 1);
	changes_fini(&ch);
	list_fini(&old);
	list_fini(&new);
}

/* The log entry of an added touchpoint names its contacts between its
 * name and its needs; one without contacts has no contacts line. */
static void
test_new_touchpoint_lists_its_contacts(void **state)
{
	struct touchpoint tp;
	struct changes ch;

	(void)state;
	tp_make(&tp, 9, "Электронная почта", CHANNEL_DIGITAL, "консультация");
	model_set(&tp.name, "Электронная почта");
	changes_init(&ch);
	change_diff_touchpoint(NULL, &tp, NULL, 1, "1.1", &ch);
	assert_int_equal(ch.n, 1);
	assert_string_equal(ch.v[0].new_value, "Электронная почта (Электронная "
	    "почта, Цифровая точка)\nконсультация (п. 2.6.2)");
	changes_fini(&ch);
	touchpoint_add_contact(&tp, CONTACT_EMAIL, "info@example.ru");
	touchpoint_add_contact(&tp, CONTACT_PHONE, "+7 (4812) 29-25-09");
	changes_init(&ch);
	change_diff_touchpoint(NULL, &tp, NULL, 1, "1.1", &ch);
	assert_int_equal(ch.n, 1);
	assert_int_equal(ch.v[0].trigger, TRIGGER_NEW);
	assert_string_equal(ch.v[0].field, "новая точка");
	assert_string_equal(ch.v[0].new_value, "Электронная почта (Электронная "
	    "почта, Цифровая точка)\nконтакты: info@example.ru, "
	    "+7 (4812) 29-25-09\nконсультация (п. 2.6.2)");
	changes_fini(&ch);
	touchpoint_fini(&tp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_with_its_channel_is_one_change),
		cmocka_unit_test(test_same_kind_and_channel_is_no_change),
		cmocka_unit_test(test_lists_count_each_touchpoint_once),
		cmocka_unit_test(test_new_touchpoint_lists_its_contacts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
