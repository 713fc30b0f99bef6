/* test_reminder.c - the reminder of п. 5.3-5.4: states, deadlines, wording. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../date_assert.h"
#include "reminder.h"

static struct calendar shipped;

/* The directory the shipped calendar lives in (tests run from the top). */
static const char *
share_dir(void)
{
	const char *env = getenv("PERECHEN_SHARE");

	return env != NULL && env[0] != '\0' ? env : "share/perechen";
}

/* Facts of revision 1 approved by order 27/01-01 of order_date. */
static void
facts_approved(struct reminder_facts *f, const char *order_date,
    const char *published)
{
	reminder_facts_init(f);
	f->approved = true;
	f->revision = 1;
	free(f->order_no);
	f->order_no = xstrdup("27/01-01");
	f->order_date = day(order_date);
	if (published != NULL) {
		f->published = true;
		f->published_date = day(published);
	}
}

/* Compute r for today, failing the test on error. */
static void
compute(const struct reminder_facts *f, const char *today, struct reminder *r)
{
	struct error err;

	if (reminder_compute(f, day(today), &shipped, r, &err) != 0)
		fail_msg("reminder_compute: %s", err.msg);
}

/* The full wording as one text, a line per line. */
static char *
wording(const struct reminder *r, const struct reminder_facts *f)
{
	struct strvec lines;
	struct buf b;

	strvec_init(&lines);
	buf_init(&b);
	reminder_format(r, f, &shipped, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		assert_null(strchr(lines.v[i], '\n'));
		buf_printf(&b, "%s\n", lines.v[i]);
	}
	strvec_fini(&lines);
	return buf_detach(&b);
}

static char *
headline(const struct reminder *r)
{
	struct buf b;

	buf_init(&b);
	reminder_headline(r, &b);
	return buf_detach(&b);
}

static void
assert_has(const char *text, const char *want)
{
	if (strstr(text, want) == NULL)
		fail_msg("«%s» not in:\n%s", want, text);
}

static void
assert_lacks(const char *text, const char *unwanted)
{
	if (strstr(text, unwanted) != NULL)
		fail_msg("«%s» unexpectedly in:\n%s", unwanted, text);
}

static size_t
occurrences(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, what)) != NULL; p++)
		n++;
	return n;
}

static void
test_never_approved_is_due(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	reminder_facts_init(&f);
	f.count[TRIGGER_IMPORT] = 1;
	f.count[TRIGGER_NEW] = 2;
	f.count[TRIGGER_EDIT] = 5;
	f.first_change = day("01.03.2024");
	compute(&f, "25.03.2024", &r);
	assert_int_equal(r.level, REMINDER_DUE);
	assert_true(r.never_approved);
	assert_false(r.actualise);
	assert_false(r.unpublished);
	text = wording(&r, &f);
	assert_has(text, "Перечень не утверждён");
	assert_has(text, "п. 5.1");
	/* What the first revision will take in, without a deadline. */
	assert_has(text, "До утверждения внесено изменений: 3:\n");
	assert_has(text, "  появление новой точки взаимодействия (п. 5.3.1): "
	    "2\n");
	assert_has(text, "  загрузка перечня из файла (импорт): 1\n");
	assert_lacks(text, "Срок");
	assert_lacks(text, "Редакционных");
	head = headline(&r);
	assert_string_equal(head, "Перечень не утверждён (п. 5.1)");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

static void
test_published_without_changes_needs_nothing(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "19.03.2024", "01.04.2024");
	compute(&f, "03.04.2024", &r);
	assert_int_equal(r.level, REMINDER_NOTHING);
	assert_false(r.actualise);
	assert_false(r.unpublished);
	text = wording(&r, &f);
	assert_has(text, "Утверждённая редакция перечня 1: приказ от "
	    "19.03.2024 № 27/01-01, размещена на сайте 01.04.2024 (срок размещения 02.04.2024 "
	    "соблюдён, п. 5.4).");
	assert_has(text, "Действий не требуется");
	assert_lacks(text, "ПРОСРОЧЕНО");
	assert_lacks(text, "Требуется");
	head = headline(&r);
	assert_string_equal(head, "");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

static void
test_editorial_changes_need_no_actualisation(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text;

	(void)state;
	facts_approved(&f, "19.03.2024", "01.04.2024");
	f.count[TRIGGER_EDIT] = 4;
	assert_int_equal(reminder_pending(&f), 0);
	compute(&f, "10.04.2024", &r);
	assert_int_equal(r.level, REMINDER_NOTHING);
	text = wording(&r, &f);
	assert_has(text, "Редакционных правок после утверждения (актуализации "
	    "не требуют): 4.");
	assert_lacks(text, "Требуется актуализация");
	free(text);
	reminder_facts_fini(&f);
}

/* Order of Tue 19.03.2024: the 10th working day after it is 02.04.2024. */
static void
test_unpublished_deadline_and_days_left(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "19.03.2024", NULL);
	compute(&f, "25.03.2024", &r);
	assert_int_equal(r.level, REMINDER_DUE);
	assert_true(r.unpublished);
	assert_false(r.actualise);
	assert_date(r.publish_by.from, "19.03.2024");
	assert_date(r.publish_by.due, "02.04.2024");
	assert_false(r.publish_by.overdue);
	/* 26, 27, 28, 29 March, 1 and 2 April. */
	assert_int_equal(r.publish_by.left, 6);
	text = wording(&r, &f);
	assert_has(text, "на сайте не размещена.");
	assert_has(text, "Редакция 1 не размещена на сайте (п. 5.2): срок — "
	    "02.04.2024, 10-й рабочий день после даты приказа (п. 5.4); "
	    "осталось рабочих дней: 6.");
	assert_lacks(text, "ПРОСРОЧЕНО");
	assert_lacks(text, "Примечание");
	head = headline(&r);
	assert_string_equal(head, "Размещение редакции 1 на сайте: срок "
	    "02.04.2024, осталось рабочих дней: 6");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

static void
test_deadline_day_itself_is_still_due(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text;

	(void)state;
	facts_approved(&f, "19.03.2024", NULL);
	compute(&f, "02.04.2024", &r);
	assert_int_equal(r.level, REMINDER_DUE);
	assert_int_equal(r.publish_by.left, 0);
	text = wording(&r, &f);
	assert_has(text, "срок истекает сегодня");
	free(text);
	reminder_facts_fini(&f);
}

static void
test_unpublished_after_deadline_is_overdue(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "19.03.2024", NULL);
	compute(&f, "03.04.2024", &r);
	assert_int_equal(r.level, REMINDER_OVERDUE);
	assert_true(r.publish_by.overdue);
	assert_int_equal(r.publish_by.left, 1);
	text = wording(&r, &f);
	assert_has(text, "ПРОСРОЧЕНО: редакция 1 не размещена на сайте "
	    "(п. 5.2): срок истёк 02.04.2024");
	assert_has(text, "просрочено дней: 1.");
	head = headline(&r);
	assert_string_equal(head, "ПРОСРОЧЕНО: размещение редакции 1 на сайте, "
	    "срок истёк 02.04.2024");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

/* Publishing ends the reminder even when it was late. */
static void
test_late_publication_clears_overdue(void **state)
{
	struct reminder_facts f;
	struct reminder r;

	char *text;

	(void)state;
	facts_approved(&f, "19.03.2024", "10.04.2024");
	compute(&f, "11.04.2024", &r);
	assert_int_equal(r.level, REMINDER_NOTHING);
	/* Nothing is due, but the lateness stays on record: 3-5, 8-10
	 * April after the deadline of 02.04.2024. */
	assert_int_equal(r.published_late, 6);
	text = wording(&r, &f);
	assert_has(text, "размещена на сайте 10.04.2024 (срок размещения "
	    "02.04.2024 пропущен на 6 раб. дн., п. 5.4).");
	free(text);
	reminder_facts_fini(&f);
}

static void
test_changes_since_approval_need_actualising(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "19.03.2024", "01.04.2024");
	f.count[TRIGGER_NEW] = 1;
	f.count[TRIGGER_NEEDS] = 2;
	f.count[TRIGGER_EXCLUDED] = 1;
	f.count[TRIGGER_EDIT] = 3;
	f.first_change = day("20.03.2024");
	assert_int_equal(reminder_pending(&f), 4);
	compute(&f, "25.03.2024", &r);
	assert_int_equal(r.level, REMINDER_DUE);
	assert_true(r.actualise);
	assert_false(r.unpublished);
	assert_date(r.actualise_by.due, "03.04.2024");
	assert_int_equal(r.actualise_by.left, 7);
	text = wording(&r, &f);
	assert_has(text, "Требуется актуализация перечня (п. 5.3): после "
	    "утверждения редакции 1 внесено изменений: 4, первое — "
	    "20.03.2024.");
	assert_has(text, "  появление новой точки взаимодействия (п. 5.3.1): "
	    "1\n");
	assert_has(text, "  изменение удовлетворяемых потребностей (п. 5.3.3): "
	    "2\n");
	assert_has(text, "  исключение точки взаимодействия (п. 5.3.4): 1\n");
	assert_lacks(text, "5.3.2");
	assert_has(text, "(п. 5.4) — 03.04.2024 (10 рабочих дней со дня "
	    "первого изменения); осталось рабочих дней: 7.");
	assert_has(text, "(актуализации не требуют): 3.");
	head = headline(&r);
	assert_string_equal(head, "Требуется актуализация перечня (п. 5.3): "
	    "срок 03.04.2024, осталось рабочих дней: 7");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

static void
test_import_counts_as_actualisation(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text;

	(void)state;
	facts_approved(&f, "19.03.2024", "01.04.2024");
	f.count[TRIGGER_IMPORT] = 1;
	f.first_change = day("02.04.2024");
	compute(&f, "03.04.2024", &r);
	assert_int_equal(r.level, REMINDER_DUE);
	text = wording(&r, &f);
	assert_has(text, "  загрузка перечня из файла (импорт): 1\n");
	free(text);
	reminder_facts_fini(&f);
}

static void
test_changes_overdue(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "19.03.2024", "01.04.2024");
	f.count[TRIGGER_KIND] = 1;
	f.first_change = day("20.03.2024");
	compute(&f, "05.04.2024", &r);
	assert_int_equal(r.level, REMINDER_OVERDUE);
	assert_true(r.actualise_by.overdue);
	assert_int_equal(r.actualise_by.left, 2);
	text = wording(&r, &f);
	assert_has(text, "ПРОСРОЧЕНО: требуется актуализация перечня (п. 5.3)");
	assert_has(text, "изменение вида точки взаимодействия (п. 5.3.2): 1");
	assert_has(text, "истёк 03.04.2024");
	assert_has(text, "просрочено дней: 2.");
	head = headline(&r);
	assert_string_equal(head, "ПРОСРОЧЕНО: актуализация перечня (п. 5.3), "
	    "срок истёк 03.04.2024");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

/*
 * 29-30.04, 01.05, 09-10.05.2024 were days off and Sat 27.04 a working
 * day: ten working days from Fri 26.04.2024 end on 16.05.2024.
 */
static void
test_deadline_over_transferred_days_off(void **state)
{
	struct reminder_facts f;
	struct reminder r;

	(void)state;
	facts_approved(&f, "26.04.2024", NULL);
	f.count[TRIGGER_NEW] = 1;
	f.first_change = day("26.04.2024");
	compute(&f, "26.04.2024", &r);
	assert_date(r.publish_by.due, "16.05.2024");
	assert_date(r.actualise_by.due, "16.05.2024");
	assert_int_equal(r.publish_by.left, 10);
	/* From Sat 27.04 (worked) the days left are 29.04-16.05 less 1. */
	compute(&f, "27.04.2024", &r);
	assert_int_equal(r.publish_by.left, 9);
	/* Tue 30.04 is a day off: still 9 working days after it. */
	compute(&f, "30.04.2024", &r);
	assert_int_equal(r.publish_by.left, 9);
	assert_false(r.publish_by.note.approximate);
	assert_false(r.publish_by.note.provisional);
	reminder_facts_fini(&f);
}

/* Both due: the more urgent (overdue) one heads the header line. */
static void
test_both_due_headline_takes_overdue(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "19.03.2024", NULL);
	f.count[TRIGGER_NEEDS] = 1;
	f.first_change = day("01.04.2024");
	compute(&f, "04.04.2024", &r);
	assert_int_equal(r.level, REMINDER_OVERDUE);
	assert_true(r.publish_by.overdue);
	assert_false(r.actualise_by.overdue);
	text = wording(&r, &f);
	assert_has(text, "ПРОСРОЧЕНО: редакция 1");
	assert_has(text, "Требуется актуализация");
	head = headline(&r);
	assert_has(head, "ПРОСРОЧЕНО: размещение редакции 1");
	free(text);
	free(head);
	/* Neither overdue: the earlier deadline. */
	compute(&f, "25.03.2024", &r);
	assert_int_equal(r.level, REMINDER_DUE);
	head = headline(&r);
	assert_has(head, "Размещение редакции 1 на сайте: срок 02.04.2024");
	free(head);
	reminder_facts_fini(&f);
}

static char *
brief(const struct reminder *r, const struct reminder_facts *f)
{
	struct buf b;

	buf_init(&b);
	reminder_headline_brief(r, f, &b);
	return buf_detach(&b);
}

/* The brief header line: the same choice in fewer words. */
static void
test_brief_headline(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *head;

	(void)state;
	facts_approved(&f, "19.03.2024", "01.04.2024");
	compute(&f, "25.03.2024", &r);
	head = brief(&r, &f);
	assert_string_equal(head, "");
	free(head);
	f.count[TRIGGER_NEEDS] = 2;
	f.count[TRIGGER_NEW] = 1;
	f.count[TRIGGER_EDIT] = 4;
	f.first_change = day("19.03.2024");
	compute(&f, "25.03.2024", &r);
	head = brief(&r, &f);
	assert_string_equal(head, "Требуется актуализация (п. 5.3): 3 изм., "
	    "срок 02.04.2024");
	free(head);
	compute(&f, "03.04.2024", &r);
	head = brief(&r, &f);
	assert_string_equal(head, "ПРОСРОЧЕНО: актуализация (п. 5.3), срок "
	    "был 02.04.2024");
	free(head);
	reminder_facts_fini(&f);
	facts_approved(&f, "19.03.2024", NULL);
	compute(&f, "25.03.2024", &r);
	head = brief(&r, &f);
	assert_string_equal(head, "Не на сайте: срок 02.04.2024");
	free(head);
	compute(&f, "03.04.2024", &r);
	head = brief(&r, &f);
	assert_string_equal(head, "ПРОСРОЧЕНО: размещение на сайте, срок был "
	    "02.04.2024");
	free(head);
	reminder_facts_fini(&f);
	reminder_facts_init(&f);
	compute(&f, "25.03.2024", &r);
	head = brief(&r, &f);
	assert_string_equal(head, "не утверждён (п. 5.1)");
	free(head);
	reminder_facts_fini(&f);
}

/* 2028 is not in the shipped calendar: the deadline says so. */
static void
test_uncovered_year_is_noted(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "20.12.2028", NULL);
	f.count[TRIGGER_NEW] = 1;
	f.first_change = day("20.12.2028");
	compute(&f, "21.12.2028", &r);
	assert_true(r.publish_by.note.approximate);
	assert_int_equal(r.publish_by.note.uncovered_year, 2028);
	/* Mon-Fri alone: 21, 22, 25-29 Dec, then 2029: 1-3 Jan. */
	assert_date(r.publish_by.due, "03.01.2029");
	text = wording(&r, &f);
	assert_has(text, "Примечание к сроку 03.01.2029: приблизительно: год "
	    "2028 не входит в календарь");
	assert_has(text, "добавьте 2028 год в производственный календарь");
	/* The same reservation about both deadlines is said once. */
	assert_int_equal(occurrences(text, "Примечание"), 1);
	head = headline(&r);
	assert_has(head, ", приблизительно");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

/* A covered deadline but today in an uncovered year: the count of days
 * left is approximate and says so. */
static void
test_days_left_from_uncovered_year_are_noted(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text;

	(void)state;
	facts_approved(&f, "19.03.2024", NULL);
	compute(&f, "30.12.2023", &r);
	assert_true(r.publish_by.note.approximate);
	assert_int_equal(r.publish_by.note.uncovered_year, 2023);
	text = wording(&r, &f);
	assert_has(text, "Примечание к сроку 02.04.2024");
	assert_has(text, "год 2023 не входит в календарь");
	free(text);
	reminder_facts_fini(&f);
}

static void
test_provisional_year_is_noted(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	facts_approved(&f, "01.02.2027", NULL);
	compute(&f, "02.02.2027", &r);
	assert_true(r.publish_by.note.provisional);
	assert_false(r.publish_by.note.approximate);
	text = wording(&r, &f);
	assert_has(text, "календарь на 2027 год предварительный");
	head = headline(&r);
	assert_lacks(head, "приблизительно");
	free(text);
	free(head);
	reminder_facts_fini(&f);
}

static void
test_deadline_past_year_9999_fails(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	struct error err;

	(void)state;
	facts_approved(&f, "30.12.9999", NULL);
	assert_int_equal(reminder_compute(&f, day("30.12.9999"), &shipped, &r,
	    &err), -1);
	assert_true(err.msg[0] != '\0');
	reminder_facts_fini(&f);
}

/* Moscow time, UTC+3 all year: no tz database needed for "MSK-3". */
static void
set_moscow(void)
{
	setenv("TZ", "MSK-3", 1);
	tzset();
}

static void
test_local_time_of_log_entry(void **state)
{
	char buf[REMINDER_TIME_BUFSZ];
	struct date d;
	int h, m;

	(void)state;
	set_moscow();
	assert_int_equal(reminder_local_time("2024-03-19T21:30:00Z", &d, &h,
	    &m), 0);
	assert_date(d, "20.03.2024");
	assert_int_equal(h, 0);
	assert_int_equal(m, 30);
	assert_string_equal(reminder_format_time("2024-03-19T08:05:59Z", buf),
	    "19.03.2024 11:05");
	assert_string_equal(reminder_format_time("2024-12-31T22:00:00Z", buf),
	    "01.01.2025 01:00");
}

static void
test_local_time_rejects_other_shapes(void **state)
{
	char buf[REMINDER_TIME_BUFSZ];
	struct date d;

	(void)state;
	assert_int_equal(reminder_local_time("2024-03-19 21:30:00", &d, NULL,
	    NULL), -1);
	assert_int_equal(reminder_local_time("2024-02-30T10:00:00Z", &d, NULL,
	    NULL), -1);
	assert_int_equal(reminder_local_time("2024-03-19T24:00:00Z", &d, NULL,
	    NULL), -1);
	assert_int_equal(reminder_local_time("", &d, NULL, NULL), -1);
	assert_string_equal(reminder_format_time("вчера", buf), "вчера");
	assert_string_equal(reminder_format_time(
	    "0123456789012345678901234567", buf), "0123456789012345");
}

static void
test_local_day_start_in_utc(void **state)
{
	char buf[REMINDER_UTC_BUFSZ];
	struct date d;

	(void)state;
	set_moscow();
	assert_int_equal(reminder_day_start_utc(day("20.03.2024"), buf), 0);
	assert_string_equal(buf, "2024-03-19T21:00:00Z");
	/* The round trip: that instant is the local day's first minute. */
	assert_int_equal(reminder_local_time(buf, &d, NULL, NULL), 0);
	assert_date(d, "20.03.2024");
	setenv("TZ", "UTC0", 1);
	tzset();
	assert_int_equal(reminder_day_start_utc(day("01.01.2025"), buf), 0);
	assert_string_equal(buf, "2025-01-01T00:00:00Z");
}

/* Revision 2 by order of approved, closing a cycle whose deadline was
 * recorded as 14.01.2025 (published on published, or not yet). */
static void
facts_cycle(struct reminder_facts *f, const char *approved,
    const char *published)
{
	facts_approved(f, approved, published);
	f->revision = 2;
	f->cycle = true;
	f->cycle_start = day("25.12.2024");
	f->cycle_due_known = true;
	f->cycle_due = day("14.01.2025");
}

static void
test_late_approval_stays_late_until_published(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;
	struct buf b;

	(void)state;
	/* Approved on Thu 16.01.2025, two working days after the deadline:
	 * its own deadline to publish (30.01.2025) is far, but the cycle
	 * is overdue until the revision is online. */
	facts_cycle(&f, "16.01.2025", NULL);
	compute(&f, "16.01.2025", &r);
	assert_int_equal(r.level, REMINDER_OVERDUE);
	assert_true(r.closed);
	assert_true(r.cycle.late);
	assert_int_equal(r.cycle.late_working, 2);
	assert_date(r.publish_by.due, "30.01.2025");
	text = wording(&r, &f);
	assert_has(text, "ПРОСРОЧЕНО: актуализация по изменениям с "
	    "25.12.2024 (п. 5.3) не завершена: срок актуализации 14.01.2025 "
	    "пропущен на 2 раб. дн. (приказ от 16.01.2025, на сайте не "
	    "размещена).");
	assert_lacks(text, "соблюдён");
	head = headline(&r);
	assert_string_equal(head, "ПРОСРОЧЕНО: актуализация перечня (п. 5.3), "
	    "срок истёк 14.01.2025");
	free(head);
	free(text);
	buf_init(&b);
	reminder_headline_brief(&r, &f, &b);
	assert_string_equal(b.data, "ПРОСРОЧЕНО: актуализация (п. 5.3), срок "
	    "был 14.01.2025");
	buf_fini(&b);
	reminder_facts_fini(&f);
}

static void
test_late_publication_is_late_on_record(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text, *head;

	(void)state;
	/* Published on Mon 20.01.2025: four working days late (15, 16, 17,
	 * 20 January), and nothing is due any more. */
	facts_cycle(&f, "16.01.2025", "20.01.2025");
	compute(&f, "03.02.2025", &r);
	assert_int_equal(r.level, REMINDER_NOTHING);
	assert_int_equal(r.cycle.late_working, 4);
	text = wording(&r, &f);
	assert_has(text, "проведена с опозданием: срок актуализации "
	    "14.01.2025 пропущен на 4 раб. дн. (приказ от 16.01.2025, "
	    "размещена на сайте 20.01.2025).");
	assert_has(text, "Действий не требуется");
	assert_lacks(text, "срок актуализации 14.01.2025 соблюдён");
	/* The publication's own deadline is a fact of its own. */
	assert_has(text, "срок размещения 30.01.2025 соблюдён");
	head = headline(&r);
	assert_string_equal(head, "");
	free(head);
	free(text);
	reminder_facts_fini(&f);
}

static void
test_cycle_met_only_when_approved_and_published_by_deadline(void **state)
{
	struct reminder_facts f;
	struct reminder r;
	char *text;

	(void)state;
	facts_cycle(&f, "10.01.2025", "14.01.2025");
	compute(&f, "20.01.2025", &r);
	assert_false(r.cycle.late);
	text = wording(&r, &f);
	assert_has(text, "срок актуализации 14.01.2025 соблюдён (приказ от "
	    "10.01.2025, размещена на сайте 14.01.2025).");
	free(text);
	reminder_facts_fini(&f);
	/* Approved in time, published a day late: missed. */
	facts_cycle(&f, "10.01.2025", "15.01.2025");
	compute(&f, "20.01.2025", &r);
	assert_true(r.cycle.late);
	assert_int_equal(r.cycle.late_working, 1);
	reminder_facts_fini(&f);
	/* Approved in time, not yet online, deadline not yet passed. */
	facts_cycle(&f, "10.01.2025", NULL);
	compute(&f, "13.01.2025", &r);
	assert_int_equal(r.level, REMINDER_DUE);
	text = wording(&r, &f);
	assert_has(text, "разместить на сайте нужно не позже 14.01.2025 "
	    "(срок актуализации, п. 5.4); осталось рабочих дней: 1.");
	free(text);
	reminder_facts_fini(&f);
}

static void
test_cycle_late_over_days_off_only(void **state)
{
	struct reminder_cycle c;
	struct date due = day("17.01.2025"), pub = day("18.01.2025");
	struct error err;
	struct buf b;

	(void)state;
	/* Due on a Friday, online on the Saturday: late, though no working
	 * day passed - said in calendar days. */
	assert_int_equal(reminder_cycle_judge(&shipped, day("31.12.2024"),
	    &due, day("17.01.2025"), &pub, day("20.01.2025"), &c, &err), 0);
	assert_true(c.late);
	assert_int_equal(c.late_working, 0);
	assert_int_equal(c.late_days, 1);
	buf_init(&b);
	reminder_cycle_describe(&c, &b);
	assert_has(b.data, "пропущен на 1 кал. дн. (нерабочих)");
	buf_fini(&b);
}

static void
test_cycle_deadline_worked_out_when_not_recorded(void **state)
{
	struct reminder_facts f;
	struct reminder r;

	(void)state;
	facts_cycle(&f, "31.01.2025", "31.01.2025");
	f.cycle_due_known = false;
	f.cycle_start = day("17.01.2025");
	compute(&f, "03.02.2025", &r);
	/* Ten working days from Mon 20.01.2025. */
	assert_date(r.cycle.by.due, "31.01.2025");
	assert_false(r.cycle.late);
	reminder_facts_fini(&f);
}

static void
test_counts_line(void **state)
{
	size_t count[TRIGGER_COUNT] = { 0 };
	struct buf b;

	(void)state;
	buf_init(&b);
	reminder_counts_line(count, &b);
	assert_string_equal(b.data, "нет (изменения редакционные); "
	    "редакционных изменений: 0");
	buf_fini(&b);
	count[TRIGGER_KIND] = 1;
	count[TRIGGER_EXCLUDED] = 2;
	count[TRIGGER_EDIT] = 3;
	buf_init(&b);
	reminder_counts_line(count, &b);
	assert_string_equal(b.data, "5.3.2 — 1, 5.3.4 — 2; редакционных "
	    "изменений: 3");
	buf_fini(&b);
}

static int
load_shipped(void **state)
{
	struct error err;
	char *dir = xasprintf("%s/calendar", share_dir());

	(void)state;
	calendar_init(&shipped);
	if (calendar_load_dir(&shipped, dir, true, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		free(dir);
		return -1;
	}
	free(dir);
	return 0;
}

static int
free_shipped(void **state)
{
	(void)state;
	calendar_fini(&shipped);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_never_approved_is_due),
		cmocka_unit_test(test_published_without_changes_needs_nothing),
		cmocka_unit_test(test_editorial_changes_need_no_actualisation),
		cmocka_unit_test(test_unpublished_deadline_and_days_left),
		cmocka_unit_test(test_deadline_day_itself_is_still_due),
		cmocka_unit_test(test_unpublished_after_deadline_is_overdue),
		cmocka_unit_test(test_late_publication_clears_overdue),
		cmocka_unit_test(test_changes_since_approval_need_actualising),
		cmocka_unit_test(test_import_counts_as_actualisation),
		cmocka_unit_test(test_changes_overdue),
		cmocka_unit_test(test_deadline_over_transferred_days_off),
		cmocka_unit_test(test_both_due_headline_takes_overdue),
		cmocka_unit_test(test_brief_headline),
		cmocka_unit_test(test_uncovered_year_is_noted),
		cmocka_unit_test(test_days_left_from_uncovered_year_are_noted),
		cmocka_unit_test(test_provisional_year_is_noted),
		cmocka_unit_test(test_deadline_past_year_9999_fails),
		cmocka_unit_test(test_local_time_of_log_entry),
		cmocka_unit_test(test_local_time_rejects_other_shapes),
		cmocka_unit_test(test_local_day_start_in_utc),
		cmocka_unit_test(test_late_approval_stays_late_until_published),
		cmocka_unit_test(test_late_publication_is_late_on_record),
		cmocka_unit_test(
		    test_cycle_met_only_when_approved_and_published_by_deadline),
		cmocka_unit_test(test_cycle_late_over_days_off_only),
		cmocka_unit_test(test_cycle_deadline_worked_out_when_not_recorded),
		cmocka_unit_test(test_counts_line),
	};

	return cmocka_run_group_tests(tests, load_shipped, free_shipped);
}
