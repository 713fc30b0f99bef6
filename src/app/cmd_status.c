/*
 * cmd_status.c - "perechen status": what the Порядок asks of the clerk
 * today (п. 5.1-5.4), for a login message or cron.
 *
 * Exit status: 0 nothing is due, 1 something is due within its deadline,
 * 2 a deadline has passed, 3 the status could not be worked out (no
 * database, no calendar, a wrong option).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "calendar.h"
#include "date.h"
#include "fileio.h"
#include "reminder.h"
#include "store_status.h"

enum {
	STATUS_FAILED = 3
};

/* The command's Russian help. */
static void
cmd_status_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] status [--today ДАТА] "
	    "[--quiet]\n"
	    "Напоминание о том, что требует Порядок (п. 5): утвердить\n"
	    "перечень (п. 5.1), разместить утверждённую редакцию на сайте\n"
	    "(п. 5.2), актуализировать перечень после изменений по п. 5.3 —\n"
	    "в течение 10 рабочих дней (п. 5.4; срок считается со\n"
	    "следующего дня, ГК РФ ст. 191, по производственному\n"
	    "календарю).  Считается то, чем перечень отличается от последней\n"
	    "утверждённой редакции (отменённые правки не в счёт); срок идёт\n"
	    "со дня, когда началось сохраняющееся отличие.  Пропущенный срок\n"
	    "прошлой актуализации остаётся пропущенным.\n\n"
	    "  --today ДАТА   положение на ДАТУ: только изменения, сделанные\n"
	    "                 по неё включительно (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД;\n"
	    "                 иначе $PERECHEN_TODAY, иначе текущая дата)\n"
	    "  -q, --quiet    ничего не печатать, если делать ничего не нужно\n"
	    "  -h, --help     эта справка\n\n"
	    "Код возврата: 0 — делать ничего не нужно, 1 — есть что сделать\n"
	    "в срок, 2 — срок пропущен (ПРОСРОЧЕНО), 3 — состояние узнать не\n"
	    "удалось (нет базы, календаря, неверные параметры).\n", f);
}

/* What to type next, for the things due. */
static void
cmd_status_hints(const struct reminder *r)
{
	if (r->never_approved)
		app_print(stdout, "Внесите реквизиты приказа: perechen approve "
		    "--order НОМЕР --date ДАТА\n");
	if (r->actualise)
		app_print(stdout, "Что изменилось: perechen diff, perechen "
		    "log; новая редакция: perechen approve --order НОМЕР "
		    "--date ДАТА\n");
	if (r->unpublished)
		app_print(stdout, "Когда разместите: perechen publish --date "
		    "ДАТА [--url АДРЕС]\n");
}

/* The date, the reminder and what to type next. */
static void
cmd_status_print(const struct reminder *r, const struct reminder_facts *f,
    const struct calendar *cal)
{
	struct strvec lines;
	char today[DATE_BUFSZ];

	strvec_init(&lines);
	reminder_format(r, f, cal, &lines);
	printf("Перечень точек взаимодействия на %s (%s):\n",
	    date_format(r->today, today),
	    date_weekday_name(date_weekday(r->today)));
	for (size_t i = 0; i < lines.n; i++) {
		app_print(stdout, lines.v[i]);
		putchar('\n');
	}
	cmd_status_hints(r);
	strvec_fini(&lines);
}

/* Gather the facts and work the reminder out. */
static int
cmd_status_compute(struct app *app, struct date today,
    const struct calendar *cal, struct reminder_facts *f, struct reminder *r,
    struct error *err)
{
	struct store *st;
	int rc;

	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	/* The reminder as it stood on today: a past day counts only the
	 * changes made by then. */
	rc = store_status_facts_on(st, today, f, err);
	store_close(st);
	if (rc != 0)
		return -1;
	return reminder_compute(f, today, cal, r, err);
}

int
cmd_status(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "today", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *today_arg = NULL;
	struct reminder_facts f;
	struct calendar cal;
	struct reminder r;
	struct error err;
	struct date today;
	bool quiet = false;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			today_arg = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			cmd_status_usage(stdout);
			return EXIT_OK;
		default:
			(void)app_bad_option("status", "qh", opts, argv);
			return STATUS_FAILED;
		}
	}
	if (optind < argc) {
		(void)app_usage_error("status", "лишний аргумент «%s»",
		    argv[optind]);
		return STATUS_FAILED;
	}
	if (date_resolve_today(today_arg, &today, &err) != 0) {
		app_error("status: %s", err.msg);
		return STATUS_FAILED;
	}
	calendar_init(&cal);
	reminder_facts_init(&f);
	if (calendar_load_standard(&cal, app->share_dir, &err) != 0 ||
	    cmd_status_compute(app, today, &cal, &f, &r, &err) != 0) {
		app_error("status: %s", err.msg);
		rc = STATUS_FAILED;
	} else {
		if (!quiet || r.level != REMINDER_NOTHING)
			cmd_status_print(&r, &f, &cal);
		rc = (int)r.level;
		if (fileio_flush_stdout(&err) != 0) {
			app_error("status: %s", err.msg);
			rc = STATUS_FAILED;
		}
	}
	reminder_facts_fini(&f);
	calendar_fini(&cal);
	return rc;
}
