/*
 * date_assert.h - for tests that speak in dates: a day from "ДД.ММ.ГГГГ"
 * or ISO text, and an assertion on a day as the clerk reads it.
 * Header-only (each test program is one file); include after <cmocka.h>.
 */
#ifndef PERECHEN_TEST_DATE_ASSERT_H
#define PERECHEN_TEST_DATE_ASSERT_H

#include "date.h"
#include "error.h"

/* The day s names; the test fails if it names none. */
static inline struct date
day(const char *s)
{
	struct date d = { 0, 0, 0 };
	struct error err;

	if (date_parse(s, &d, &err) != 0)
		fail_msg("%s: %s", s, err.msg);
	return d;
}

/* got, written ДД.ММ.ГГГГ, is want. */
static inline void
assert_date(struct date got, const char *want)
{
	char buf[DATE_BUFSZ];

	assert_string_equal(date_format(got, buf), want);
}

#endif
