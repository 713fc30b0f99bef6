/* test_date.c - dates: parsing, formatting, weekdays, arithmetic, today. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

/* Parse s, expecting success. */
static struct date
parsed(const char *s)
{
	struct date d = { 0, 0, 0 };
	struct error err;

	if (date_parse(s, &d, &err) != 0)
		fail_msg("%s: %s", s, err.msg);
	return d;
}

/* Parse s, expecting failure; returns the message. */
static const char *
rejected(const char *s, struct error *err)
{
	struct date d = { 7, 7, 7 };

	assert_int_equal(date_parse(s, &d, err), -1);
	/* A failed parse leaves the output alone. */
	assert_int_equal(d.y, 7);
	assert_int_equal(d.m, 7);
	assert_int_equal(d.d, 7);
	return err->msg;
}

static void
test_parse_dotted(void **state)
{
	struct date d = parsed("19.03.2024");

	(void)state;
	assert_int_equal(d.y, 2024);
	assert_int_equal(d.m, 3);
	assert_int_equal(d.d, 19);
}

static void
test_parse_iso(void **state)
{
	struct date d = parsed("2024-03-19");

	(void)state;
	assert_int_equal(d.y, 2024);
	assert_int_equal(d.m, 3);
	assert_int_equal(d.d, 19);
}

static void
test_parse_rejects_bad_shapes(void **state)
{
	static const char *const bad[] = {
		"", "19.03.2024 ", " 19.03.2024", "19.03.2024x", "19.3.2024",
		"1.03.2024", "19.03.24", "2024-3-19", "2024-03-9", "19/03/2024",
		"2024.03.19", "19-03-2024", "+9.03.2024", "19.03.-024",
		"2024-03-19T00", "１9.03.2024", "19.03.2024\n", "сегодня"
	};
	struct error err;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		rejected(bad[i], &err);
}

static void
test_parse_error_names_both_formats(void **state)
{
	struct error err;
	const char *msg = rejected("19/03/2024", &err);

	(void)state;
	assert_non_null(strstr(msg, "«19/03/2024»"));
	assert_non_null(strstr(msg, "ДД.ММ.ГГГГ"));
	assert_non_null(strstr(msg, "ГГГГ-ММ-ДД"));
}

static void
test_parse_error_quotes_whole_letters(void **state)
{
	struct error err;
	char *input = xmalloc(200);
	const char *msg, *open, *close;

	(void)state;
	/* Two-byte letters after one ASCII byte: byte 40 is mid-letter. */
	strcpy(input, "x");
	for (int i = 0; i < 99; i++)
		strcat(input, "д");
	msg = rejected(input, &err);
	open = strstr(msg, "«") + strlen("«");
	close = strstr(open, "»");
	assert_non_null(close);
	assert_true((close - open - 1) % 2 == 0);
	assert_true(close - open >= 30);
	assert_true(close - open <= 40);
	free(input);
}

static void
test_feb_29_2025_rejected(void **state)
{
	struct error err;
	const char *msg = rejected("29.02.2025", &err);

	(void)state;
	assert_non_null(strstr(msg, "не существует"));
	assert_non_null(strstr(msg, "в феврале 2025 года 28 дней"));
	rejected("2025-02-29", &err);
}

static void
test_feb_29_in_leap_years_accepted(void **state)
{
	(void)state;
	assert_int_equal(parsed("29.02.2024").d, 29);
	assert_int_equal(parsed("2000-02-29").d, 29);
}

static void
test_feb_29_1900_rejected(void **state)
{
	struct error err;

	(void)state;
	rejected("29.02.1900", &err);
}

static void
test_leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap_year(2024));
	assert_true(date_is_leap_year(2000));
	assert_false(date_is_leap_year(2025));
	assert_false(date_is_leap_year(1900));
	assert_false(date_is_leap_year(2100));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2025, 2), 28);
	assert_int_equal(date_days_in_month(2025, 4), 30);
	assert_int_equal(date_days_in_month(2025, 12), 31);
	assert_int_equal(date_days_in_month(2025, 13), 0);
}

static void
test_out_of_range_fields_rejected(void **state)
{
	struct error err;

	(void)state;
	assert_non_null(strstr(rejected("01.13.2024", &err), "месяца 13"));
	assert_non_null(strstr(rejected("2024-00-10", &err), "месяца 00"));
	assert_non_null(strstr(rejected("00.01.2024", &err),
	    "в январе 2024 года 31 день"));
	assert_non_null(strstr(rejected("31.04.2024", &err),
	    "в апреле 2024 года 30 дней"));
	assert_non_null(strstr(rejected("01.01.0000", &err), "0000"));
}

static void
test_year_bounds(void **state)
{
	(void)state;
	assert_int_equal(parsed("01.01.0001").y, 1);
	assert_int_equal(parsed("9999-12-31").y, 9999);
	assert_true(date_valid(1, 1, 1));
	assert_false(date_valid(0, 12, 31));
	assert_false(date_valid(10000, 1, 1));
}

static void
test_format_dotted_and_iso(void **state)
{
	struct date d = { 2024, 4, 2 };
	char buf[DATE_BUFSZ];

	(void)state;
	assert_string_equal(date_format(d, buf), "02.04.2024");
	assert_string_equal(date_format_iso(d, buf), "2024-04-02");
	d.y = 7;
	assert_string_equal(date_format(d, buf), "02.04.0007");
}

static void
test_format_parses_back(void **state)
{
	struct date d = { 2027, 12, 31 };
	char buf[DATE_BUFSZ];

	(void)state;
	assert_int_equal(date_cmp(parsed(date_format(d, buf)), d), 0);
	assert_int_equal(date_cmp(parsed(date_format_iso(d, buf)), d), 0);
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(parsed("19.03.2024")), WEEKDAY_TUE);
	assert_int_equal(date_weekday(parsed("27.04.2024")), WEEKDAY_SAT);
	assert_int_equal(date_weekday(parsed("2024-04-28")), WEEKDAY_SUN);
	assert_int_equal(date_weekday(parsed("1970-01-01")), WEEKDAY_THU);
	assert_int_equal(date_weekday(parsed("0001-01-01")), WEEKDAY_MON);
	assert_int_equal(date_weekday(parsed("9999-12-31")), WEEKDAY_FRI);
	assert_true(date_is_weekend(parsed("27.04.2024")));
	assert_false(date_is_weekend(parsed("26.04.2024")));
	assert_string_equal(date_weekday_name(WEEKDAY_TUE), "вторник");
	assert_string_equal(date_weekday_name(WEEKDAY_SUN), "воскресенье");
}

static void
test_day_numbers_round_trip(void **state)
{
	struct date d = { 1, 1, 1 };
	long first = date_to_days(d);

	(void)state;
	/* Every day of the supported range, in order. */
	for (long n = first; ; n++) {
		struct date back = date_from_days(n);

		assert_int_equal(date_cmp(back, d), 0);
		assert_int_equal(date_to_days(d), n);
		if (d.y == 9999 && d.m == 12 && d.d == 31)
			break;
		if (d.d < date_days_in_month(d.y, d.m)) {
			d.d++;
		} else if (d.m < 12) {
			d.m++;
			d.d = 1;
		} else {
			d.y++;
			d.m = d.d = 1;
		}
	}
	assert_int_equal(date_to_days(parsed("1970-01-01")), 0);
}

static void
test_add_days_crosses_months_and_leap_day(void **state)
{
	char buf[DATE_BUFSZ];

	(void)state;
	assert_string_equal(date_format(date_add_days(parsed("28.02.2024"), 1),
	    buf), "29.02.2024");
	assert_string_equal(date_format(date_add_days(parsed("28.02.2025"), 1),
	    buf), "01.03.2025");
	assert_string_equal(date_format(date_add_days(parsed("31.12.2024"), 1),
	    buf), "01.01.2025");
	assert_string_equal(date_format(date_add_days(parsed("01.01.2025"),
	    -1), buf), "31.12.2024");
	assert_string_equal(date_format(date_add_days(parsed("19.03.2024"),
	    14), buf), "02.04.2024");
}

static void
test_compare_and_difference(void **state)
{
	struct date a = parsed("19.03.2024"), b = parsed("02.04.2024");

	(void)state;
	assert_true(date_cmp(a, b) < 0);
	assert_true(date_cmp(b, a) > 0);
	assert_int_equal(date_cmp(a, a), 0);
	assert_int_equal(date_diff(a, b), 14);
	assert_int_equal(date_diff(b, a), -14);
	assert_int_equal(date_diff(parsed("01.01.2024"), parsed("01.01.2025")),
	    366);
}

static void
test_today_override_wins(void **state)
{
	struct date d;
	struct error err;

	(void)state;
	setenv("PERECHEN_TODAY", "01.01.2030", 1);
	assert_int_equal(date_resolve_today("25.03.2024", &d, &err), 0);
	assert_int_equal(date_cmp(d, parsed("25.03.2024")), 0);
	unsetenv("PERECHEN_TODAY");
}

static void
test_today_from_environment(void **state)
{
	struct date d;
	struct error err;

	(void)state;
	setenv("PERECHEN_TODAY", "2024-04-03", 1);
	assert_int_equal(date_resolve_today(NULL, &d, &err), 0);
	assert_int_equal(date_cmp(d, parsed("03.04.2024")), 0);
	assert_int_equal(date_resolve_today("", &d, &err), 0);
	assert_int_equal(date_cmp(d, parsed("03.04.2024")), 0);
	assert_int_equal(date_today(&d, &err), 0);
	assert_int_equal(date_cmp(d, parsed("03.04.2024")), 0);
	unsetenv("PERECHEN_TODAY");
}

static void
test_today_bad_sources_named(void **state)
{
	struct date d;
	struct error err;

	(void)state;
	assert_int_equal(date_resolve_today("32.01.2024", &d, &err), -1);
	assert_non_null(strstr(err.msg, "--today"));
	setenv("PERECHEN_TODAY", "вчера", 1);
	assert_int_equal(date_resolve_today(NULL, &d, &err), -1);
	assert_non_null(strstr(err.msg, "PERECHEN_TODAY"));
	assert_non_null(strstr(err.msg, "ДД.ММ.ГГГГ"));
	unsetenv("PERECHEN_TODAY");
}

/* The local date now, as the C library sees it. */
static struct date
clock_date(void)
{
	time_t now = time(NULL);
	struct tm tm;
	struct date d;

	localtime_r(&now, &tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}

static void
test_today_from_clock(void **state)
{
	struct date before, d, after;
	struct error err;

	(void)state;
	unsetenv("PERECHEN_TODAY");
	before = clock_date();
	assert_int_equal(date_resolve_today(NULL, &d, &err), 0);
	after = clock_date();
	/* Midnight may pass between the readings; either day is right. */
	assert_true(date_cmp(d, before) == 0 || date_cmp(d, after) == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_dotted),
		cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_parse_rejects_bad_shapes),
		cmocka_unit_test(test_parse_error_names_both_formats),
		cmocka_unit_test(test_parse_error_quotes_whole_letters),
		cmocka_unit_test(test_feb_29_2025_rejected),
		cmocka_unit_test(test_feb_29_in_leap_years_accepted),
		cmocka_unit_test(test_feb_29_1900_rejected),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_out_of_range_fields_rejected),
		cmocka_unit_test(test_year_bounds),
		cmocka_unit_test(test_format_dotted_and_iso),
		cmocka_unit_test(test_format_parses_back),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_day_numbers_round_trip),
		cmocka_unit_test(test_add_days_crosses_months_and_leap_day),
		cmocka_unit_test(test_compare_and_difference),
		cmocka_unit_test(test_today_override_wins),
		cmocka_unit_test(test_today_from_environment),
		cmocka_unit_test(test_today_bad_sources_named),
		cmocka_unit_test(test_today_from_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
