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

/* A year no order of a Russian body bears, or one past next year, is a
 * typing mistake: refused, saying so. */
static void
order_year_out_of_range_is_refused(void **state)
{
	static const struct date dec31 = { 2024, 12, 31 };
	struct approval_order o;
	struct error err;

	(void)state;
	assert_int_equal(approval_order_check("1", "31.12.1990", today, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "31.12.1990 раньше 1991 года"));
	assert_null(o.number);
	assert_int_equal(approval_order_check("1", "01.01.1991", today, &o,
	    &err), 0);
	approval_order_fini(&o);
	assert_int_equal(approval_order_check("1", "01.01.2026", dec31, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "01.01.2026 позже 2025 года"));
	assert_int_equal(approval_order_check("1", "9999-01-01", today, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "позже 2025 года"));
	/* Next year itself is only "later than today". */
	assert_int_equal(approval_order_check("1", "01.01.2025", dec31, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "позже сегодняшней"));
}

/* A number of more than 64 characters, or with a control character,
 * is refused with what is wrong. */
static void
order_number_checked_for_what_is_wrong(void **state)
{
	char n64[64 * 2 + 1], n65[65 * 2 + 1];
	struct approval_order o;
	struct error err;

	(void)state;
	for (size_t i = 0; i < 65; i++)
		memcpy(n65 + 2 * i, "ж", 2);
	n65[130] = '\0';
	memcpy(n64, n65, 128);
	n64[128] = '\0';
	assert_int_equal(approval_order_check(n64, "19.03.2024", today, &o,
	    &err), 0);
	approval_order_fini(&o);
	assert_int_equal(approval_order_check(n65, "19.03.2024", today, &o,
	    &err), -1);
	assert_non_null(strstr(err.msg, "длиннее 64 символов (65)"));
	assert_int_equal(approval_order_check("27\n01", "19.03.2024", today,
	    &o, &err), -1);
	assert_non_null(strstr(err.msg, "перевод строки"));
	assert_int_equal(approval_order_check("27\x1b[2J", "19.03.2024", today,
	    &o, &err), -1);
	assert_non_null(strstr(err.msg, "управляющий символ (код 27)"));
	assert_int_equal(approval_order_check("27\xc2\x9b", "19.03.2024",
	    today, &o, &err), -1);
	assert_non_null(strstr(err.msg, "управляющий символ (код 155)"));
	assert_int_equal(approval_order_check("27\t01", "19.03.2024", today,
	    &o, &err), -1);
	assert_int_equal(approval_order_check("27\xff", "19.03.2024", today,
	    &o, &err), -1);
	assert_non_null(strstr(err.msg, "UTF-8"));
	assert_null(o.number);
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
		cmocka_unit_test(order_year_out_of_range_is_refused),
		cmocka_unit_test(order_number_checked_for_what_is_wrong),
		cmocka_unit_test(empty_list_is_refused),
		cmocka_unit_test(header_fields_are_named_with_their_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
