/*
 * cmd_log.c - "perechen log": the change log (п. 5.3), newest first, with
 * filters by days, trigger and clerk.  Times are stored in UTC and shown
 * in local time; days in filters are local days.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "change.h"
#include "date.h"
#include "fileio.h"
#include "reminder.h"
#include "store_history.h"
#include "store_status.h"
#include "utf8.h"

/* Columns the trigger code is padded to ("импорт", "5.3.1"). */
#define LOG_TRIGGER_WIDTH 6

/* The command's Russian help. */
static void
cmd_log_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] log [--since ДАТА] "
	    "[--until ДАТА]\n"
	    "                  [--trigger ОСНОВАНИЕ] [--user ЛОГИН] "
	    "[--limit N]\n"
	    "Журнал изменений перечня, новые записи первыми: время\n"
	    "(местное), учётная запись, основание по п. 5.3, запись, поле,\n"
	    "было → стало.  Без фильтров в конце — итог: чем рабочая копия\n"
	    "отличается от последней утверждённой редакции, по основаниям\n"
	    "п. 5.3 (как в perechen diff и perechen status).\n\n"
	    "  --since ДАТА    записи начиная с этого дня\n"
	    "  --until ДАТА    записи по этот день включительно\n"
	    "  --trigger ОСН   только с этим основанием: 5.3.1 (новая\n"
	    "                  точка), 5.3.2 (вид или тип канала), 5.3.3\n"
	    "                  (потребности), 5.3.4 (исключение), ред\n"
	    "                  (редакционные правки), импорт (из файла)\n"
	    "  --user ЛОГИН    только изменения этой учётной записи\n"
	    "  --limit N       не больше N записей\n"
	    "  -h, --help      эта справка\n\n"
	    "Даты: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.\n", f);
}

/* The filters as given on the command line. */
struct cmd_log_args {
	struct log_filter filter;
	char	 since[REMINDER_UTC_BUFSZ];
	char	 until[REMINDER_UTC_BUFSZ];
};

/* A local day as the UTC bound of the log; next: the day after it. */
static int
cmd_log_day(const char *opt, const char *arg, bool next, char *out)
{
	struct error err;
	struct date d;

	if (date_parse(arg, &d, &err) != 0) {
		app_error("log: %s: %s", opt, err.msg);
		return -1;
	}
	if (next && date_cmp(d, (struct date){ DATE_YEAR_MAX, 12, 31 }) == 0) {
		out[0] = '\0';
		return 0;
	}
	if (next)
		d = date_add_days(d, 1);
	if (reminder_day_start_utc(d, out) != 0) {
		app_error("log: %s: дату %s нельзя перевести во время журнала",
		    opt, arg);
		return -1;
	}
	return 0;
}

/* A whole positive decimal number, or 0. */
static size_t
cmd_log_number(const char *s)
{
	long long v;

	return app_parse_number(s, 1, SIZE_MAX / 2, &v) == 0 ? (size_t)v : 0;
}

/* Options into a; 0, -1 after --help, or an exit code. */
static int
cmd_log_parse(int argc, char **argv, struct cmd_log_args *a)
{
	static const struct option opts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "trigger", required_argument, NULL, 't' },
		{ "user", required_argument, NULL, 'U' },
		{ "limit", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	a->filter.trigger = -1;
	a->filter.since_utc = a->since;
	a->filter.until_utc = a->until;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (cmd_log_day("--since", optarg, false,
			    a->since) != 0)
				return EXIT_USAGE;
			break;
		case 'u':
			if (cmd_log_day("--until", optarg, true, a->until) != 0)
				return EXIT_USAGE;
			break;
		case 't':
			a->filter.trigger = trigger_parse(optarg);
			if (a->filter.trigger < 0) {
				app_error("log: основание «%s» неизвестно: "
				    "5.3.1, 5.3.2, 5.3.3, 5.3.4, ред или "
				    "импорт", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'U':
			a->filter.login = optarg;
			break;
		case 'n':
			a->filter.limit = cmd_log_number(optarg);
			if (a->filter.limit == 0) {
				app_error("log: --limit «%s»: ожидается целое "
				    "число больше нуля", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			cmd_log_usage(stdout);
			return -1;
		default:
			return app_bad_option("log", "h", opts, argv);
		}
	}
	if (optind < argc) {
		return app_usage_error("log", "лишний аргумент «%s»",
		    argv[optind]);
	}
	return 0;
}

/* Append s sanitised to one line (a newline shows as a symbol). */
static void
cmd_log_put(struct buf *out, const char *s)
{
	utf8_sanitize(s, 0, out);
}

/* Append the lines of a value, the first after the label, the others
 * indented under it; "—" for an empty value. */
static void
cmd_log_value_block(struct buf *out, const char *label, const char *value)
{
	const char *p = value, *nl;
	char *line;

	buf_printf(out, "      %-*s", 7 + (int)(strlen(label) -
	    (size_t)utf8_width(label)), label);
	if (value[0] == '\0') {
		buf_puts(out, "—\n");
		return;
	}
	for (bool first = true; ; first = false) {
		nl = strchr(p, '\n');
		line = nl != NULL ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		if (!first)
			buf_puts(out, "             ");
		cmd_log_put(out, line);
		buf_putc(out, '\n');
		free(line);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* The field and its old → new values. */
static void
cmd_log_values(struct buf *out, const struct change *c)
{
	buf_puts(out, "    ");
	cmd_log_put(out, c->field);
	if (strchr(c->old_value, '\n') == NULL &&
	    strchr(c->new_value, '\n') == NULL) {
		buf_puts(out, ": ");
		cmd_log_put(out, c->old_value[0] != '\0' ? c->old_value : "—");
		buf_puts(out, " → ");
		cmd_log_put(out, c->new_value[0] != '\0' ? c->new_value : "—");
		buf_putc(out, '\n');
		return;
	}
	buf_puts(out, ":\n");
	cmd_log_value_block(out, "было:", c->old_value);
	cmd_log_value_block(out, "стало:", c->new_value);
}

/* One entry: a heading line, then the field and its values. */
static void
cmd_log_entry(struct buf *out, const struct change *c)
{
	char when[REMINDER_TIME_BUFSZ];
	const char *code = trigger_code(c->trigger);
	int pad = LOG_TRIGGER_WIDTH - utf8_width(code);

	cmd_log_put(out, reminder_format_time(c->at_utc, when));
	buf_puts(out, "  ");
	cmd_log_put(out, c->login);
	buf_printf(out, "  %s%*s  ", code, pad > 0 ? pad : 0, "");
	cmd_log_put(out, c->label);
	buf_putc(out, '\n');
	cmd_log_values(out, c);
}

/* Every entry, or why there is none. */
static void
cmd_log_print(const struct changes *ch, bool filtered)
{
	struct buf out;

	buf_init(&out);
	for (size_t i = 0; i < ch->n; i++) {
		if (i > 0)
			buf_putc(&out, '\n');
		cmd_log_entry(&out, &ch->v[i]);
	}
	if (ch->n == 0)
		buf_puts(&out, filtered ? "Подходящих записей в журнале "
		    "нет.\n" : "Журнал изменений пуст.\n");
	fwrite(out.data, 1, out.len, stdout);
	buf_fini(&out);
}

/*
 * After the whole log, what it adds up to against the latest revision:
 * the net difference, counted as "perechen diff" and "perechen status"
 * count it (an edit undone is no change, a new kind one change), so that
 * the three agree.  Nothing before the first approval.
 */
static int
cmd_log_summary(struct store *st, struct error *err)
{
	struct reminder_facts f;
	size_t total = 0;
	struct buf out;

	reminder_facts_init(&f);
	if (store_status_facts(st, &f, err) != 0) {
		reminder_facts_fini(&f);
		return -1;
	}
	buf_init(&out);
	for (int t = 0; t < TRIGGER_COUNT; t++)
		total += f.count[t];
	if (f.approved && total == 0)
		buf_printf(&out, "\nИтог: рабочая копия не отличается от "
		    "редакции %lld — изменений нет.\n", (long long)f.revision);
	else if (f.approved) {
		buf_printf(&out, "\nИтог: рабочая копия отличается от редакции "
		    "%lld (отменённые правки не в счёт, как в perechen diff и "
		    "perechen status). Основания актуализации (п. 5.3): ",
		    (long long)f.revision);
		reminder_counts_line(f.count, &out);
		buf_puts(&out, ".\n");
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_fini(&out);
	reminder_facts_fini(&f);
	return 0;
}

int
cmd_log(struct app *app, int argc, char **argv)
{
	struct cmd_log_args a;
	struct changes ch;
	struct store *st;
	struct error err;
	int rc;

	rc = cmd_log_parse(argc, argv, &a);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	changes_init(&ch);
	if (store_log_query(st, &a.filter, &ch, &err) != 0) {
		app_error("%s", err.msg);
		rc = EXIT_FAIL;
	} else {
		bool filtered = a.since[0] != '\0' || a.until[0] != '\0' ||
		    a.filter.trigger >= 0 || a.filter.login != NULL ||
		    a.filter.limit > 0;

		cmd_log_print(&ch, filtered);
		rc = EXIT_OK;
		if (!filtered && cmd_log_summary(st, &err) != 0) {
			app_error("%s", err.msg);
			rc = EXIT_FAIL;
		}
		if (fileio_flush_stdout(&err) != 0) {
			app_error("log: %s", err.msg);
			rc = EXIT_FAIL;
		}
	}
	changes_fini(&ch);
	store_close(st);
	return rc;
}
