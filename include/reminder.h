/*
 * reminder.h - what the Порядок (п. 5.1-5.4) asks of the clerk today.
 *
 * Owns: the reminder worked out from the facts - the latest approved
 * revision and its publication, what differs from it per trigger of
 * п. 5.3 and since when, the cycle it closed - with today and the
 * production calendar; judging a cycle against its deadline; its Russian
 * wording, in full (perechen status, the editor's reminder screen) and as
 * one line (the editor's header line);
 * and the change log's times as the clerk sees them (stored in UTC, shown
 * in local time).
 *
 * The deadlines:
 *   - changes under п. 5.3 since the last approval: the actual list is
 *     approved and published "в течение 10 рабочих дней со дня внесения
 *     таких изменений" (п. 5.4), counted from the day after the first
 *     change (ГК РФ ст. 191);
 *   - an approved revision not yet on the website: the 10th working day
 *     after the order's date;
 *   - the cycle a revision closed stays judged against the changes'
 *     deadline: approved and published by it, or late by so many working
 *     days - a later deadline met never makes it on time.
 * A deadline computed over a year the calendar does not cover, or covers
 * provisionally, carries a calendar_note that the wording always shows.
 *
 * Typical use (the store gathers the facts, see store_status.h):
 *
 *	reminder_facts_init(&f);
 *	store_status_facts(st, &f, &err);
 *	reminder_compute(&f, today, &cal, &r, &err);
 *	reminder_format(&r, &f, &cal, &lines);   or reminder_headline()
 *	exit code: r.level
 */
#ifndef PERECHEN_REMINDER_H
#define PERECHEN_REMINDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "calendar.h"
#include "change.h"
#include "date.h"
#include "error.h"
#include "strvec.h"

/* The period of п. 5.4, in working days. */
#define REMINDER_WORKING_DAYS 10

/* Room for "ДД.ММ.ГГГГ ЧЧ:ММ" and for "ГГГГ-ММ-ДДTЧЧ:ММ:ССZ" with NUL. */
#define REMINDER_TIME_BUFSZ 17
#define REMINDER_UTC_BUFSZ 21

/* How urgent: also the exit status of "perechen status". */
enum reminder_level {
	REMINDER_NOTHING = 0,	/* nothing is due */
	REMINDER_DUE = 1,	/* something is due, within its deadline */
	REMINDER_OVERDUE = 2	/* a deadline has passed */
};

/* What the store knows; filled by store_status_facts(). */
struct reminder_facts {
	bool	 approved;	/* some revision was approved (п. 5.1) */
	int64_t	 revision;	/* the latest revision's number */
	char	*order_no;	/* its order's number (owned, "" if none) */
	struct date order_date;	/* its order's date */
	bool	 published;	/* the latest revision is on the website */
	struct date published_date;
	/*
	 * Approved: what differs between the working copy and the latest
	 * revision, one per record and trigger (the net difference of
	 * п. 5.3, as "perechen diff" tells it; TRIGGER_EDIT counts editorial
	 * differences).  Never approved: the change-log entries so far, the
	 * records of approvals and publications themselves not counted.
	 */
	size_t	 count[TRIGGER_COUNT];
	/* The local day on which the working copy began to differ from the
	 * revision in the way it still differs; meaningful when
	 * reminder_pending() > 0. */
	struct date first_change;
	/*
	 * The actualisation cycle the latest revision closed (п. 5.4): the
	 * day its changes began and their deadline as recorded at approval
	 * (cycle_due_known false: recorded without a calendar, work it out
	 * from cycle_start).  cycle false: the revision closed none (the
	 * first approval, or one recorded before the cycle was kept).
	 */
	bool	 cycle;
	struct date cycle_start;
	bool	 cycle_due_known;
	struct date cycle_due;
};

/* One deadline and where today stands against it. */
struct reminder_deadline {
	struct date from;	/* the event the period counts from */
	struct date due;	/* the period's last day */
	bool	 overdue;	/* today is after due */
	long	 left;		/* not overdue: working days after today up to
				 * due (0: due today); overdue: calendar days
				 * since due */
	struct calendar_note note; /* computing due and left */
};

/*
 * One actualisation cycle judged against its deadline (п. 5.4): the
 * changes begun on by.from were to be approved and published by by.due.
 * Met only if both the order and the publication came by then; a cycle
 * not yet published is late once today is past the deadline.
 */
struct reminder_cycle {
	struct reminder_deadline by;	/* from: the changes' first day */
	struct date approved;	/* the order's date */
	bool	 published;
	struct date published_date;
	bool	 late;		/* the deadline was (or is being) missed */
	struct date late_on;	/* late: the day it is judged on - the later
				 * of order and publication, or today */
	long	 late_working;	/* late: working days after by.due up to
				 * late_on */
	long	 late_days;	/* late: calendar days, the same way */
};

struct reminder {
	enum reminder_level level;
	struct date today;
	int64_t	 revision;	/* the latest revision's number, 0 if none */
	bool	 never_approved; /* the list awaits its first order */
	bool	 actualise;	/* changes under п. 5.3 await approval */
	struct reminder_deadline actualise_by; /* valid if actualise */
	bool	 unpublished;	/* the latest revision is not online */
	struct reminder_deadline publish_by; /* valid if unpublished */
	/* Published: its own deadline (10th working day after the order),
	 * judged on the day of publication; published_late the working
	 * days it came after it (0: in time, or only days off passed). */
	struct reminder_deadline published_by;
	long	 published_late;
	bool	 closed;	/* the latest revision closed a cycle */
	struct reminder_cycle cycle;	/* valid if closed */
};

void	reminder_facts_init(struct reminder_facts *f);
void	reminder_facts_fini(struct reminder_facts *f);
/* The number of counted differences (entries, before the first approval)
 * whose trigger requires actualisation. */
size_t	reminder_pending(const struct reminder_facts *f);

/*
 * Work out the reminder for today from f with cal.  Returns 0, or -1 with
 * err if a deadline would fall past the calendar's range (year 9999).
 */
int	reminder_compute(const struct reminder_facts *f, struct date today,
	    const struct calendar *cal, struct reminder *r, struct error *err);

/*
 * Judge the cycle begun on start against its deadline: *due as recorded,
 * or (NULL) the 10th working day after start.  published NULL: not yet
 * online.  Returns 0, or -1 with err if the deadline would pass the
 * calendar's range.
 */
int	reminder_cycle_judge(const struct calendar *cal, struct date start,
	    const struct date *due, struct date approved,
	    const struct date *published, struct date today,
	    struct reminder_cycle *c, struct error *err);
/*
 * The cycle in one Russian sentence (no newline): met, or "срок
 * актуализации 14.01.2025 пропущен на 2 раб. дн.", or still open.  A
 * missed cycle not yet online begins with "ПРОСРОЧЕНО".
 */
void	reminder_cycle_describe(const struct reminder_cycle *c,
	    struct buf *out);

/*
 * The reminder in full as Russian lines (appended to lines, without
 * newlines): the revision in force, each thing due with its deadline and
 * working days left, counts per trigger, the calendar's notes.  A line
 * about a passed deadline begins with "ПРОСРОЧЕНО".  Lines carry the order
 * number as stored: pass them through the sanitiser before a terminal.
 */
void	reminder_format(const struct reminder *r,
	    const struct reminder_facts *f, const struct calendar *cal,
	    struct strvec *lines);

/*
 * Counts per enum trigger summed up as "perechen diff", "perechen log"
 * and the reminder agree on them: "5.3.1 — 1, 5.3.3 — 2; редакционных
 * изменений: 1", or "нет (изменения редакционные); …" when none is under
 * п. 5.3.
 */
void	reminder_counts_line(const size_t count[TRIGGER_COUNT],
	    struct buf *out);

/*
 * The most urgent thing due as one short line for a header
 * ("ПРОСРОЧЕНО: актуализация перечня, срок 02.04.2024"); appends nothing
 * when nothing is due.  An approximate deadline ends in ", приблизительно".
 */
void	reminder_headline(const struct reminder *r, struct buf *out);

/*
 * The same in fewer words, for a narrow header: "Требуется актуализация
 * (п. 5.3): 3 изм., срок 02.04.2024", "Не на сайте: срок 02.04.2024",
 * "ПРОСРОЧЕНО: …"; appends nothing when nothing is due.  An approximate
 * deadline ends in " (прибл.)".
 */
void	reminder_headline_brief(const struct reminder *r,
	    const struct reminder_facts *f, struct buf *out);

/*
 * A change-log time "ГГГГ-ММ-ДДTЧЧ:ММ:ССZ" in local time: its day and,
 * if hour and min are non-NULL, its hour and minute.  Returns 0, or -1 if
 * at_utc is not such a time.
 */
int	reminder_local_time(const char *at_utc, struct date *day, int *hour,
	    int *min);
/* Write at_utc as local "ДД.ММ.ГГГГ ЧЧ:ММ" into buf (REMINDER_TIME_BUFSZ);
 * an unreadable time is copied as it is, cut to fit.  Returns buf. */
char	*reminder_format_time(const char *at_utc, char *buf);
/*
 * The UTC time at which local day d begins, as the change log writes
 * times, into buf (REMINDER_UTC_BUFSZ): the bound for filtering the log
 * by local days.  Returns 0, or -1 if the time is not representable.
 */
int	reminder_day_start_utc(struct date d, char *buf);

#endif
