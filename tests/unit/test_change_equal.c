/* test_change_equal.c - whether two lists hold the same content: the
 * working copy printed as the approved revision only when nothing a
 * revision keeps differs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "change.h"
#include "model.h"

/* Two processes with ids, a touchpoint with every kind of field. */
static void
sample(struct list *l)
{
	struct process *p;
	struct touchpoint *tp;

	list_init(l);
	model_set(&l->hdr.org, "Министерство промышленности и торговли");
	model_set(&l->hdr.title, "точек взаимодействия с клиентом");
	p = list_add_process(l, "Информирование");
	p->id = 1;
	tp = process_add_touchpoint(p, "Электронная почта");
	tp->id = 10;
	tp->channel = CHANNEL_DIGITAL;
	touchpoint_add_contact(tp, CONTACT_EMAIL, "a@b.ru");
	touchpoint_add_need(tp, "получение информации", 1);
	tp = process_add_touchpoint(p, "Телефон");
	tp->id = 11;
	tp->channel = CHANNEL_OFFLINE;
	p = list_add_process(l, "Консультирование");
	p->id = 2;
}

static void
the_same_list_is_equal(void **state)
{
	struct list a, b;

	(void)state;
	sample(&a);
	sample(&b);
	assert_true(change_lists_equal(&a, &b));
	/* The order's number and date are not the list's content. */
	model_set(&b.hdr.order_no, "27/01-01");
	model_set(&b.hdr.order_date, "2024-03-19");
	assert_true(change_lists_equal(&a, &b));
	list_fini(&a);
	list_fini(&b);
}

/* Each change of content, applied to a fresh copy, makes it differ. */
static void
any_change_of_content_differs(void **state)
{
	(void)state;
	for (int k = 0; k < 10; k++) {
		struct list a, b;
		struct touchpoint *tp;

		sample(&a);
		sample(&b);
		tp = &b.procs[0].tps[0];
		switch (k) {
		case 0: model_set(&b.hdr.org, "Департамент"); break;
		case 1: model_set(&b.hdr.title, "иной заголовок"); break;
		case 2: model_set(&b.procs[1].name, "Приём"); break;
		case 3: model_set(&tp->specifics, "по будням"); break;
		case 4: model_set(&tp->contacts[0].value, "c@d.ru"); break;
		case 5: tp->contacts[0].type = CONTACT_OTHER; break;
		case 6: tp->needs[0].category = 2; break;
		case 7: tp->key = true; break;
		case 8: b.procs[1].excluded = true; break;
		case 9: {
			/* The same touchpoints in another order. */
			struct touchpoint t = b.procs[0].tps[0];

			b.procs[0].tps[0] = b.procs[0].tps[1];
			b.procs[0].tps[1] = t;
			break;
		}
		}
		assert_false(change_lists_equal(&a, &b));
		list_fini(&a);
		list_fini(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_same_list_is_equal),
		cmocka_unit_test(any_change_of_content_differs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
