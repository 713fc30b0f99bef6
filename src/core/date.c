/* date.c - Gregorian dates: parsing, formatting, arithmetic, today. */
#include "date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Longest piece of a rejected input quoted back in a message, in bytes. */
#define SHOWN_MAX 40

static const char *const weekday_names[7] = {
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
	"воскресенье"
};

/* Month names as in "в феврале 2025 года". */
static const char *const month_in[12] = {
	"январе", "феврале", "марте", "апреле", "мае", "июне", "июле",
	"августе", "сентябре", "октябре", "ноябре", "декабре"
};

bool
date_is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap_year(y))
		return 29;
	return days[m - 1];
}

bool
date_valid(int y, int m, int d)
{
	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX && m >= 1 && m <= 12 &&
	    d >= 1 && d <= date_days_in_month(y, m);
}

/* Read exactly n ASCII digits (no sign, no space) as a number. */
static bool
read_digits(const char *s, size_t n, int *out)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/*
 * How many bytes of s to quote back: at most SHOWN_MAX, never ending
 * inside a UTF-8 sequence (the sanitiser would show a stray U+FFFD).
 */
static int
shown_len(const char *s)
{
	size_t n = strnlen(s, SHOWN_MAX + 1);

	if (n <= SHOWN_MAX)
		return (int)n;
	n = SHOWN_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* Split s into numbers if it has one of the two accepted shapes. */
static bool
split_date(const char *s, int *y, int *m, int *d)
{
	if (strnlen(s, 11) != 10)
		return false;
	if (s[2] == '.' && s[5] == '.')
		return read_digits(s, 2, d) && read_digits(s + 3, 2, m) &&
		    read_digits(s + 6, 4, y);
	if (s[4] == '-' && s[7] == '-')
		return read_digits(s, 4, y) && read_digits(s + 5, 2, m) &&
		    read_digits(s + 8, 2, d);
	return false;
}

/* Russian "28 дней" / "31 день" for a month length. */
static const char *
days_word(int n)
{
	return n % 10 == 1 && n != 11 ? "день" : "дней";
}

int
date_parse(const char *s, struct date *out, struct error *err)
{
	int y, m, d, dim;

	if (!split_date(s, &y, &m, &d))
		return error_set(err, "«%.*s» — не дата: ожидается ДД.ММ.ГГГГ "
		    "(например, 19.03.2024) или ГГГГ-ММ-ДД (2024-03-19)",
		    shown_len(s), s);
	if (y < DATE_YEAR_MIN)
		return error_set(err, "дата «%s»: года 0000 не бывает "
		    "(годы от 0001 до 9999)", s);
	if (m < 1 || m > 12)
		return error_set(err, "дата «%s»: месяца %02d не бывает "
		    "(месяцы от 01 до 12)", s, m);
	dim = date_days_in_month(y, m);
	if (d < 1 || d > dim)
		return error_set(err, "дата «%s» не существует: в %s %04d года "
		    "%d %s", s, month_in[m - 1], y, dim, days_word(dim));
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

/* Write v as exactly width decimal digits (v is non-negative). */
static char *
put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

/* Clamp a field into what width digits can show, so output stays sane. */
static int
clamp(int v, int hi)
{
	return v < 0 ? 0 : v > hi ? hi : v;
}

char *
date_format(struct date d, char *buf)
{
	char *p = buf;

	p = put_digits(p, clamp(d.d, 99), 2);
	*p++ = '.';
	p = put_digits(p, clamp(d.m, 99), 2);
	*p++ = '.';
	p = put_digits(p, clamp(d.y, 9999), 4);
	*p = '\0';
	return buf;
}

char *
date_format_iso(struct date d, char *buf)
{
	char *p = buf;

	p = put_digits(p, clamp(d.y, 9999), 4);
	*p++ = '-';
	p = put_digits(p, clamp(d.m, 99), 2);
	*p++ = '-';
	p = put_digits(p, clamp(d.d, 99), 2);
	*p = '\0';
	return buf;
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
long
date_to_days(struct date dt)
{
	long y = dt.y - (dt.m <= 2), era, yoe, doy, doe;
	long m = dt.m, d = dt.d;

	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of date_to_days (H. Hinnant's civil_from_days). */
struct date
date_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;
	struct date out;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	out.y = (int)(y + (m <= 2));
	out.m = (int)m;
	out.d = (int)d;
	return out;
}

int
date_weekday(struct date d)
{
	long days = date_to_days(d);

	/* 1970-01-01 was a Thursday. */
	return (int)(((days % 7 + 7) % 7 + 3) % 7) + 1;
}

const char *
date_weekday_name(int weekday)
{
	if (weekday < WEEKDAY_MON || weekday > WEEKDAY_SUN)
		return "?";
	return weekday_names[weekday - 1];
}

bool
date_is_weekend(struct date d)
{
	return date_weekday(d) >= WEEKDAY_SAT;
}

struct date
date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

long
date_diff(struct date a, struct date b)
{
	return date_to_days(b) - date_to_days(a);
}

/* The local calendar date from the system clock. */
static int
local_today(struct date *out, struct error *err)
{
	time_t now = time(NULL);
	struct tm tm;

	if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
		return error_set(err, "не удалось узнать текущую дату");
	if (!date_valid(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return error_set(err, "системные часы показывают невозможную "
		    "дату");
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	return 0;
}

int
date_resolve_today(const char *override, struct date *out, struct error *err)
{
	const char *env;

	if (override != NULL && override[0] != '\0') {
		if (date_parse(override, out, err) != 0) {
			error_prefix(err, "сегодняшняя дата (--today)");
			return -1;
		}
		return 0;
	}
	env = getenv("PERECHEN_TODAY");
	if (env != NULL && env[0] != '\0') {
		if (date_parse(env, out, err) != 0) {
			error_prefix(err, "переменная PERECHEN_TODAY");
			return -1;
		}
		return 0;
	}
	return local_today(out, err);
}

int
date_today(struct date *out, struct error *err)
{
	return date_resolve_today(NULL, out, err);
}
