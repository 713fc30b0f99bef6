/* reminder.c - the deadlines of п. 5.3-5.4 and their Russian wording. */
#include "reminder.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void
reminder_facts_init(struct reminder_facts *f)
{
	memset(f, 0, sizeof *f);
	f->order_no = xstrdup("");
}

void
reminder_facts_fini(struct reminder_facts *f)
{
	free(f->order_no);
	memset(f, 0, sizeof *f);
}

size_t
reminder_pending(const struct reminder_facts *f)
{
	size_t n = 0;

	for (int t = 0; t < TRIGGER_COUNT; t++)
		if (trigger_requires_actualisation((enum trigger)t))
			n += f->count[t];
	return n;
}

static void reminder_left(const struct reminder_deadline *d,
    struct buf *out);
static void reminder_missed_by(long working, long days, struct buf *out);

/* Add src's flags to dst, keeping the first year each flag met. */
static void
reminder_note_merge(struct calendar_note *dst, const struct calendar_note *src)
{
	if (src->approximate && !dst->approximate) {
		dst->approximate = true;
		dst->uncovered_year = src->uncovered_year;
	}
	if (src->provisional && !dst->provisional) {
		dst->provisional = true;
		dst->provisional_year = src->provisional_year;
	}
}

/* The period of п. 5.4 from the day after from, and today against it. */
static int
reminder_deadline(const struct calendar *cal, struct date from,
    struct date today, struct reminder_deadline *d, struct error *err)
{
	struct calendar_note left_note;

	memset(d, 0, sizeof *d);
	d->from = from;
	if (calendar_add_working_days(cal, from, REMINDER_WORKING_DAYS,
	    &d->due, &d->note, err) != 0)
		return -1;
	if (date_cmp(today, d->due) > 0) {
		d->overdue = true;
		d->left = date_diff(d->due, today);
		return 0;
	}
	d->left = calendar_working_days_between(cal, today, d->due,
	    &left_note);
	reminder_note_merge(&d->note, &left_note);
	return 0;
}

/* The later of two days. */
static struct date
reminder_later(struct date a, struct date b)
{
	return date_cmp(a, b) >= 0 ? a : b;
}

int
reminder_cycle_judge(const struct calendar *cal, struct date start,
    const struct date *due, struct date approved,
    const struct date *published, struct date today,
    struct reminder_cycle *c, struct error *err)
{
	struct calendar_note note;

	memset(c, 0, sizeof *c);
	if (reminder_deadline(cal, start, today, &c->by, err) != 0)
		return -1;
	if (due != NULL && date_cmp(*due, c->by.due) != 0) {
		/* The deadline recorded at approval stands, even if the
		 * calendar has changed since. */
		c->by.due = *due;
		calendar_note_clear(&c->by.note);
		c->by.overdue = date_cmp(today, *due) > 0;
		c->by.left = c->by.overdue ? date_diff(*due, today) :
		    calendar_working_days_between(cal, today, *due,
		    &c->by.note);
	}
	c->approved = approved;
	c->published = published != NULL;
	if (published != NULL) {
		c->published_date = *published;
		c->late_on = reminder_later(approved, *published);
	} else {
		c->late_on = reminder_later(approved, today);
	}
	c->late = date_cmp(c->late_on, c->by.due) > 0;
	if (c->late) {
		c->late_days = date_diff(c->by.due, c->late_on);
		c->late_working = calendar_working_days_between(cal, c->by.due,
		    c->late_on, &note);
		reminder_note_merge(&c->by.note, &note);
	}
	return 0;
}

/* "пропущен на 2 раб. дн." (calendar days when only days off passed). */
static void
reminder_missed_by(long working, long days, struct buf *out)
{
	if (working > 0)
		buf_printf(out, "пропущен на %ld раб. дн.", working);
	else
		buf_printf(out, "пропущен на %ld кал. дн. (нерабочих)", days);
}

/* "срок актуализации 14.01.2025 пропущен на 2 раб. дн." */
static void
reminder_cycle_missed(const struct reminder_cycle *c, struct buf *out)
{
	char due[DATE_BUFSZ];

	buf_printf(out, "срок актуализации %s ", date_format(c->by.due, due));
	reminder_missed_by(c->late_working, c->late_days, out);
}

void
reminder_cycle_describe(const struct reminder_cycle *c, struct buf *out)
{
	char from[DATE_BUFSZ], due[DATE_BUFSZ], ord[DATE_BUFSZ],
	    pub[DATE_BUFSZ];

	date_format(c->by.from, from);
	date_format(c->by.due, due);
	date_format(c->approved, ord);
	if (c->published)
		date_format(c->published_date, pub);
	if (c->late && !c->published) {
		buf_printf(out, "ПРОСРОЧЕНО: актуализация по изменениям с %s "
		    "(п. 5.3) не завершена: ", from);
		reminder_cycle_missed(c, out);
		buf_printf(out, " (приказ от %s, на сайте не размещена).", ord);
	} else if (c->late) {
		buf_printf(out, "Актуализация по изменениям с %s (п. 5.3) "
		    "проведена с опозданием: ", from);
		reminder_cycle_missed(c, out);
		buf_printf(out, " (приказ от %s, размещена на сайте %s).", ord,
		    pub);
	} else if (c->published) {
		buf_printf(out, "Актуализация по изменениям с %s (п. 5.3): "
		    "срок актуализации %s соблюдён (приказ от %s, размещена "
		    "на сайте %s).", from, due, ord, pub);
	} else {
		buf_printf(out, "Актуализация по изменениям с %s (п. 5.3): "
		    "приказ от %s; разместить на сайте нужно не позже %s "
		    "(срок актуализации, п. 5.4); ", from, ord, due);
		reminder_left(&c->by, out);
		buf_putc(out, '.');
	}
}

/* The publication against its own deadline (the literal п. 5.4): the
 * 10th working day after the order. */
static int
reminder_published(const struct reminder_facts *f, const struct calendar *cal,
    struct reminder *r, struct error *err)
{
	struct calendar_note note;

	if (reminder_deadline(cal, f->order_date, f->published_date,
	    &r->published_by, err) != 0)
		return -1;
	if (r->published_by.overdue) {
		r->published_late = calendar_working_days_between(cal,
		    r->published_by.due, f->published_date, &note);
		reminder_note_merge(&r->published_by.note, &note);
	}
	return 0;
}

/* The cycle the latest revision closed, judged as of today. */
static int
reminder_compute_cycle(const struct reminder_facts *f, struct date today,
    const struct calendar *cal, struct reminder *r, struct error *err)
{
	if (!f->cycle)
		return 0;
	r->closed = true;
	return reminder_cycle_judge(cal, f->cycle_start, f->cycle_due_known ?
	    &f->cycle_due : NULL, f->order_date, f->published ?
	    &f->published_date : NULL, today, &r->cycle, err);
}

int
reminder_compute(const struct reminder_facts *f, struct date today,
    const struct calendar *cal, struct reminder *r, struct error *err)
{
	memset(r, 0, sizeof *r);
	r->today = today;
	if (!f->approved) {
		r->never_approved = true;
		r->level = REMINDER_DUE;
		return 0;
	}
	r->revision = f->revision;
	if (reminder_pending(f) > 0) {
		r->actualise = true;
		if (reminder_deadline(cal, f->first_change, today,
		    &r->actualise_by, err) != 0)
			return -1;
	}
	if (!f->published) {
		r->unpublished = true;
		if (reminder_deadline(cal, f->order_date, today, &r->publish_by,
		    err) != 0)
			return -1;
	} else if (reminder_published(f, cal, r, err) != 0) {
		return -1;
	}
	if (reminder_compute_cycle(f, today, cal, r, err) != 0)
		return -1;
	if ((r->actualise && r->actualise_by.overdue) ||
	    (r->unpublished && r->publish_by.overdue) ||
	    (r->closed && r->cycle.late && !r->cycle.published))
		r->level = REMINDER_OVERDUE;
	else if (r->actualise || r->unpublished)
		r->level = REMINDER_DUE;
	else
		r->level = REMINDER_NOTHING;
	return 0;
}

/* Push a formatted line onto lines. */
static void PRINTF_LIKE(2, 3)
reminder_line(struct strvec *lines, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	strvec_push_owned(lines, buf_detach(&b));
}

/* "осталось рабочих дней: 6" or, past the deadline, the days since. */
static void
reminder_left(const struct reminder_deadline *d, struct buf *out)
{
	if (d->overdue)
		buf_printf(out, "просрочено дней: %ld", d->left);
	else if (d->left == 0)
		buf_puts(out, "срок истекает сегодня");
	else
		buf_printf(out, "осталось рабочих дней: %ld", d->left);
}

/* The revision in force: its order and whether it is online. */
static void
reminder_format_revision(const struct reminder *r,
    const struct reminder_facts *f, struct strvec *lines)
{
	const struct reminder_deadline *d = &r->published_by;
	char od[DATE_BUFSZ], pd[DATE_BUFSZ], due[DATE_BUFSZ];
	struct buf b;

	date_format(f->order_date, od);
	date_format(d->due, due);
	if (f->published) {
		buf_init(&b);
		buf_printf(&b, "Утверждённая редакция перечня %lld: приказ от "
		    "%s № %s, размещена на сайте %s (срок размещения %s ",
		    (long long)f->revision, od, f->order_no,
		    date_format(f->published_date, pd), due);
		if (d->overdue)
			reminder_missed_by(r->published_late,
			    date_diff(d->due, f->published_date), &b);
		else
			buf_puts(&b, "соблюдён");
		buf_puts(&b, ", п. 5.4).");
		strvec_push_owned(lines, buf_detach(&b));
	}
	else
		reminder_line(lines, "Утверждённая редакция перечня %lld: "
		    "приказ от %s № %s, на сайте не размещена.",
		    (long long)f->revision, od, f->order_no);
}

/* A line per trigger of п. 5.3 with its count. */
static void
reminder_format_counts(const struct reminder_facts *f, struct strvec *lines)
{
	for (int t = 0; t < TRIGGER_COUNT; t++) {
		const char *title = trigger_title((enum trigger)t);
		const char *code = trigger_code((enum trigger)t);

		if (!trigger_requires_actualisation((enum trigger)t) ||
		    f->count[t] == 0)
			continue;
		if (strstr(title, code) != NULL)
			reminder_line(lines, "  %s: %zu", title, f->count[t]);
		else
			reminder_line(lines, "  %s (%s): %zu", title, code,
			    f->count[t]);
	}
}

/* (a): what changed under п. 5.3 and by when the list must follow. */
static void
reminder_format_actualise(const struct reminder *r,
    const struct reminder_facts *f, struct strvec *lines)
{
	const struct reminder_deadline *d = &r->actualise_by;
	char first[DATE_BUFSZ], due[DATE_BUFSZ];
	struct buf b;

	reminder_line(lines, "%s актуализация перечня (п. 5.3): после "
	    "утверждения редакции %lld внесено изменений: %zu, первое — %s.",
	    d->overdue ? "ПРОСРОЧЕНО: требуется" : "Требуется",
	    (long long)f->revision,
	    reminder_pending(f), date_format(f->first_change, first));
	reminder_format_counts(f, lines);
	buf_init(&b);
	buf_printf(&b, "  Срок утверждения и размещения актуальной редакции "
	    "(п. 5.4) %s %s (%d рабочих дней со дня первого изменения); ",
	    d->overdue ? "истёк" : "—", date_format(d->due, due),
	    REMINDER_WORKING_DAYS);
	reminder_left(d, &b);
	buf_putc(&b, '.');
	strvec_push_owned(lines, buf_detach(&b));
}

/* (b): the approved revision still awaiting the website. */
static void
reminder_format_unpublished(const struct reminder *r, struct strvec *lines)
{
	const struct reminder_deadline *d = &r->publish_by;
	char due[DATE_BUFSZ];
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s %lld не размещена на сайте (п. 5.2): срок "
	    "%s %s, %d-й рабочий день после даты приказа (п. 5.4); ",
	    d->overdue ? "ПРОСРОЧЕНО: редакция" : "Редакция",
	    (long long)r->revision,
	    d->overdue ? "истёк" : "—", date_format(d->due, due),
	    REMINDER_WORKING_DAYS);
	reminder_left(d, &b);
	buf_putc(&b, '.');
	strvec_push_owned(lines, buf_detach(&b));
}

/* True if the calendar has a reservation about the result. */
static bool
reminder_note_flagged(const struct calendar_note *n)
{
	return n->approximate || n->provisional;
}

/* True if two notes would be worded the same. */
static bool
reminder_note_same(const struct calendar_note *a, const struct calendar_note *b)
{
	return a->approximate == b->approximate &&
	    (!a->approximate || a->uncovered_year == b->uncovered_year) &&
	    a->provisional == b->provisional &&
	    (!a->provisional || a->provisional_year == b->provisional_year);
}

/* The calendar's reservations about a deadline: never hidden. */
static void
reminder_format_note(const struct calendar *cal,
    const struct reminder_deadline *d, struct strvec *lines)
{
	char due[DATE_BUFSZ];
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "Примечание к сроку %s: ", date_format(d->due, due));
	calendar_note_describe(cal, &d->note, &b);
	if (d->note.approximate)
		buf_printf(&b, "; чтобы считать точно, добавьте %d год в "
		    "производственный календарь (perechen calendar --help)",
		    d->note.uncovered_year);
	buf_putc(&b, '.');
	strvec_push_owned(lines, buf_detach(&b));
}

void
reminder_format(const struct reminder *r, const struct reminder_facts *f,
    const struct calendar *cal, struct strvec *lines)
{
	const struct reminder_deadline *ds[4];
	size_t n = 0;

	if (r->never_approved) {
		reminder_line(lines, "Перечень не утверждён: утвердите его "
		    "приказом (п. 5.1) и разместите на сайте (п. 5.2).");
		if (reminder_pending(f) > 0) {
			reminder_line(lines, "До утверждения внесено "
			    "изменений: %zu:", reminder_pending(f));
			reminder_format_counts(f, lines);
		}
		return;
	}
	reminder_format_revision(r, f, lines);
	if (r->closed) {
		struct buf b;

		buf_init(&b);
		reminder_cycle_describe(&r->cycle, &b);
		strvec_push_owned(lines, buf_detach(&b));
	}
	if (r->unpublished)
		reminder_format_unpublished(r, lines);
	if (r->actualise)
		reminder_format_actualise(r, f, lines);
	if (f->count[TRIGGER_EDIT] > 0)
		reminder_line(lines, "Редакционных правок после утверждения "
		    "(актуализации не требуют): %zu.", f->count[TRIGGER_EDIT]);
	if (r->level == REMINDER_NOTHING)
		reminder_line(lines, "Действий не требуется: изменений, "
		    "требующих актуализации (п. 5.3), после утверждения нет.");
	if (r->unpublished)
		ds[n++] = &r->publish_by;
	if (f->published)
		ds[n++] = &r->published_by;
	if (r->actualise)
		ds[n++] = &r->actualise_by;
	if (r->closed)
		ds[n++] = &r->cycle.by;
	for (size_t i = 0; i < n; i++) {
		bool said = false;

		for (size_t j = 0; j < i; j++)
			said = said || (reminder_note_flagged(&ds[j]->note) &&
			    reminder_note_same(&ds[j]->note, &ds[i]->note));
		if (reminder_note_flagged(&ds[i]->note) && !said)
			reminder_format_note(cal, ds[i], lines);
	}
}

void
reminder_counts_line(const size_t count[TRIGGER_COUNT], struct buf *out)
{
	bool any = false;

	for (int t = 0; t < TRIGGER_COUNT; t++) {
		if (t == TRIGGER_EDIT || count[t] == 0)
			continue;
		buf_printf(out, "%s%s — %zu", any ? ", " : "",
		    trigger_code((enum trigger)t), count[t]);
		any = true;
	}
	if (!any)
		buf_puts(out, "нет (изменения редакционные)");
	buf_printf(out, "; редакционных изменений: %zu", count[TRIGGER_EDIT]);
}

/* One deadline as a header: what, by when, how long is left. */
static void
reminder_headline_deadline(const char *what, const struct reminder_deadline *d,
    struct buf *out)
{
	char due[DATE_BUFSZ];

	date_format(d->due, due);
	if (d->overdue)
		buf_printf(out, "ПРОСРОЧЕНО: %s, срок истёк %s", what, due);
	else if (d->left == 0)
		buf_printf(out, "%s: срок сегодня, %s", what, due);
	else
		buf_printf(out, "%s: срок %s, осталось рабочих дней: %ld", what,
		    due, d->left);
	if (d->note.approximate)
		buf_puts(out, ", приблизительно");
}

/* Of actualisation (*a) and publication (*p), keep only the more urgent:
 * an overdue one, else the earlier deadline.  Either may be NULL. */
static void
reminder_urgent(const struct reminder *r, const struct reminder_deadline **a,
    const struct reminder_deadline **p)
{
	*a = r->actualise ? &r->actualise_by : NULL;
	*p = r->unpublished ? &r->publish_by : NULL;
	/* The cycle a revision closed ends only online: its deadline is the
	 * publication's too when it comes first. */
	if (r->closed && !r->cycle.published && *p != NULL &&
	    (date_cmp(r->cycle.by.due, (*p)->due) < 0 ||
	    r->cycle.by.overdue))
		*p = &r->cycle.by;
	/* A late actualisation still to be published is said as one. */
	if (*p == &r->cycle.by && (*p)->overdue) {
		if (*a == NULL || !(*a)->overdue ||
		    date_cmp((*p)->due, (*a)->due) < 0)
			*a = *p;
		*p = NULL;
	}
	if (*a != NULL && *p != NULL) {
		if ((*a)->overdue != (*p)->overdue ? (*p)->overdue :
		    date_cmp((*p)->due, (*a)->due) < 0)
			*a = NULL;
		else
			*p = NULL;
	}
}

void
reminder_headline(const struct reminder *r, struct buf *out)
{
	const struct reminder_deadline *a, *p;
	char *what;

	if (r->never_approved) {
		buf_puts(out, "Перечень не утверждён (п. 5.1)");
		return;
	}
	reminder_urgent(r, &a, &p);
	if (a != NULL)
		reminder_headline_deadline(a->overdue ? "актуализация перечня "
		    "(п. 5.3)" : "Требуется актуализация перечня (п. 5.3)", a,
		    out);
	else if (p != NULL) {
		what = xasprintf("%s редакции %lld на сайте",
		    p->overdue ? "размещение" : "Размещение",
		    (long long)r->revision);
		reminder_headline_deadline(what, p, out);
		free(what);
	}
}

void
reminder_headline_brief(const struct reminder *r,
    const struct reminder_facts *f, struct buf *out)
{
	const struct reminder_deadline *a, *p;
	char due[DATE_BUFSZ];

	if (r->never_approved) {
		buf_puts(out, "не утверждён (п. 5.1)");
		return;
	}
	reminder_urgent(r, &a, &p);
	if (a != NULL && a->overdue)
		buf_printf(out, "ПРОСРОЧЕНО: актуализация (п. 5.3), срок был %s",
		    date_format(a->due, due));
	else if (a != NULL)
		buf_printf(out, "Требуется актуализация (п. 5.3): %zu изм., "
		    "срок %s", reminder_pending(f), date_format(a->due, due));
	else if (p != NULL && p->overdue)
		buf_printf(out, "ПРОСРОЧЕНО: размещение на сайте, срок был %s",
		    date_format(p->due, due));
	else if (p != NULL)
		buf_printf(out, "Не на сайте: срок %s", date_format(p->due,
		    due));
	else
		return;
	if ((a != NULL ? a : p)->note.approximate)
		buf_puts(out, " (прибл.)");
}

/* Parse "ГГГГ-ММ-ДДTЧЧ:ММ:ССZ" exactly into seconds since the epoch. */
static int
reminder_parse_utc(const char *s, time_t *out)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	int y, mo, d, h, mi, sec;

	if (strlen(s) != sizeof shape - 1)
		return -1;
	for (size_t i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' :
		    s[i] != shape[i])
			return -1;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi,
	    &sec) != 6 || !date_valid(y, mo, d) || h > 23 || mi > 59 ||
	    sec > 60)
		return -1;
	*out = (time_t)date_to_days((struct date){ y, mo, d }) * 86400 +
	    h * 3600 + mi * 60 + sec;
	return 0;
}

int
reminder_local_time(const char *at_utc, struct date *day, int *hour,
    int *min)
{
	struct tm tm;
	time_t t;

	if (reminder_parse_utc(at_utc, &t) != 0 ||
	    localtime_r(&t, &tm) == NULL ||
	    !date_valid(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return -1;
	day->y = tm.tm_year + 1900;
	day->m = tm.tm_mon + 1;
	day->d = tm.tm_mday;
	if (hour != NULL)
		*hour = tm.tm_hour;
	if (min != NULL)
		*min = tm.tm_min;
	return 0;
}

char *
reminder_format_time(const char *at_utc, char *buf)
{
	char day[DATE_BUFSZ];
	struct date d;
	int h, m;

	if (reminder_local_time(at_utc, &d, &h, &m) != 0) {
		snprintf(buf, REMINDER_TIME_BUFSZ, "%s", at_utc);
		return buf;
	}
	snprintf(buf, REMINDER_TIME_BUFSZ, "%s %02d:%02d", date_format(d, day),
	    h % 100, m % 100);
	return buf;
}

int
reminder_day_start_utc(struct date d, char *buf)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    tm.tm_year + 1900 < DATE_YEAR_MIN ||
	    tm.tm_year + 1900 > DATE_YEAR_MAX ||
	    strftime(buf, REMINDER_UTC_BUFSZ, "%Y-%m-%dT%H:%M:%SZ", &tm) !=
	    REMINDER_UTC_BUFSZ - 1)
		return -1;
	return 0;
}
