/* test_approval.c - the checks before the list is approved (п. 5.1). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "approval.h"

static const struct date today = { 2024, 3, 25 };

/* A signed order: the number squeezed, the date kept as ISO. */
static void
order_is_taken_as_typed(void **state)
{
	struct approval_order o;
	struct error err;

	(void)state;
	assert_int_equal(approval_order_check("  27/01-01  ", "19.03.2024",
	    today, &o, &err), 0);
	assert_string_equal(o.number, "27/01-01");
	assert_string_equal(o.iso, "2024-03-19");
	assert_int_equal(o.date.d, 19);
	approval_order_fini(&o);
	assert_int_equal(approval_order_check("5   од", "2024-03-25", today,
	    &o, &err), 0);
	assert_string_equal(o.number, "5 од");
	assert_string_equal(o.iso, "2024-03-25");
	approval_order_fini(&o);
}

/* An order dated after today is not yet signed. */
static void
order_after_today_is_refused(void **state)
{
	struct approval_order o;
	struct error err;

	(void)state;
	assert_int_equal(approval_order_check("1", "26.03.2024", today, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "позже сегодняшней (25.03.2024)"));
	assert_null(o.number);
}

/* A day that does not exist, or a shape that is no date, names the field. */
static void
bad_date_names_the_field(void **state)
{
	struct approval_order o;
	struct error err;

	(void)state;
	assert_int_equal(approval_order_check("1", "32.03.2024", today, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "дата приказа"));
	assert_int_equal(approval_order_check("1", "вчера", today, &o, &err),
	    -1);
	assert_non_null(strstr(err.msg, "дата приказа"));
}

/* No number, blanks only, or several lines: refused. */
static void
empty_number_is_refused(void **state)
{
	struct approval_order o;
	struct error err;

	(void)state;
	assert_int_equal(approval_order_check("", "19.03.2024", today, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "номер приказа"));
	assert_null(o.number);
	assert_int_equal(approval_order_check("   ", "19.03.2024", today, &o,
	    &err), -1);
	assert_int_equal(approval_order_check("1\n2", "19.03.2024", today, &o,
	    &err), -1);
}

/* An empty list has nothing to approve. */
static void
empty_list_is_refused(void **state)
{
	struct error err;

	(void)state;
	assert_int_equal(approval_check_list(0, &err), -1);
	assert_non_null(strstr(err.msg, "утверждать нечего"));
	assert_int_equal(approval_check_list(1, &err), 0);
}

/* The header an annex needs: every missing field named, with the
 * options of perechen init that fill it. */
static void
header_fields_are_named_with_their_options(void **state)
{
	struct list_header h;
	struct error err;

	(void)state;
	list_header_init(&h);
	assert_int_equal(approval_check_header(&h, &err), -1);
	assert_string_equal(err.msg, "заголовок перечня не заполнен (п. 5.1, "
	    "Приложение 1): нет органа (ОИВ), заглавия — perechen init --org "
	    "… --title …");
	model_set(&h.title, "точек взаимодействия с клиентом");
	model_set(&h.org, "Главное управление ветеринарии");
	assert_int_equal(approval_check_header(&h, &err), -1);
	assert_non_null(strstr(err.msg, "нет названия органа в родительном "
	    "падеже"));
	assert_non_null(strstr(err.msg, "--org-genitive \"Главного управления "
	    "ветеринарии\""));
	model_set(&h.org_genitive, "Главного управления ветеринарии");
	assert_int_equal(approval_check_header(&h, &err), 0);
	model_set(&h.title, " ");
	assert_int_equal(approval_check_header(&h, &err), -1);
	assert_non_null(strstr(err.msg, "нет заглавия — perechen init "
	    "--title …"));
	list_header_fini(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(order_is_taken_as_typed),
		cmocka_unit_test(order_after_today_is_refused),
		cmocka_unit_test(bad_date_names_the_field),
		cmocka_unit_test(empty_number_is_refused),
		cmocka_unit_test(empty_list_is_refused),
		cmocka_unit_test(header_fields_are_named_with_their_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
