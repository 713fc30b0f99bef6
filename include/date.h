/*
 * date.h - calendar dates as a clerk writes them.
 *
 * Owns: struct date (a proleptic Gregorian day, years 0001-9999), parsing
 * of "ДД.ММ.ГГГГ" and ISO "ГГГГ-ММ-ДД", formatting, weekdays, day
 * arithmetic and "today" (which tests and cron jobs fix through --today or
 * $PERECHEN_TODAY).  A struct date is a plain value: copy it freely.
 * Functions taking a struct date expect a valid one (date_valid()).
 */
#ifndef PERECHEN_DATE_H
#define PERECHEN_DATE_H

#include <stdbool.h>

#include "error.h"

#define DATE_YEAR_MIN 1
#define DATE_YEAR_MAX 9999

/* Room for a formatted date and its NUL ("19.03.2024", "2024-03-19"). */
#define DATE_BUFSZ 11

struct date {
	int	y;		/* 1..9999 */
	int	m;		/* 1..12 */
	int	d;		/* 1..days in month */
};

/* ISO weekdays, as date_weekday() returns them. */
enum {
	WEEKDAY_MON = 1,
	WEEKDAY_TUE,
	WEEKDAY_WED,
	WEEKDAY_THU,
	WEEKDAY_FRI,
	WEEKDAY_SAT,
	WEEKDAY_SUN
};

bool	date_is_leap_year(int y);
/* Days in month m (1..12) of year y; 0 if m is out of range. */
int	date_days_in_month(int y, int m);
/* True if y-m-d is a real day within DATE_YEAR_MIN..DATE_YEAR_MAX. */
bool	date_valid(int y, int m, int d);

/*
 * Parse s, which must be exactly "ДД.ММ.ГГГГ" or "ГГГГ-ММ-ДД" (two-digit
 * day and month, four-digit year, nothing before or after).  Returns 0 and
 * fills *out, or -1 with a Russian message in err that names the accepted
 * formats, or says why the day does not exist (29.02.2025).
 */
int	date_parse(const char *s, struct date *out, struct error *err);

/* Write "ДД.ММ.ГГГГ" into buf (DATE_BUFSZ bytes); returns buf. */
char	*date_format(struct date d, char *buf);
/* Write "ГГГГ-ММ-ДД" into buf (DATE_BUFSZ bytes); returns buf. */
char	*date_format_iso(struct date d, char *buf);

/* ISO weekday: WEEKDAY_MON (1) .. WEEKDAY_SUN (7). */
int	date_weekday(struct date d);
/* Russian weekday name in lower case ("понедельник"); static string. */
const char *date_weekday_name(int weekday);
/* True for Saturday and Sunday. */
bool	date_is_weekend(struct date d);

/* Day number: days since 1970-01-01 (negative before it). */
long	date_to_days(struct date d);
/* The day with that number; days must lie within the valid years. */
struct date date_from_days(long days);
/* d plus n days (n may be negative).  The caller keeps the result valid. */
struct date date_add_days(struct date d, long n);
/* <0, 0, >0 as a is before, equal to or after b. */
int	date_cmp(struct date a, struct date b);
/* Days from a to b: b - a (negative if b is before a). */
long	date_diff(struct date a, struct date b);

/*
 * Today: override if non-NULL and non-empty (a --today argument), else
 * $PERECHEN_TODAY if set and non-empty, else the local calendar date.
 * Returns 0, or -1 with err naming the source of an unparsable date.
 */
int	date_resolve_today(const char *override, struct date *out,
	    struct error *err);
/* date_resolve_today(NULL, ...): $PERECHEN_TODAY, else the local date. */
int	date_today(struct date *out, struct error *err);

#endif
