/*
 * cmd_publish.c - "perechen publish": record that an approved revision was
 * placed on the body's website (п. 5.2), and whether that was within the
 * 10 working days after the order (п. 5.4) and within the deadline of the
 * changes it approves (the cycle it closed: late stays late).
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "calendar.h"
#include "date.h"
#include "reminder.h"
#include "store_history.h"
#include "utf8.h"

/* The command's Russian help. */
static void
cmd_publish_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] publish --date ДАТА "
	    "[--url АДРЕС] [--revision N]\n"
	    "                  [--today ДАТА]\n"
	    "Отмечает, что утверждённая редакция перечня размещена на сайте\n"
	    "(п. 5.2), и говорит, уложились ли в сроки п. 5.4: размещения\n"
	    "(10-й рабочий день после даты приказа) и актуализации (10-й\n"
	    "рабочий день после первого изменения, которое редакция\n"
	    "утверждает; если он пропущен — на сколько рабочих дней).\n\n"
	    "  --date ДАТА      дата размещения (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД);\n"
	    "                   не раньше даты приказа и не позже сегодня\n"
	    "  --url АДРЕС      адрес страницы с перечнем\n"
	    "  --revision N     номер редакции (по умолчанию последняя)\n"
	    "  --today ДАТА     считать сегодняшним днём ДАТУ (иначе\n"
	    "                   $PERECHEN_TODAY, иначе текущая дата)\n"
	    "  -h, --help       эта справка\n", f);
}

struct cmd_publish_args {
	const char *date;
	const char *url;
	const char *today;
	int64_t	 revision;	/* 0: the latest */
};

/* A whole positive decimal number, or 0. */
static int64_t
cmd_publish_number(const char *s)
{
	long long v;

	return app_parse_number(s, 0, INT64_MAX, &v) == 0 ? (int64_t)v : 0;
}

/* Options into a; 0, -1 after --help, or an exit code. */
static int
cmd_publish_parse(int argc, char **argv, struct cmd_publish_args *a)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "url", required_argument, NULL, 'u' },
		{ "revision", required_argument, NULL, 'r' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	a->url = "";
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->date = optarg;
			break;
		case 'u':
			a->url = optarg;
			break;
		case 'r':
			a->revision = cmd_publish_number(optarg);
			if (a->revision == 0) {
				app_error("publish: --revision «%s»: ожидается "
				    "номер редакции (1, 2, …)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 't':
			a->today = optarg;
			break;
		case 'h':
			cmd_publish_usage(stdout);
			return -1;
		default:
			return app_bad_option("publish", "h", opts, argv);
		}
	}
	if (optind < argc) {
		return app_usage_error("publish", "лишний аргумент «%s»",
		    argv[optind]);
	}
	if (a->date == NULL) {
		app_error("publish: нужна дата размещения (--date)");
		return EXIT_USAGE;
	}
	return 0;
}

/* The revision to publish (rev 0: the latest) into out. */
static int
cmd_publish_find(struct store *st, int64_t rev, struct revision *out,
    struct error *err)
{
	struct revisions all = { 0 };
	size_t i;
	int rc = -1;

	if (store_revisions_list(st, &all, err) != 0)
		return -1;
	for (i = 0; i < all.n && rev != 0 && all.v[i].id != rev; i++)
		continue;
	if (all.n == 0)
		error_set(err, "перечень ещё не утверждён: сначала perechen "
		    "approve (п. 5.1)");
	else if (i == all.n)
		error_set(err, "редакции %lld нет: последняя — %lld",
		    (long long)rev, (long long)all.v[all.n - 1].id);
	else {
		if (rev == 0)
			i = all.n - 1;
		/* Hand the strings over to out. */
		*out = all.v[i];
		memset(&all.v[i], 0, sizeof all.v[i]);
		rc = 0;
	}
	revisions_fini(&all);
	return rc;
}

/* Check the publication date against the order and today. */
static int
cmd_publish_check(const struct revision *r, struct date pub,
    struct date today, struct date *order, struct error *err)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	if (date_parse(r->order_date, order, err) != 0) {
		error_prefix(err, "дата приказа редакции %lld",
		    (long long)r->id);
		return -1;
	}
	if (date_cmp(pub, *order) < 0)
		return error_set(err, "дата размещения %s раньше даты приказа "
		    "%s об утверждении редакции %lld", date_format(pub, a),
		    date_format(*order, b), (long long)r->id);
	if (date_cmp(pub, today) > 0)
		return error_set(err, "дата размещения %s позже сегодняшней "
		    "(%s)", date_format(pub, a), date_format(today, b));
	return 0;
}

/* The calendar's reservation about a deadline, if it has one. */
static void
cmd_publish_note(const struct calendar *cal, const struct calendar_note *note,
    struct buf *msg)
{
	if (!note->approximate && !note->provisional)
		return;
	buf_puts(msg, "Примечание к сроку: ");
	calendar_note_describe(cal, note, msg);
	buf_puts(msg, ".\n");
}

/*
 * The actualisation cycle the revision closed, judged now that it is
 * online: its changes' deadline met, or missed by so many working days
 * whatever the publication's own deadline says.
 */
static int
cmd_publish_cycle(const struct revision *r, struct date order,
    struct date pub, struct date today, const struct calendar *cal,
    struct buf *msg, struct error *err)
{
	struct reminder_cycle c;
	struct date start, due;
	bool due_known = r->cycle_due[0] != '\0';

	if (r->cycle_start[0] == '\0')
		return 0;
	if (date_parse(r->cycle_start, &start, err) != 0 ||
	    (due_known && date_parse(r->cycle_due, &due, err) != 0)) {
		error_prefix(err, "срок актуализации редакции %lld",
		    (long long)r->id);
		return -1;
	}
	if (reminder_cycle_judge(cal, start, due_known ? &due : NULL, order,
	    &pub, today, &c, err) != 0)
		return -1;
	reminder_cycle_describe(&c, msg);
	buf_putc(msg, '\n');
	cmd_publish_note(cal, &c.by.note, msg);
	return 0;
}

/* What was recorded, whether it kept the deadline of п. 5.4, and the
 * cycle it closed. */
static int
cmd_publish_report(const struct revision *r, const char *url,
    struct date order, struct date pub, struct date today,
    const struct calendar *cal, struct error *err)
{
	struct calendar_note note;
	struct date due;
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	struct buf msg;
	int rc;

	if (calendar_add_working_days(cal, order, REMINDER_WORKING_DAYS, &due,
	    &note, err) != 0)
		return -1;
	buf_init(&msg);
	buf_printf(&msg, "Редакция %lld (приказ от %s № %s) размещена на сайте "
	    "%s%s%s.\n", (long long)r->id, date_format(order, a), r->order_no,
	    date_format(pub, b), url[0] != '\0' ? ": " : "", url);
	if (r->published_date[0] != '\0') {
		struct date was;

		if (date_parse(r->published_date, &was, NULL) == 0)
			date_format(was, a);
		else
			snprintf(a, sizeof a, "?");
		buf_printf(&msg, "Прежняя отметка о размещении (%s) "
		    "заменена.\n", a);
	}
	if (date_cmp(pub, due) > 0)
		buf_printf(&msg, "Размещена с опозданием: срок размещения был "
		    "%s (10-й рабочий день после даты приказа, п. 5.4).\n",
		    date_format(due, a));
	else
		buf_printf(&msg, "Срок размещения (п. 5.4: 10-й рабочий день "
		    "после даты приказа, %s) соблюдён.\n",
		    date_format(due, a));
	cmd_publish_note(cal, &note, &msg);
	rc = cmd_publish_cycle(r, order, pub, today, cal, &msg, err);
	if (rc == 0)
		app_print(stdout, msg.data);
	buf_fini(&msg);
	return rc;
}

/* Find the revision, check the date, record it, report. */
static int
cmd_publish_run(struct app *app, const struct cmd_publish_args *a,
    struct date pub, struct date today, const struct calendar *cal,
    struct error *err)
{
	struct revision r = { 0 };
	struct app_actor who;
	struct store *st;
	struct date order;
	char iso[DATE_BUFSZ];
	int rc;

	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	rc = cmd_publish_find(st, a->revision, &r, err);
	if (rc == 0)
		rc = cmd_publish_check(&r, pub, today, &order, err);
	if (rc == 0) {
		app_actor_init(&who);
		/* "The latest" is the one the clerk was told of. */
		rc = store_revision_publish_seen(st, r.id, a->revision == 0 ?
		    r.id : 0, date_format_iso(pub, iso), a->url, &who.actor,
		    err);
	}
	if (rc == 0 && cmd_publish_report(&r, a->url, order, pub, today, cal,
	    err) != 0)
		app_error("publish: размещение записано, но срок не проверен: "
		    "%s", err->msg);
	revision_fini(&r);
	store_close(st);
	return rc;
}

int
cmd_publish(struct app *app, int argc, char **argv)
{
	struct cmd_publish_args a;
	struct calendar cal;
	struct error err;
	struct date today, pub;
	int rc;

	rc = cmd_publish_parse(argc, argv, &a);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (date_resolve_today(a.today, &today, &err) != 0) {
		app_error("publish: %s", err.msg);
		return EXIT_USAGE;
	}
	if (date_parse(a.date, &pub, &err) != 0) {
		app_error("publish: дата размещения (--date): %s", err.msg);
		return EXIT_USAGE;
	}
	if (strchr(a.url, '\n') != NULL) {
		app_error("publish: адрес (--url) должен быть одной строкой");
		return EXIT_USAGE;
	}
	calendar_init(&cal);
	rc = EXIT_OK;
	if (calendar_load_standard(&cal, app->share_dir, &err) != 0 ||
	    cmd_publish_run(app, &a, pub, today, &cal, &err) != 0) {
		app_error("publish: %s", err.msg);
		app_note("Отметка о размещении не записана.");
		rc = EXIT_FAIL;
	}
	calendar_fini(&cal);
	return rc;
}
