/*
 * fuzz_calendar.c - the calendar file parser on arbitrary bytes.  Input
 * is split at the first form feed into two files (the second overriding
 * the first).  An accepted calendar must answer questions consistently:
 * adding working days and counting them back agree, and a year's stats add
 * up.  A rejected file must leave the calendar as it was.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Ask the calendar what callers ask, checking the answers agree. */
static void
exercise(const struct calendar *cal)
{
	struct calendar_year_stats st;
	struct calendar_note note;
	struct error err;
	struct buf b;
	size_t ncheck = cal->nyears < 3 ? cal->nyears : 3;

	for (size_t i = 0; i < ncheck; i++) {
		struct date from = { cal->years[i].year, 1, 1 }, end;
		long back;

		if (calendar_year_stats(cal, cal->years[i].year, &st,
		    &err) != 0)
			abort();
		if (st.working + st.nonworking != st.days || st.working < 0)
			abort();
		if (calendar_add_working_days(cal, from, 30, &end, &note,
		    &err) != 0) {
			if (from.y < DATE_YEAR_MAX)
				abort();
			continue;
		}
		back = calendar_working_days_between(cal, from, end, &note);
		if (back != 30)
			abort();
		buf_init(&b);
		calendar_note_describe(cal, &note, &b);
		calendar_describe_years(cal, &b);
		buf_fini(&b);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *ff = memchr(text, '\f', size);
	size_t first = ff != NULL ? (size_t)(ff - text) : size;
	struct calendar cal;
	struct error err;

	calendar_init(&cal);
	if (calendar_parse(&cal, text, first, "a.txt", &err) == 0 &&
	    ff != NULL) {
		size_t ndays = cal.ndays, nyears = cal.nyears;

		if (calendar_parse(&cal, ff + 1, size - first - 1, "b.txt",
		    &err) != 0 && (cal.ndays != ndays || cal.nyears != nyears ||
		    cal.files.n != 1))
			abort();
	}
	exercise(&cal);
	calendar_fini(&cal);
	return 0;
}
