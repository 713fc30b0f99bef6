/*
 * fuzz_date.c - the date parser on arbitrary bytes.  Whatever it accepts
 * must be a valid day that formats and parses back to itself in both
 * formats, and whose day number round-trips.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	char buf[DATE_BUFSZ];
	struct date d, back;
	struct error err;

	if (date_parse(s, &d, &err) == 0) {
		if (!date_valid(d.y, d.m, d.d))
			abort();
		if (date_parse(date_format(d, buf), &back, &err) != 0 ||
		    date_cmp(back, d) != 0)
			abort();
		if (date_parse(date_format_iso(d, buf), &back, &err) != 0 ||
		    date_cmp(back, d) != 0)
			abort();
		if (date_cmp(date_from_days(date_to_days(d)), d) != 0)
			abort();
		if (date_weekday(d) < WEEKDAY_MON ||
		    date_weekday(d) > WEEKDAY_SUN)
			abort();
	} else if (memchr(err.msg, '\0', sizeof err.msg) == NULL) {
		abort();
	}
	free(s);
	return 0;
}
