/*
 * calendar.h - the Russian production calendar (производственный календарь)
 * and working-day arithmetic.
 *
 * Owns: struct calendar - the exceptions to the Monday-Friday rule per date
 * (holiday, dayoff, workday, short), the set of years the calendar covers
 * and which of them are provisional - and its parsing from calendar files
 * (format described in share/perechen/calendar/ru-federal.txt):
 *
 *	@year 2024			the year is covered (all its exceptions
 *					are listed, even if there are none)
 *	@year 2027 provisional		covered, but not confirmed by a decree
 *	2024-04-27<TAB>workday<TAB>reason	one exception (reason optional;
 *					the date may also be ДД.ММ.ГГГГ)
 *
 * Files are loaded in order (calendar_load_standard: the shipped files,
 * then /etc/perechen/calendar.d/, then the user's calendar.d/); a later file
 * overrides earlier entries and year declarations for the same date/year.
 *
 * Working day = (Monday-Friday and not holiday/dayoff) or workday; short
 * days are working days.  A day in a year the calendar does not cover is
 * judged by the Monday-Friday rule alone, and every function that does so
 * says it in a struct calendar_note: results are never guessed silently.
 */
#ifndef PERECHEN_CALENDAR_H
#define PERECHEN_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "date.h"
#include "error.h"
#include "strvec.h"

/* The largest N calendar_add_working_days accepts (about 40 years). */
#define CALENDAR_MAX_WORKING_DAYS 10000

enum calendar_kind {
	CALENDAR_NONE = 0,	/* not listed: the weekday decides */
	CALENDAR_HOLIDAY,	/* "holiday": праздник, ТК РФ ст. 112 ч. 1 */
	CALENDAR_DAYOFF,	/* "dayoff": weekday made a day off */
	CALENDAR_WORKDAY,	/* "workday": weekend day made a working day */
	CALENDAR_SHORT		/* "short": pre-holiday day, still working */
};

struct calendar_day {
	struct date date;
	enum calendar_kind kind;
	char	*reason;	/* owned; "" when the file gave none */
	size_t	 file;		/* index into calendar.files */
	size_t	 line;
};

struct calendar_year {
	int	 year;
	bool	 provisional;
	size_t	 file;		/* index into calendar.files */
	size_t	 line;
};

struct calendar {
	struct calendar_day *days;	/* sorted by date, one per date */
	size_t	 ndays;
	struct calendar_year *years;	/* sorted by year */
	size_t	 nyears;
	struct strvec files;		/* origins loaded, in load order */
};

/*
 * What a computation met besides plain facts.  approximate: a day it
 * examined lies in uncovered_year (the first such), which the calendar does
 * not cover, so that day was judged by the Monday-Friday rule.  provisional:
 * a day lies in provisional_year (the first such), declared provisional.
 * Functions taking a note (NULL-safe) only ever set its flags; clear it
 * with calendar_note_clear() before a computation you want to report on.
 */
struct calendar_note {
	bool	 approximate;
	int	 uncovered_year;
	bool	 provisional;
	int	 provisional_year;
};

struct calendar_year_stats {
	int	 year;
	int	 days;		/* 365 or 366 */
	int	 working;	/* working days (short ones included) */
	int	 nonworking;	/* weekends, holidays and days off */
	int	 holidays;	/* days listed as "holiday" */
	bool	 provisional;
};

void	calendar_init(struct calendar *cal);
void	calendar_fini(struct calendar *cal);

/*
 * Parse one calendar file's text (len bytes, NULs rejected) and merge it
 * into cal: its entries and year declarations replace earlier ones for the
 * same date or year.  origin names the file in messages and in cal->files.
 * Within one file a date or a year may appear only once, and a date's year
 * must be declared (@year) in this file above it or in an earlier file.
 * Returns 0, or -1 with err "origin:line: why" and cal unchanged.
 */
int	calendar_parse(struct calendar *cal, const char *text, size_t len,
	    const char *origin, struct error *err);
/* Read the file at path and calendar_parse() it. */
int	calendar_load_file(struct calendar *cal, const char *path,
	    struct error *err);
/*
 * Load every "*.txt" file of dir (not hidden, regular files) in strcmp
 * order.  A missing directory is fine unless required, in which case it
 * must also hold at least one such file.  Returns 0 or -1 with err.
 */
int	calendar_load_dir(struct calendar *cal, const char *dir, bool required,
	    struct error *err);
/*
 * The user's calendar directory: $XDG_CONFIG_HOME/perechen/calendar.d if
 * that variable is an absolute path, else $HOME/.config/perechen/calendar.d;
 * NULL if neither is known.  Caller frees.
 */
char	*calendar_user_dir(void);
/* The system-wide calendar directory (/etc/perechen/calendar.d). */
const char *calendar_system_dir(void);
/*
 * Append to dirs the directories calendar_load_standard reads, in order:
 * share_dir/calendar, calendar_system_dir(), calendar_user_dir().
 */
void	calendar_standard_dirs(const char *share_dir, struct strvec *dirs);
/*
 * Load the shipped calendar (share_dir/calendar/ *.txt, required) and then
 * the system and user calendar.d directories.  Returns 0 or -1 with err.
 */
int	calendar_load_standard(struct calendar *cal, const char *share_dir,
	    struct error *err);

/* True if year is declared (@year) by a loaded file. */
bool	calendar_covers(const struct calendar *cal, int year);
/* True if year is covered but declared provisional. */
bool	calendar_is_provisional(const struct calendar *cal, int year);
/*
 * Append the covered years to out as ranges: "2024–2027", "2024–2026, 2030",
 * or "нет ни одного года" when there are none.
 */
void	calendar_describe_years(const struct calendar *cal, struct buf *out);

/* The entry listed for d, or NULL.  Points into cal. */
const struct calendar_day *calendar_find(const struct calendar *cal,
	    struct date d);
/* "holiday", "dayoff", "workday", "short" (as in files), "" for NONE. */
const char *calendar_kind_name(enum calendar_kind kind);
/* Russian description of a kind ("праздничный нерабочий день"). */
const char *calendar_kind_title(enum calendar_kind kind);

void	calendar_note_clear(struct calendar_note *note);
/*
 * Russian explanation of a note for the clerk ("приблизительно: год 2028
 * не входит в календарь …"); appends nothing if the note has no flags.
 */
void	calendar_note_describe(const struct calendar *cal,
	    const struct calendar_note *note, struct buf *out);

/* Is d a working day?  Flags note for an uncovered or provisional year. */
bool	calendar_is_working_day(const struct calendar *cal, struct date d,
	    struct calendar_note *note);

/*
 * The end of a period of n working days counted from the day after from
 * (ГК РФ ст. 191): the n-th working day after from (from itself for n = 0).
 * n is 0..CALENDAR_MAX_WORKING_DAYS.  note is cleared and then flagged for
 * every day examined.  Returns 0 with *result, or -1 with err (n out of
 * range, or the result would pass 31.12.9999).
 */
int	calendar_add_working_days(const struct calendar *cal, struct date from,
	    long n, struct date *result, struct calendar_note *note,
	    struct error *err);

/*
 * Working days d with from < d <= to ("working days left" from today to a
 * deadline: 0 when the deadline is today or already passed by a day off);
 * if to is before from, minus the count for (to, from].  The inverse of
 * calendar_add_working_days.  note is cleared, then flagged.
 */
long	calendar_working_days_between(const struct calendar *cal,
	    struct date from, struct date to, struct calendar_note *note);

/*
 * Count year's working and non-working days into *stats.  A year the
 * calendar does not cover is an error (the count would be a guess):
 * returns -1 with err "2028 год не входит в производственный календарь
 * (известны 2024–2027)".  A provisional year sets stats->provisional.
 */
int	calendar_year_stats(const struct calendar *cal, int year,
	    struct calendar_year_stats *stats, struct error *err);

#endif
