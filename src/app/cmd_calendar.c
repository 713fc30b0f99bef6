/*
 * cmd_calendar.c - "perechen calendar": the production calendar on the
 * command line (working-day deadlines, a year's count, one day, checking a
 * user's calendar file).  It never opens the list's database.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "calendar.h"
#include "date.h"

/* The Russian help text. */
static void
cal_usage(FILE *f)
{
	fputs("Использование: perechen calendar [ДЕЙСТВИЕ [ПАРАМЕТРЫ]]\n"
	    "Производственный календарь России (пятидневная неделя).\n\n"
	    "  (без действия)          какие годы известны и из каких файлов\n"
	    "  workdays ДАТА N         дата, когда истекают N рабочих дней,\n"
	    "                          считая со следующего дня после ДАТЫ\n"
	    "                          (ГК РФ ст. 191)\n"
	    "  count ДАТА1 ДАТА2       сколько рабочих дней после ДАТЫ1\n"
	    "                          по ДАТУ2 включительно\n"
	    "  year ГГГГ               число рабочих дней в году\n"
	    "  day ДАТА                рабочий ли день и почему\n"
	    "  check ФАЙЛ              проверить файл календаря\n\n"
	    "Даты: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.  Календарь читается из\n"
	    "share/perechen/calendar/, затем /etc/perechen/calendar.d/ и\n"
	    "~/.config/perechen/calendar.d/ (*.txt, по алфавиту; более\n"
	    "поздний файл уточняет более ранний).  Формат описан в начале\n"
	    "share/perechen/calendar/ru-federal.txt.\n\n"
	    "Выход: 0 — готово (для предварительного года — с пояснением);\n"
	    "1 — год не входит в календарь (результат приблизительный) или\n"
	    "ошибка в файле календаря; 2 — неверная командная строка.\n", f);
}

/* A decimal number lo..hi with nothing around it, for N and ГГГГ. */
static int
parse_number(const char *s, long lo, long hi, long *out)
{
	long long v;

	if (app_parse_number(s, lo, hi, &v) != 0)
		return -1;
	*out = (long)v;
	return 0;
}

/* Where to tell the clerk to put a calendar file, "~" for $HOME. */
static char *
user_dir_shown(void)
{
	char *dir = calendar_user_dir(), *shown;
	const char *home = getenv("HOME");
	size_t n = home != NULL ? strlen(home) : 0;

	if (dir == NULL)
		return xasprintf("%s/", calendar_system_dir());
	if (n > 1 && strncmp(dir, home, n) == 0 && dir[n] == '/') {
		shown = xasprintf("~%s/", dir + n);
		free(dir);
		return shown;
	}
	shown = xasprintf("%s/", dir);
	free(dir);
	return shown;
}

/* Print a note's explanation; an uncovered year also gets the remedy. */
static void
print_note(const struct calendar *cal, const struct calendar_note *note)
{
	struct buf b;

	buf_init(&b);
	calendar_note_describe(cal, note, &b);
	if (note->approximate) {
		char *dir = user_dir_shown();

		buf_printf(&b, ".\nЧтобы считать точно, добавьте %d год файлом "
		    "в %s", note->uncovered_year, dir);
		free(dir);
	}
	if (b.len > 0)
		app_note("%s", b.data);
	buf_fini(&b);
}

/* The exit code a result with this note earns. */
static int
note_status(const struct calendar_note *note)
{
	return note->approximate ? EXIT_FAIL : EXIT_OK;
}

/* Parse a date argument, complaining as a usage error. */
static int
date_arg(const char *s, struct date *out)
{
	struct error err;

	if (date_parse(s, out, &err) != 0) {
		app_error("calendar: %s", err.msg);
		return -1;
	}
	return 0;
}

/* "workdays FROM N": the last day of an N-working-day period. */
static int
action_workdays(const struct calendar *cal, int argc, char **argv)
{
	struct calendar_note note;
	struct date from, result;
	struct error err;
	char shown[DATE_BUFSZ];
	long n;

	if (argc != 2) {
		app_error("calendar workdays: нужны ДАТА и число рабочих "
		    "дней N");
		return EXIT_USAGE;
	}
	if (date_arg(argv[0], &from) != 0)
		return EXIT_USAGE;
	if (parse_number(argv[1], 0, CALENDAR_MAX_WORKING_DAYS, &n) != 0) {
		app_error("calendar workdays: число рабочих дней «%s»: "
		    "ожидается целое от 0 до %d", argv[1], CALENDAR_MAX_WORKING_DAYS);
		return EXIT_USAGE;
	}
	if (calendar_add_working_days(cal, from, n, &result, &note,
	    &err) != 0) {
		app_error("calendar workdays: %s", err.msg);
		return EXIT_FAIL;
	}
	printf("%s\n", date_format(result, shown));
	print_note(cal, &note);
	return note_status(&note);
}

/* "count FROM TO": working days after FROM up to TO. */
static int
action_count(const struct calendar *cal, int argc, char **argv)
{
	struct calendar_note note;
	struct date from, to;
	long n;

	if (argc != 2) {
		app_error("calendar count: нужны две даты");
		return EXIT_USAGE;
	}
	if (date_arg(argv[0], &from) != 0 || date_arg(argv[1], &to) != 0)
		return EXIT_USAGE;
	n = calendar_working_days_between(cal, from, to, &note);
	printf("%ld\n", n);
	print_note(cal, &note);
	return note_status(&note);
}

/* "year Y": a year's working days; an uncovered year is refused. */
static int
action_year(const struct calendar *cal, int argc, char **argv)
{
	struct calendar_year_stats st;
	struct error err;
	long year;

	if (argc != 1) {
		app_error("calendar year: нужен год (ГГГГ)");
		return EXIT_USAGE;
	}
	if (parse_number(argv[0], DATE_YEAR_MIN, DATE_YEAR_MAX, &year) != 0) {
		app_error("calendar year: «%s» — не год: ожидается число от 1 "
		    "до 9999", argv[0]);
		return EXIT_USAGE;
	}
	if (calendar_year_stats(cal, (int)year, &st, &err) != 0) {
		char *dir = user_dir_shown();

		app_error("%s; добавьте его файлом в %s", err.msg, dir);
		free(dir);
		return EXIT_FAIL;
	}
	printf("Производственный календарь на %d год (пятидневная неделя)\n"
	    "Рабочих дней: %d\n"
	    "Выходных и нерабочих праздничных дней: %d\n"
	    "Всего дней: %d\n", st.year, st.working, st.nonworking, st.days);
	if (st.provisional) {
		struct calendar_note note = { 0 };

		note.provisional = true;
		note.provisional_year = st.year;
		print_note(cal, &note);
	}
	return EXIT_OK;
}

/* "day DATE": whether a day works, and which file line says so. */
static int
action_day(const struct calendar *cal, int argc, char **argv)
{
	const struct calendar_day *entry;
	struct calendar_note note;
	struct date d;
	struct buf b;
	char shown[DATE_BUFSZ];
	bool working;

	if (argc != 1) {
		app_error("calendar day: нужна одна дата");
		return EXIT_USAGE;
	}
	if (date_arg(argv[0], &d) != 0)
		return EXIT_USAGE;
	calendar_note_clear(&note);
	working = calendar_is_working_day(cal, d, &note);
	entry = calendar_find(cal, d);
	buf_init(&b);
	buf_printf(&b, "%s, %s — %s\n", date_format(d, shown),
	    date_weekday_name(date_weekday(d)),
	    working ? "рабочий день" : "выходной");
	if (entry != NULL) {
		buf_printf(&b, "%s", calendar_kind_title(entry->kind));
		if (entry->reason[0] != '\0')
			buf_printf(&b, ": %s", entry->reason);
		buf_printf(&b, "\nисточник: %s:%zu\n",
		    cal->files.v[entry->file], entry->line);
	}
	app_print(stdout, b.data);
	buf_fini(&b);
	print_note(cal, &note);
	return note_status(&note);
}

/* What a successfully checked file contributed. */
static void
print_file_summary(const struct calendar *cal, const char *path)
{
	size_t file = cal->files.n - 1, ndays = 0;
	struct buf b;
	int nyears = 0;

	buf_init(&b);
	for (size_t i = 0; i < cal->ndays; i++)
		if (cal->days[i].file == file)
			ndays++;
	buf_printf(&b, "%s: ошибок нет; объявлены годы:", path);
	for (size_t i = 0; i < cal->nyears; i++)
		if (cal->years[i].file == file) {
			buf_printf(&b, "%s %d%s", nyears++ > 0 ? "," : "",
			    cal->years[i].year, cal->years[i].provisional ?
			    " (предварительный)" : "");
		}
	if (nyears == 0)
		buf_puts(&b, " нет");
	buf_printf(&b, "; дат: %zu\n", ndays);
	app_print(stdout, b.data);
	buf_fini(&b);
}

/* "check FILE": FILE loaded over the standard calendar, as it would be. */
static int
action_check(struct calendar *cal, int argc, char **argv)
{
	struct error err;
	char *text;
	size_t len;
	int rc;

	if (argc != 1) {
		app_error("calendar check: нужен путь к файлу календаря");
		return EXIT_USAGE;
	}
	/* The clerk's file is read as every named input is: no device, no
	 * fifo waited for forever. */
	if (app_read_file(argv[0], &text, &len, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	rc = calendar_parse(cal, text, len, argv[0], &err);
	free(text);
	if (rc != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	print_file_summary(cal, argv[0]);
	return EXIT_OK;
}

/* Without an action: the years known and the files they came from. */
static int
action_info(const struct calendar *cal)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "Годы в календаре: ");
	calendar_describe_years(cal, &b);
	for (size_t i = 0; i < cal->nyears; i++)
		if (cal->years[i].provisional)
			buf_printf(&b, "; %d — предварительный",
			    cal->years[i].year);
	buf_puts(&b, "\nФайлы:\n");
	for (size_t i = 0; i < cal->files.n; i++)
		buf_printf(&b, "  %s\n", cal->files.v[i]);
	app_print(stdout, b.data);
	buf_fini(&b);
	return EXIT_OK;
}

/* Run one action on the loaded calendar. */
static int
action_dispatch(struct calendar *cal, const char *action, int argc,
    char **argv)
{
	if (strcmp(action, "workdays") == 0)
		return action_workdays(cal, argc, argv);
	if (strcmp(action, "count") == 0)
		return action_count(cal, argc, argv);
	if (strcmp(action, "year") == 0)
		return action_year(cal, argc, argv);
	if (strcmp(action, "day") == 0)
		return action_day(cal, argc, argv);
	if (strcmp(action, "check") == 0)
		return action_check(cal, argc, argv);
	app_error("calendar: неизвестное действие «%s»; справка: "
	    "perechen calendar --help", action);
	return EXIT_USAGE;
}

int
cmd_calendar(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct calendar cal;
	struct error err;
	int c, rc;

	if (app_wants_help(argc, argv)) {
		cal_usage(stdout);
		return EXIT_OK;
	}
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'h': cal_usage(stdout); return EXIT_OK;
		default:
			return app_bad_option("calendar", "+h", opts, argv);
		}
	}
	calendar_init(&cal);
	if (calendar_load_standard(&cal, app->share_dir, &err) != 0) {
		app_error("%s", err.msg);
		calendar_fini(&cal);
		return EXIT_FAIL;
	}
	if (optind == argc)
		rc = action_info(&cal);
	else
		rc = action_dispatch(&cal, argv[optind], argc - optind - 1,
		    argv + optind + 1);
	calendar_fini(&cal);
	return rc;
}
