/* calendar.c - the production calendar: files, years, working days. */
#include "calendar.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "utf8.h"

#ifndef PERECHEN_CALENDAR_SYSDIR
#define PERECHEN_CALENDAR_SYSDIR "/etc/perechen/calendar.d"
#endif

/* A calendar file is a few kilobytes; anything this big is a mistake. */
#define CALENDAR_FILE_MAX ((size_t)16 << 20)

#define MAX_TOKENS 4

static const char *const kind_names[] = {
	"", "holiday", "dayoff", "workday", "short"
};

static const char *const kind_titles[] = {
	"обычный день",
	"нерабочий праздничный день",
	"выходной день (перенос)",
	"рабочий день (перенос выходного)",
	"предпраздничный (сокращённый) рабочий день"
};

void
calendar_init(struct calendar *cal)
{
	memset(cal, 0, sizeof *cal);
	strvec_init(&cal->files);
}

void
calendar_fini(struct calendar *cal)
{
	for (size_t i = 0; i < cal->ndays; i++)
		free(cal->days[i].reason);
	free(cal->days);
	free(cal->years);
	strvec_fini(&cal->files);
	memset(cal, 0, sizeof *cal);
}

/* Index of d in cal->days, or where it would go; *found says which. */
static size_t
day_slot(const struct calendar *cal, struct date d, bool *found)
{
	size_t lo = 0, hi = cal->ndays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = date_cmp(cal->days[mid].date, d);

		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

/* Index of year in cal->years, or where it would go. */
static size_t
year_slot(const struct calendar *cal, int year, bool *found)
{
	size_t lo = 0, hi = cal->nyears;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->years[mid].year == year) {
			*found = true;
			return mid;
		}
		if (cal->years[mid].year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

/* The declaration of year, or NULL if the calendar does not cover it. */
static const struct calendar_year *
find_year(const struct calendar *cal, int year)
{
	bool found;
	size_t i = year_slot(cal, year, &found);

	return found ? &cal->years[i] : NULL;
}

/* Insert or replace the entry for day->date; cal takes day->reason. */
static void
put_day(struct calendar *cal, const struct calendar_day *day)
{
	bool found;
	size_t i = day_slot(cal, day->date, &found);

	if (found) {
		free(cal->days[i].reason);
		cal->days[i] = *day;
		return;
	}
	cal->days = xreallocarray(cal->days, cal->ndays + 1, sizeof *cal->days);
	memmove(&cal->days[i + 1], &cal->days[i],
	    (cal->ndays - i) * sizeof *cal->days);
	cal->days[i] = *day;
	cal->ndays++;
}

/* Insert or replace the declaration of y->year. */
static void
put_year(struct calendar *cal, const struct calendar_year *y)
{
	bool found;
	size_t i = year_slot(cal, y->year, &found);

	if (found) {
		cal->years[i] = *y;
		return;
	}
	cal->years = xreallocarray(cal->years, cal->nyears + 1,
	    sizeof *cal->years);
	memmove(&cal->years[i + 1], &cal->years[i],
	    (cal->nyears - i) * sizeof *cal->years);
	cal->years[i] = *y;
	cal->nyears++;
}

/* Split line in place at runs of spaces and tabs; returns the count. */
static size_t
split_words(char *line, char **words, size_t max)
{
	size_t n = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return n;
		if (n == max)
			return max + 1;
		words[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

/* A four-digit year as written in "@year 2024". */
static int
parse_year(const char *s, int *year, struct error *err)
{
	int y = 0;

	if (strlen(s) != 4)
		goto bad;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		y = y * 10 + (s[i] - '0');
	}
	if (y < DATE_YEAR_MIN)
		goto bad;
	*year = y;
	return 0;
bad:
	return error_set(err, "«%s» — не год: ожидаются четыре цифры "
	    "(например, 2024)", s);
}

/* "@year YYYY [provisional]": the file covers that year. */
static int
parse_directive(struct calendar *part, char *line, size_t file, size_t lineno,
    struct error *err)
{
	char *w[MAX_TOKENS];
	size_t n = split_words(line, w, MAX_TOKENS);
	struct calendar_year y = { 0 };
	const struct calendar_year *dup;

	if (n == 0 || strcmp(w[0], "@year") != 0)
		return error_set(err, "неизвестная директива «%s»: ожидается "
		    "«@year ГГГГ» или «@year ГГГГ provisional»",
		    n > 0 ? w[0] : line);
	if (n < 2 || n > 3)
		return error_set(err, "директива @year: ожидается «@year ГГГГ» "
		    "или «@year ГГГГ provisional»");
	if (parse_year(w[1], &y.year, err) != 0)
		return -1;
	if (n == 3 && strcmp(w[2], "provisional") != 0)
		return error_set(err, "директива @year: после года допускается "
		    "только слово provisional, а не «%s»", w[2]);
	y.provisional = n == 3;
	y.file = file;
	y.line = lineno;
	if ((dup = find_year(part, y.year)) != NULL)
		return error_set(err, "год %d уже объявлен в строке %zu",
		    y.year, dup->line);
	put_year(part, &y);
	return 0;
}

/* A type word of the file format to its kind. */
static int
parse_kind(const char *s, enum calendar_kind *kind, struct error *err)
{
	for (int k = CALENDAR_HOLIDAY; k <= CALENDAR_SHORT; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*kind = (enum calendar_kind)k;
			return 0;
		}
	return error_set(err, "тип дня «%s»: ожидается holiday, dayoff, "
	    "workday или short", s);
}

/* "DATE<TAB>type[<TAB>reason]": one exception to the weekday rule. */
static int
parse_entry(const struct calendar *base, struct calendar *part, char *line,
    size_t file, size_t lineno, struct error *err)
{
	char *f[3], *tab;
	size_t n = 1;
	struct calendar_day day = { 0 };
	const struct calendar_day *dup;
	char shown[DATE_BUFSZ];

	f[0] = line;
	while (n < 3 && (tab = strchr(f[n - 1], '\t')) != NULL) {
		*tab = '\0';
		f[n++] = tab + 1;
	}
	if (n < 2)
		return error_set(err, "ожидается «ГГГГ-ММ-ДД<табуляция>тип"
		    "<табуляция>причина» или директива @year");
	if (date_parse(f[0], &day.date, err) != 0 ||
	    parse_kind(f[1], &day.kind, err) != 0)
		return -1;
	if (!calendar_covers(base, day.date.y) &&
	    find_year(part, day.date.y) == NULL)
		return error_set(err, "год %d не объявлен: добавьте выше "
		    "строку «@year %d» (она значит, что все исключения года "
		    "перечислены)", day.date.y, day.date.y);
	if ((dup = calendar_find(part, day.date)) != NULL)
		return error_set(err, "дата %s уже указана в строке %zu",
		    date_format(day.date, shown), dup->line);
	day.reason = xstrdup(n == 3 ? f[2] : "");
	day.file = file;
	day.line = lineno;
	put_day(part, &day);
	return 0;
}

/* Check and parse one line (without its newline) into part. */
static int
parse_line(const struct calendar *base, struct calendar *part,
    const char *s, size_t n, size_t file, size_t lineno, struct error *err)
{
	char *line;
	const char *first;
	int rc = 0;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (memchr(s, '\0', n) != NULL)
		return error_set(err, "в строке нулевой байт: это не текстовый "
		    "файл");
	if (!utf8_valid(s, n))
		return error_set(err, "строка не в кодировке UTF-8");
	line = xstrndup(s, n);
	first = line + strspn(line, " \t");
	if (*first == '\0' || *first == '#')
		rc = 0;
	else if (line[0] == '@')
		rc = parse_directive(part, line, file, lineno, err);
	else
		rc = parse_entry(base, part, line, file, lineno, err);
	free(line);
	return rc;
}

/* Move everything part holds into cal, later entries winning. */
static void
merge(struct calendar *cal, struct calendar *part)
{
	for (size_t i = 0; i < part->nyears; i++)
		put_year(cal, &part->years[i]);
	for (size_t i = 0; i < part->ndays; i++)
		put_day(cal, &part->days[i]);
	part->ndays = 0;
}

int
calendar_parse(struct calendar *cal, const char *text, size_t len,
    const char *origin, struct error *err)
{
	struct calendar part;
	size_t file = cal->files.n, lineno = 0, off = 0;

	calendar_init(&part);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	while (off < len) {
		const char *s = text + off;
		const char *nl = memchr(s, '\n', len - off);
		size_t n = nl != NULL ? (size_t)(nl - s) : len - off;

		lineno++;
		if (parse_line(cal, &part, s, n, file, lineno, err) != 0) {
			error_prefix(err, "%s:%zu", origin, lineno);
			calendar_fini(&part);
			return -1;
		}
		off += n + (nl != NULL);
	}
	merge(cal, &part);
	calendar_fini(&part);
	strvec_push(&cal->files, origin);
	return 0;
}

/* Read a whole (small) file into a buffer. */
static int
read_file(const char *path, struct buf *b, struct error *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;

	if (f == NULL)
		return error_set_errno(err, errno, "не удалось открыть %s",
		    path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b->len + n > CALENDAR_FILE_MAX) {
			fclose(f);
			return error_set(err, "%s: файл больше 16 МиБ — это не "
			    "календарь", path);
		}
		buf_append(b, chunk, n);
	}
	if (ferror(f)) {
		error_set_errno(err, errno, "ошибка чтения %s", path);
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

int
calendar_load_file(struct calendar *cal, const char *path, struct error *err)
{
	struct buf b;
	int rc;

	buf_init(&b);
	rc = read_file(path, &b, err);
	if (rc == 0)
		rc = calendar_parse(cal, b.data, b.len, path, err);
	buf_fini(&b);
	return rc;
}

/* qsort comparator: file names in strcmp order, as documented. */
static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names of the visible "*.txt" entries of an open directory. */
static void
list_txt(DIR *dir, struct strvec *names)
{
	struct dirent *de;

	while ((de = readdir(dir)) != NULL) {
		size_t n = strlen(de->d_name);

		if (de->d_name[0] == '.' || n <= 4 ||
		    strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		strvec_push(names, de->d_name);
	}
	if (names->n > 1)
		qsort(names->v, names->n, sizeof *names->v, compare_names);
}

int
calendar_load_dir(struct calendar *cal, const char *dir, bool required,
    struct error *err)
{
	struct strvec names;
	size_t loaded = 0;
	DIR *d = opendir(dir);
	int rc = 0;

	if (d == NULL) {
		if (errno == ENOENT && !required)
			return 0;
		return error_set_errno(err, errno, "не удалось открыть "
		    "каталог календаря %s", dir);
	}
	strvec_init(&names);
	list_txt(d, &names);
	closedir(d);
	for (size_t i = 0; i < names.n && rc == 0; i++) {
		char *path = xasprintf("%s/%s", dir, names.v[i]);
		struct stat sb;

		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			rc = calendar_load_file(cal, path, err);
			loaded++;
		}
		free(path);
	}
	strvec_fini(&names);
	if (rc == 0 && required && loaded == 0)
		rc = error_set(err, "в каталоге %s нет файлов календаря "
		    "(*.txt)", dir);
	return rc;
}

char *
calendar_user_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/perechen/calendar.d", xdg);
	if (home != NULL && home[0] != '\0')
		return xasprintf("%s/.config/perechen/calendar.d", home);
	return NULL;
}

const char *
calendar_system_dir(void)
{
	return PERECHEN_CALENDAR_SYSDIR;
}

void
calendar_standard_dirs(const char *share_dir, struct strvec *dirs)
{
	char *user = calendar_user_dir();

	strvec_push_owned(dirs, xasprintf("%s/calendar", share_dir));
	strvec_push(dirs, calendar_system_dir());
	if (user != NULL)
		strvec_push_owned(dirs, user);
}

int
calendar_load_standard(struct calendar *cal, const char *share_dir,
    struct error *err)
{
	struct strvec dirs;
	int rc = 0;

	strvec_init(&dirs);
	calendar_standard_dirs(share_dir, &dirs);
	for (size_t i = 0; i < dirs.n && rc == 0; i++)
		rc = calendar_load_dir(cal, dirs.v[i], i == 0, err);
	strvec_fini(&dirs);
	return rc;
}

bool
calendar_covers(const struct calendar *cal, int year)
{
	return find_year(cal, year) != NULL;
}

bool
calendar_is_provisional(const struct calendar *cal, int year)
{
	const struct calendar_year *y = find_year(cal, year);

	return y != NULL && y->provisional;
}

void
calendar_describe_years(const struct calendar *cal, struct buf *out)
{
	size_t i = 0;

	if (cal->nyears == 0) {
		buf_puts(out, "нет ни одного года");
		return;
	}
	while (i < cal->nyears) {
		size_t j = i;

		while (j + 1 < cal->nyears &&
		    cal->years[j + 1].year == cal->years[j].year + 1)
			j++;
		if (i > 0)
			buf_puts(out, ", ");
		if (j == i)
			buf_printf(out, "%d", cal->years[i].year);
		else
			buf_printf(out, "%d–%d", cal->years[i].year,
			    cal->years[j].year);
		i = j + 1;
	}
}

const struct calendar_day *
calendar_find(const struct calendar *cal, struct date d)
{
	bool found;
	size_t i = day_slot(cal, d, &found);

	return found ? &cal->days[i] : NULL;
}

const char *
calendar_kind_name(enum calendar_kind kind)
{
	if ((int)kind < CALENDAR_NONE || kind > CALENDAR_SHORT)
		return "";
	return kind_names[kind];
}

const char *
calendar_kind_title(enum calendar_kind kind)
{
	if ((int)kind < CALENDAR_NONE || kind > CALENDAR_SHORT)
		return "";
	return kind_titles[kind];
}

void
calendar_note_clear(struct calendar_note *note)
{
	if (note != NULL)
		memset(note, 0, sizeof *note);
}

/* Record in note what kind of year a day examined belongs to. */
static void
note_year(const struct calendar *cal, int year, struct calendar_note *note)
{
	const struct calendar_year *y;

	if (note == NULL)
		return;
	y = find_year(cal, year);
	if (y == NULL && !note->approximate) {
		note->approximate = true;
		note->uncovered_year = year;
	} else if (y != NULL && y->provisional && !note->provisional) {
		note->provisional = true;
		note->provisional_year = year;
	}
}

void
calendar_note_describe(const struct calendar *cal,
    const struct calendar_note *note, struct buf *out)
{
	if (note->approximate) {
		buf_printf(out, "приблизительно: год %d не входит в календарь "
		    "(известны ", note->uncovered_year);
		calendar_describe_years(cal, out);
		buf_puts(out, "), его дни считались рабочими с понедельника "
		    "по пятницу без праздников и переносов");
	}
	if (note->provisional) {
		if (note->approximate)
			buf_puts(out, "; ");
		buf_printf(out, "календарь на %d год предварительный: переносы "
		    "выходных не подтверждены постановлением, результат может "
		    "измениться", note->provisional_year);
	}
}

bool
calendar_is_working_day(const struct calendar *cal, struct date d,
    struct calendar_note *note)
{
	const struct calendar_day *day = calendar_find(cal, d);

	note_year(cal, d.y, note);
	if (day == NULL)
		return !date_is_weekend(d);
	switch (day->kind) {
	case CALENDAR_HOLIDAY:
	case CALENDAR_DAYOFF:
		return false;
	case CALENDAR_WORKDAY:
	case CALENDAR_SHORT:
		return true;
	case CALENDAR_NONE:
		break;
	}
	return !date_is_weekend(d);
}

int
calendar_add_working_days(const struct calendar *cal, struct date from,
    long n, struct date *result, struct calendar_note *note,
    struct error *err)
{
	static const struct date last = { DATE_YEAR_MAX, 12, 31 };
	struct date d = from;
	long found = 0;

	calendar_note_clear(note);
	if (n < 0 || n > CALENDAR_MAX_WORKING_DAYS)
		return error_set(err, "число рабочих дней должно быть от 0 до "
		    "%d, а не %ld", CALENDAR_MAX_WORKING_DAYS, n);
	while (found < n) {
		if (date_cmp(d, last) >= 0)
			return error_set(err, "срок выходит за 31.12.9999");
		d = date_add_days(d, 1);
		if (calendar_is_working_day(cal, d, note))
			found++;
	}
	*result = d;
	return 0;
}

long
calendar_working_days_between(const struct calendar *cal, struct date from,
    struct date to, struct calendar_note *note)
{
	long days, count = 0;
	int sign = 1;

	calendar_note_clear(note);
	if (date_cmp(to, from) < 0) {
		struct date t = from;

		from = to;
		to = t;
		sign = -1;
	}
	days = date_diff(from, to);
	for (long i = 1; i <= days; i++)
		if (calendar_is_working_day(cal, date_add_days(from, i), note))
			count++;
	return sign * count;
}

int
calendar_year_stats(const struct calendar *cal, int year,
    struct calendar_year_stats *stats, struct error *err)
{
	const struct calendar_year *y = find_year(cal, year);
	struct date jan1 = { year, 1, 1 };
	struct buf known;

	if (y == NULL) {
		buf_init(&known);
		calendar_describe_years(cal, &known);
		error_set(err, "%d год не входит в производственный календарь "
		    "(известны %s)", year, known.data);
		buf_fini(&known);
		return -1;
	}
	memset(stats, 0, sizeof *stats);
	stats->year = year;
	stats->provisional = y->provisional;
	stats->days = date_is_leap_year(year) ? 366 : 365;
	for (int i = 0; i < stats->days; i++) {
		struct date d = date_add_days(jan1, i);
		const struct calendar_day *day = calendar_find(cal, d);

		if (calendar_is_working_day(cal, d, NULL))
			stats->working++;
		if (day != NULL && day->kind == CALENDAR_HOLIDAY)
			stats->holidays++;
	}
	stats->nonworking = stats->days - stats->working;
	return 0;
}
