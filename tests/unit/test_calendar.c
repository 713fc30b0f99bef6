/* test_calendar.c - the production calendar: files, years, working days. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../date_assert.h"
#include "calendar.h"

/* The directory the shipped calendar lives in (tests run from the top). */
static const char *
share_dir(void)
{
	const char *env = getenv("PERECHEN_SHARE");

	return env != NULL && env[0] != '\0' ? env : "share/perechen";
}

/* A fresh calendar holding only the shipped files. */
static int
setup_shipped(void **state)
{
	struct calendar *cal = xmalloc(sizeof *cal);
	struct error err;
	char *dir = xasprintf("%s/calendar", share_dir());

	calendar_init(cal);
	if (calendar_load_dir(cal, dir, true, &err) != 0)
		fail_msg("%s", err.msg);
	free(dir);
	*state = cal;
	return 0;
}

static int
teardown_calendar(void **state)
{
	calendar_fini(*state);
	free(*state);
	return 0;
}

/* Parse text as one file called "test.txt"; returns its status. */
static int
parse_text(struct calendar *cal, const char *text, struct error *err)
{
	return calendar_parse(cal, text, strlen(text), "test.txt", err);
}

/* Parse text, expecting failure with a message containing want. */
static void
expect_parse_error(const char *text, const char *want)
{
	struct calendar cal;
	struct error err;

	calendar_init(&cal);
	assert_int_equal(parse_text(&cal, text, &err), -1);
	if (strstr(err.msg, want) == NULL)
		fail_msg("«%s» not in «%s»", want, err.msg);
	calendar_fini(&cal);
}

/* The date n working days after from, formatted, with its note. */
static const char *
add(const struct calendar *cal, const char *from, long n,
    struct calendar_note *note)
{
	static char buf[DATE_BUFSZ];
	struct date result;
	struct error err;

	if (calendar_add_working_days(cal, day(from), n, &result, note,
	    &err) != 0)
		fail_msg("%s", err.msg);
	return date_format(result, buf);
}

static int
working_count(const struct calendar *cal, int year)
{
	struct calendar_year_stats st;
	struct error err;

	if (calendar_year_stats(cal, year, &st, &err) != 0)
		fail_msg("%s", err.msg);
	return st.working;
}

static void
test_shipped_year_counts(void **state)
{
	struct calendar *cal = *state;

	assert_int_equal(working_count(cal, 2024), 248);
	assert_int_equal(working_count(cal, 2025), 247);
	assert_int_equal(working_count(cal, 2026), 247);
	assert_int_equal(working_count(cal, 2027), 247);
}

static void
test_shipped_year_stats_add_up(void **state)
{
	struct calendar_year_stats st;
	struct error err;

	assert_int_equal(calendar_year_stats(*state, 2024, &st, &err), 0);
	assert_int_equal(st.days, 366);
	assert_int_equal(st.nonworking, 118);
	assert_int_equal(st.holidays, 14);
	assert_false(st.provisional);
}

static void
test_2027_is_provisional(void **state)
{
	struct calendar_year_stats st;
	struct error err;

	assert_true(calendar_covers(*state, 2027));
	assert_true(calendar_is_provisional(*state, 2027));
	assert_false(calendar_is_provisional(*state, 2026));
	assert_int_equal(calendar_year_stats(*state, 2027, &st, &err), 0);
	assert_true(st.provisional);
}

static void
test_uncovered_year_refused(void **state)
{
	struct calendar_year_stats st;
	struct error err;

	assert_false(calendar_covers(*state, 2028));
	assert_false(calendar_covers(*state, 2023));
	assert_int_equal(calendar_year_stats(*state, 2028, &st, &err), -1);
	assert_non_null(strstr(err.msg, "2028 год не входит в "
	    "производственный календарь"));
	assert_non_null(strstr(err.msg, "2024–2027"));
}

static void
test_workdays_from_19_03_2024(void **state)
{
	struct calendar_note note;

	assert_string_equal(add(*state, "19.03.2024", 10, &note), "02.04.2024");
	assert_false(note.approximate);
	assert_false(note.provisional);
}

static void
test_workdays_across_may_holidays_2024(void **state)
{
	struct calendar_note note;

	assert_string_equal(add(*state, "26.04.2024", 10, &note), "16.05.2024");
	assert_false(note.approximate);
}

static void
test_period_starts_the_day_after(void **state)
{
	struct calendar_note note;

	/* Art. 191: a working day "from" itself never counts. */
	assert_string_equal(add(*state, "19.03.2024", 1, &note), "20.03.2024");
	/* Friday + 1 working day is Monday. */
	assert_string_equal(add(*state, "15.03.2024", 1, &note), "18.03.2024");
	/* From a Sunday the period also starts on Monday. */
	assert_string_equal(add(*state, "17.03.2024", 1, &note), "18.03.2024");
	assert_string_equal(add(*state, "19.03.2024", 0, &note), "19.03.2024");
}

static void
test_transferred_saturday_works(void **state)
{
	struct calendar_note note;

	calendar_note_clear(&note);
	assert_true(calendar_is_working_day(*state, day("27.04.2024"), &note));
	assert_false(note.approximate);
	/* Friday 26.04 + 1 lands on that Saturday. */
	assert_string_equal(add(*state, "26.04.2024", 1, &note), "27.04.2024");
}

static void
test_transferred_days_off_rest(void **state)
{
	assert_false(calendar_is_working_day(*state, day("29.04.2024"), NULL));
	assert_false(calendar_is_working_day(*state, day("30.04.2024"), NULL));
	assert_false(calendar_is_working_day(*state, day("10.05.2024"), NULL));
	assert_false(calendar_is_working_day(*state, day("09.05.2024"), NULL));
}

static void
test_short_day_works(void **state)
{
	const struct calendar_day *e = calendar_find(*state, day("07.03.2024"));

	assert_non_null(e);
	assert_int_equal(e->kind, CALENDAR_SHORT);
	assert_true(calendar_is_working_day(*state, day("07.03.2024"), NULL));
}

static void
test_holiday_on_weekend_rests(void **state)
{
	assert_false(calendar_is_working_day(*state, day("06.01.2024"), NULL));
	assert_false(calendar_is_working_day(*state, day("04.01.2024"), NULL));
	assert_true(calendar_is_working_day(*state, day("09.01.2024"), NULL));
}

static void
test_crossing_into_uncovered_year_is_approximate(void **state)
{
	struct calendar_note note;
	struct buf b;

	/* 31.12.2027 is a day off; 2028 falls back to Monday-Friday. */
	assert_string_equal(add(*state, "30.12.2027", 3, &note), "05.01.2028");
	assert_true(note.approximate);
	assert_int_equal(note.uncovered_year, 2028);
	assert_true(note.provisional);
	assert_int_equal(note.provisional_year, 2027);
	buf_init(&b);
	calendar_note_describe(*state, &note, &b);
	assert_non_null(strstr(b.data, "приблизительно: год 2028 не входит в "
	    "календарь"));
	assert_non_null(strstr(b.data, "2027 год предварительный"));
	buf_fini(&b);
}

static void
test_provisional_year_flagged_not_approximate(void **state)
{
	struct calendar_note note;

	assert_string_equal(add(*state, "01.03.2027", 1, &note), "02.03.2027");
	assert_false(note.approximate);
	assert_true(note.provisional);
	assert_int_equal(note.provisional_year, 2027);
}

static void
test_uncovered_day_uses_weekday_rule(void **state)
{
	struct calendar_note note;

	calendar_note_clear(&note);
	/* 01.01.2023 is not covered: a Sunday rests, 02.01.2023 "works". */
	assert_false(calendar_is_working_day(*state, day("01.01.2023"), &note));
	assert_true(calendar_is_working_day(*state, day("02.01.2023"), &note));
	assert_true(note.approximate);
	assert_int_equal(note.uncovered_year, 2023);
}

static void
test_note_describe_empty_without_flags(void **state)
{
	struct calendar_note note;
	struct buf b;

	calendar_note_clear(&note);
	buf_init(&b);
	calendar_note_describe(*state, &note, &b);
	assert_int_equal(b.len, 0);
	buf_fini(&b);
}

static void
test_between_is_inverse_of_add(void **state)
{
	struct calendar_note note;
	struct date from = day("19.03.2024"), end;
	struct error err;

	for (long n = 0; n <= 300; n += 7) {
		assert_int_equal(calendar_add_working_days(*state, from, n,
		    &end, &note, &err), 0);
		assert_int_equal(calendar_working_days_between(*state, from,
		    end, &note), n);
	}
}

static void
test_between_counts_after_from_up_to_to(void **state)
{
	struct calendar_note note;

	assert_int_equal(calendar_working_days_between(*state,
	    day("19.03.2024"), day("19.03.2024"), &note), 0);
	/* Saturday 27.04 works, 29.04-01.05 rest, 02.05 works. */
	assert_int_equal(calendar_working_days_between(*state,
	    day("26.04.2024"), day("02.05.2024"), &note), 2);
	assert_int_equal(calendar_working_days_between(*state,
	    day("02.05.2024"), day("26.04.2024"), &note), -2);
	assert_false(note.approximate);
	assert_int_equal(calendar_working_days_between(*state,
	    day("01.01.2024"), day("31.12.2024"), &note), 248);
}

static void
test_add_refuses_out_of_range(void **state)
{
	struct date end;
	struct error err;

	assert_int_equal(calendar_add_working_days(*state, day("19.03.2024"),
	    -1, &end, NULL, &err), -1);
	assert_int_equal(calendar_add_working_days(*state, day("19.03.2024"),
	    CALENDAR_MAX_WORKING_DAYS + 1, &end, NULL, &err), -1);
	assert_int_equal(calendar_add_working_days(*state, day("29.12.9999"),
	    5, &end, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "31.12.9999"));
}

static void
test_parse_minimal_file(void **state)
{
	struct calendar cal;
	struct error err;
	const struct calendar_day *e;

	(void)state;
	calendar_init(&cal);
	assert_int_equal(parse_text(&cal, "# regional\n@year 2030\n"
	    "2030-08-30\tholiday\tДень республики\n"
	    "02.09.2030\tdayoff\n", &err), 0);
	assert_true(calendar_covers(&cal, 2030));
	assert_false(calendar_is_provisional(&cal, 2030));
	e = calendar_find(&cal, day("30.08.2030"));
	assert_non_null(e);
	assert_int_equal(e->kind, CALENDAR_HOLIDAY);
	assert_string_equal(e->reason, "День республики");
	assert_int_equal(e->line, 3);
	assert_string_equal(cal.files.v[e->file], "test.txt");
	e = calendar_find(&cal, day("02.09.2030"));
	assert_non_null(e);
	assert_string_equal(e->reason, "");
	calendar_fini(&cal);
}

static void
test_parse_declared_empty_year_is_covered(void **state)
{
	struct calendar cal;
	struct calendar_year_stats st;
	struct error err;

	(void)state;
	calendar_init(&cal);
	assert_int_equal(parse_text(&cal, "@year 2030\n", &err), 0);
	assert_int_equal(calendar_year_stats(&cal, 2030, &st, &err), 0);
	/* 2030: 365 days, 104 weekend days, no exceptions. */
	assert_int_equal(st.working, 261);
	calendar_fini(&cal);
}

static void
test_parse_provisional_directive(void **state)
{
	struct calendar cal;
	struct error err;

	(void)state;
	calendar_init(&cal);
	assert_int_equal(parse_text(&cal, "@year\t2030  provisional \n",
	    &err), 0);
	assert_true(calendar_is_provisional(&cal, 2030));
	calendar_fini(&cal);
}

static void
test_parse_crlf_bom_and_indented_comments(void **state)
{
	struct calendar cal;
	struct error err;

	(void)state;
	calendar_init(&cal);
	assert_int_equal(parse_text(&cal, "\xEF\xBB\xBF@year 2030\r\n"
	    "   # note\r\n\t\r\n2030-08-30\tholiday\tДень\r\n", &err), 0);
	assert_string_equal(calendar_find(&cal, day("30.08.2030"))->reason,
	    "День");
	calendar_fini(&cal);
}

static void
test_parse_errors_name_file_and_line(void **state)
{
	(void)state;
	expect_parse_error("@year 2030\n# ok\n2030-08-30\tvacation\n",
	    "test.txt:3: тип дня «vacation»");
	expect_parse_error("@year 2030\n2030-02-29\tholiday\n",
	    "test.txt:2: дата «2030-02-29» не существует");
	expect_parse_error("@year 2030\n2030-08-30 holiday\n",
	    "test.txt:2:");
	expect_parse_error("@year 2030\n2030-08-30\n", "test.txt:2: ожидается");
}

static void
test_parse_rejects_undeclared_year(void **state)
{
	(void)state;
	expect_parse_error("@year 2030\n2031-01-01\tholiday\n",
	    "test.txt:2: год 2031 не объявлен");
	/* The declaration must come first. */
	expect_parse_error("2030-01-01\tholiday\n@year 2030\n",
	    "test.txt:1: год 2030 не объявлен");
}

static void
test_parse_rejects_duplicates_within_a_file(void **state)
{
	(void)state;
	expect_parse_error("@year 2030\n2030-08-30\tholiday\n"
	    "30.08.2030\tdayoff\n", "test.txt:3: дата 30.08.2030 уже указана "
	    "в строке 2");
	expect_parse_error("@year 2030\n@year 2030 provisional\n",
	    "test.txt:2: год 2030 уже объявлен в строке 1");
}

static void
test_parse_rejects_bad_directives(void **state)
{
	(void)state;
	expect_parse_error("@years 2030\n",
	    "test.txt:1: неизвестная директива");
	expect_parse_error("@year\n", "test.txt:1: директива @year");
	expect_parse_error("@year 30\n", "test.txt:1: «30» — не год");
	expect_parse_error("@year 0000\n", "«0000» — не год");
	expect_parse_error("@year 2030 maybe\n", "только слово provisional");
	expect_parse_error("@year 2030 provisional x\n", "директива @year");
	expect_parse_error("@ year 2030\n", "неизвестная директива");
}

static void
test_parse_rejects_binary_and_bad_utf8(void **state)
{
	struct calendar cal;
	struct error err;
	static const char nul[] = "@year 2030\n2030-08-30\tholiday\0x\n";

	(void)state;
	calendar_init(&cal);
	assert_int_equal(calendar_parse(&cal, nul, sizeof nul - 1, "t", &err),
	    -1);
	assert_non_null(strstr(err.msg, "t:2: в строке нулевой байт"));
	calendar_fini(&cal);
	expect_parse_error("@year 2030\n2030-08-30\tholiday\t\xC0\xAF\n",
	    "test.txt:2: строка не в кодировке UTF-8");
}

static void
test_failed_parse_leaves_calendar_unchanged(void **state)
{
	struct calendar *cal = *state;
	size_t ndays = cal->ndays, nyears = cal->nyears, nfiles = cal->files.n;
	struct error err;

	assert_int_equal(parse_text(cal, "@year 2024\n@year 2031\n"
	    "2024-08-30\tholiday\n2024-09-02\tbad\n", &err), -1);
	assert_int_equal(cal->ndays, ndays);
	assert_int_equal(cal->nyears, nyears);
	assert_int_equal(cal->files.n, nfiles);
	assert_false(calendar_covers(cal, 2031));
	assert_null(calendar_find(cal, day("30.08.2024")));
}

static void
test_later_file_adds_regional_day_off(void **state)
{
	struct calendar *cal = *state;
	struct calendar_note note;
	struct error err;

	/* Tatarstan's Republic Day, Friday 30.08.2024; 2024 is declared. */
	assert_int_equal(parse_text(cal, "2024-08-30\tholiday\tДень "
	    "Республики Татарстан\n", &err), 0);
	assert_int_equal(working_count(cal, 2024), 247);
	assert_string_equal(add(cal, "29.08.2024", 1, &note), "02.09.2024");
}

static void
test_later_file_overrides_same_date(void **state)
{
	struct calendar *cal = *state;
	struct error err;

	/* Cancel the 10.05.2024 day off: it becomes a working day. */
	assert_int_equal(parse_text(cal, "2024-05-10\tworkday\tотменено\n",
	    &err), 0);
	assert_true(calendar_is_working_day(cal, day("10.05.2024"), NULL));
	assert_string_equal(calendar_find(cal, day("10.05.2024"))->reason,
	    "отменено");
	assert_int_equal(working_count(cal, 2024), 249);
}

static void
test_later_file_confirms_provisional_year(void **state)
{
	struct calendar *cal = *state;
	struct error err;

	assert_int_equal(parse_text(cal, "@year 2027\n", &err), 0);
	assert_false(calendar_is_provisional(cal, 2027));
	/* Entries of the earlier file remain. */
	assert_false(calendar_is_working_day(cal, day("31.12.2027"), NULL));
}

static void
test_later_file_adds_a_year(void **state)
{
	struct calendar *cal = *state;
	struct calendar_note note;
	struct error err;

	assert_int_equal(parse_text(cal, "@year 2028\n"
	    "2028-01-03\tholiday\n2028-01-04\tholiday\n", &err), 0);
	assert_string_equal(add(cal, "30.12.2027", 3, &note), "07.01.2028");
	assert_false(note.approximate);
}

static void
test_describe_years_as_ranges(void **state)
{
	struct calendar cal;
	struct error err;
	struct buf b;

	(void)state;
	calendar_init(&cal);
	buf_init(&b);
	calendar_describe_years(&cal, &b);
	assert_string_equal(b.data, "нет ни одного года");
	assert_int_equal(parse_text(&cal, "@year 2030\n@year 2024\n@year 2025\n"
	    "@year 2026\n@year 2032\n@year 2033\n", &err), 0);
	buf_reset(&b);
	calendar_describe_years(&cal, &b);
	assert_string_equal(b.data, "2024–2026, 2030, 2032–2033");
	buf_fini(&b);
	calendar_fini(&cal);
}

static void
test_kind_names(void **state)
{
	(void)state;
	assert_string_equal(calendar_kind_name(CALENDAR_HOLIDAY), "holiday");
	assert_string_equal(calendar_kind_name(CALENDAR_SHORT), "short");
	assert_string_equal(calendar_kind_name(CALENDAR_NONE), "");
	assert_non_null(strstr(calendar_kind_title(CALENDAR_DAYOFF),
	    "выходной"));
}

/* Write text to dir/name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

/* A fresh temporary directory; caller removes it with remove_tree. */
static char *
temp_dir(void)
{
	char *dir = xstrdup("/tmp/perechen-caltest.XXXXXX");

	assert_non_null(mkdtemp(dir));
	return dir;
}

/* rm -r of the small trees these tests make. */
static void
remove_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void
test_load_dir_reads_txt_files_in_name_order(void **state)
{
	struct calendar cal;
	struct error err;
	char *dir = temp_dir(), *sub;

	(void)state;
	write_file(dir, "b.txt", "2030-08-30\tworkday\tfrom b\n");
	write_file(dir, "a.txt", "@year 2030\n2030-08-30\tholiday\tfrom a\n");
	write_file(dir, "c.conf", "garbage\n");
	write_file(dir, ".hidden.txt", "garbage\n");
	sub = xasprintf("%s/d.txt", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	free(sub);
	calendar_init(&cal);
	assert_int_equal(calendar_load_dir(&cal, dir, true, &err), 0);
	assert_int_equal(cal.files.n, 2);
	assert_string_equal(calendar_find(&cal, day("30.08.2030"))->reason,
	    "from b");
	calendar_fini(&cal);
	remove_tree(dir);
	free(dir);
}

static void
test_load_dir_missing_or_empty(void **state)
{
	struct calendar cal;
	struct error err;
	char *dir = temp_dir(), *missing = xasprintf("%s/none", dir);

	(void)state;
	calendar_init(&cal);
	assert_int_equal(calendar_load_dir(&cal, missing, false, &err), 0);
	assert_int_equal(calendar_load_dir(&cal, missing, true, &err), -1);
	assert_non_null(strstr(err.msg, missing));
	assert_int_equal(calendar_load_dir(&cal, dir, true, &err), -1);
	assert_non_null(strstr(err.msg, "нет файлов календаря"));
	calendar_fini(&cal);
	remove_tree(dir);
	free(missing);
	free(dir);
}

static void
test_load_file_error_names_path_and_line(void **state)
{
	struct calendar cal;
	struct error err;
	char *dir = temp_dir(), *want;

	(void)state;
	write_file(dir, "bad.txt", "@year 2030\n\n2030-13-01\tholiday\n");
	calendar_init(&cal);
	assert_int_equal(calendar_load_dir(&cal, dir, false, &err), -1);
	want = xasprintf("%s/bad.txt:3: дата «2030-13-01»", dir);
	assert_string_equal(strstr(err.msg, want) != NULL ? want : err.msg,
	    want);
	free(want);
	calendar_fini(&cal);
	remove_tree(dir);
	free(dir);
}

static void
test_user_dir_follows_xdg_then_home(void **state)
{
	char *saved_xdg = getenv("XDG_CONFIG_HOME") != NULL ?
	    xstrdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *saved_home = getenv("HOME") != NULL ? xstrdup(getenv("HOME")) :
	    NULL;
	char *dir;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	setenv("HOME", "/home/clerk", 1);
	dir = calendar_user_dir();
	assert_string_equal(dir, "/x/cfg/perechen/calendar.d");
	free(dir);
	/* A relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
	setenv("XDG_CONFIG_HOME", "cfg", 1);
	dir = calendar_user_dir();
	assert_string_equal(dir, "/home/clerk/.config/perechen/calendar.d");
	free(dir);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(calendar_user_dir());
	if (saved_xdg != NULL)
		setenv("XDG_CONFIG_HOME", saved_xdg, 1);
	if (saved_home != NULL)
		setenv("HOME", saved_home, 1);
	free(saved_xdg);
	free(saved_home);
}

static void
test_load_standard_reads_user_directory_last(void **state)
{
	char *saved_xdg = getenv("XDG_CONFIG_HOME") != NULL ?
	    xstrdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *cfg = temp_dir(), *dir = xasprintf("%s/perechen", cfg);
	char *caldir = xasprintf("%s/calendar.d", dir);
	struct calendar cal;
	struct error err;
	int base;
	size_t nfiles;

	(void)state;
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(caldir, 0700), 0);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	/* Whatever /etc/perechen/calendar.d holds, the user file counts. */
	calendar_init(&cal);
	assert_int_equal(calendar_load_standard(&cal, share_dir(), &err), 0);
	base = working_count(&cal, 2024);
	nfiles = cal.files.n;
	calendar_fini(&cal);
	write_file(caldir, "tatarstan.txt", "2024-08-30\tholiday\n");
	calendar_init(&cal);
	assert_int_equal(calendar_load_standard(&cal, share_dir(), &err), 0);
	assert_int_equal(working_count(&cal, 2024), base - 1);
	assert_int_equal(cal.files.n, nfiles + 1);
	assert_non_null(strstr(cal.files.v[cal.files.n - 1], "tatarstan.txt"));
	calendar_fini(&cal);
	if (saved_xdg != NULL)
		setenv("XDG_CONFIG_HOME", saved_xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	remove_tree(cfg);
	free(saved_xdg);
	free(caldir);
	free(dir);
	free(cfg);
}

#define SHIPPED(t) cmocka_unit_test_setup_teardown(t, setup_shipped, \
	    teardown_calendar)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		SHIPPED(test_shipped_year_counts),
		SHIPPED(test_shipped_year_stats_add_up),
		SHIPPED(test_2027_is_provisional),
		SHIPPED(test_uncovered_year_refused),
		SHIPPED(test_workdays_from_19_03_2024),
		SHIPPED(test_workdays_across_may_holidays_2024),
		SHIPPED(test_period_starts_the_day_after),
		SHIPPED(test_transferred_saturday_works),
		SHIPPED(test_transferred_days_off_rest),
		SHIPPED(test_short_day_works),
		SHIPPED(test_holiday_on_weekend_rests),
		SHIPPED(test_crossing_into_uncovered_year_is_approximate),
		SHIPPED(test_provisional_year_flagged_not_approximate),
		SHIPPED(test_uncovered_day_uses_weekday_rule),
		SHIPPED(test_note_describe_empty_without_flags),
		SHIPPED(test_between_is_inverse_of_add),
		SHIPPED(test_between_counts_after_from_up_to_to),
		SHIPPED(test_add_refuses_out_of_range),
		cmocka_unit_test(test_parse_minimal_file),
		cmocka_unit_test(test_parse_declared_empty_year_is_covered),
		cmocka_unit_test(test_parse_provisional_directive),
		cmocka_unit_test(test_parse_crlf_bom_and_indented_comments),
		cmocka_unit_test(test_parse_errors_name_file_and_line),
		cmocka_unit_test(test_parse_rejects_undeclared_year),
		cmocka_unit_test(test_parse_rejects_duplicates_within_a_file),
		cmocka_unit_test(test_parse_rejects_bad_directives),
		cmocka_unit_test(test_parse_rejects_binary_and_bad_utf8),
		SHIPPED(test_failed_parse_leaves_calendar_unchanged),
		SHIPPED(test_later_file_adds_regional_day_off),
		SHIPPED(test_later_file_overrides_same_date),
		SHIPPED(test_later_file_confirms_provisional_year),
		SHIPPED(test_later_file_adds_a_year),
		cmocka_unit_test(test_describe_years_as_ranges),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_load_dir_reads_txt_files_in_name_order),
		cmocka_unit_test(test_load_dir_missing_or_empty),
		cmocka_unit_test(test_load_file_error_names_path_and_line),
		cmocka_unit_test(test_user_dir_follows_xdg_then_home),
		cmocka_unit_test(test_load_standard_reads_user_directory_last),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
