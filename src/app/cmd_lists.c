/*
 * cmd_lists.c - "perechen lists": the shared lists of the server the
 * account has a role in; with --status one table of where each stands
 * (latest revision, published or not, changes pending and their deadline,
 * overdue ones first), for the regional project office as CSV or HTML.
 *
 * Exit status with --status: 0 nothing is due, 1 something is due within
 * its deadline, 2 a deadline has passed (as "perechen status"), 3 the
 * state could not be worked out.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "calendar.h"
#include "date.h"
#include "fileio.h"
#include "reminder.h"
#include "shared.h"
#include "store_status.h"
#include "store_tx.h"
#include "strvec.h"
#include "utf8.h"

enum { LISTS_FAILED = 3 };
enum lists_format { LISTS_TEXT, LISTS_CSV, LISTS_HTML, LISTS_NAMES };

static void
lists_usage(FILE *f)
{
	fputs("Использование: perechen lists [--status] [--all] "
	    "[--format text|csv|html] [--today ДАТА]\n"
	    "Общие перечни сервера (" PERECHEN_LISTSDIR "), где у вас есть\n"
	    "роль: имя (для perechen -l ИМЯ), роль, орган.\n\n"
	    "  --status         одна таблица о каждом: последняя редакция и\n"
	    "                   приказ, размещена ли на сайте, изменения к\n"
	    "                   актуализации и их срок; просроченные первыми\n"
	    "  --all            все перечни сервера (только администратор)\n"
	    "  --format ФОРМАТ  text (по умолчанию), csv, html или names (только\n"
	    "                   имена, по одному в строке: для дополнения)\n"
	    "  --today ДАТА     положение на ДАТУ (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)\n"
	    "  -h, --help       эта справка\n\n"
	    "Код возврата с --status: 0 — делать ничего не нужно, 1 — есть что\n"
	    "сделать в срок, 2 — срок пропущен, 3 — состояние узнать не\n"
	    "удалось.\n", f);
}

/* One shared list as the table shows it. */
struct list_row {
	char	*name;
	char	*org;
	enum role role;
	bool	 open;		/* the list records no users */
	struct reminder r;
	struct reminder_facts f;
	bool	 computed;	/* r and f hold its status */
	char	*failed;	/* why its status is unknown, or NULL */
};

struct lists_opts {
	bool	 status, all;
	enum lists_format format;
	struct date today;
	struct calendar cal;
};

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the shared lists, sorted: NAME of every NAME.db whose
 * name is one a list may have.  Read with the group's rights. */
static int
shared_names(struct strvec *names, struct error *err)
{
	struct error name_err;
	struct dirent *d;
	DIR *dir;

	if (shared_regain(err) != 0)
		return -1;
	dir = opendir(shared_dir());
	if (dir == NULL) {
		error_set_errno(err, errno, "каталог общих перечней %s",
		    shared_dir());
		if (shared_drop(&name_err) != 0)
			abort();	/* never go on holding the group's rights */
		return -1;
	}
	while ((d = readdir(dir)) != NULL) {
		size_t len = strlen(d->d_name);
		char *name;

		if (len < 4 || strcmp(d->d_name + len - 3, ".db") != 0)
			continue;
		name = xstrndup(d->d_name, len - 3);
		if (shared_name_check(name, &name_err) == 0)
			strvec_push(names, name);
		free(name);
	}
	closedir(dir);
	if (shared_drop(err) != 0)
		abort();	/* never go on holding the group's rights */
	qsort(names->v, names->n, sizeof *names->v, name_cmp);
	return 0;
}

static void
row_fini(struct list_row *row)
{
	free(row->name);
	free(row->org);
	free(row->failed);
	if (row->computed)
		reminder_facts_fini(&row->f);
}

/* Open list name, fill row's role and body and, with --status, the
 * reminder.  false when the account may not see it. */
static bool
row_read(const struct app *app, const char *name, const struct lists_opts *o,
    struct list_row *row)
{
	struct app one = *app;
	struct policy_user u;
	struct list_header h;
	struct store *st;
	struct error err;
	bool visible;

	memset(row, 0, sizeof *row);
	row->name = xstrdup(name);
	one.list_name = name;
	one.db_path = one.db_path_owned = shared_path(name);
	one.owner = NULL;
	if (app_open_store(&one, 0, &st, &err) != 0) {
		free(one.db_path_owned);
		row->failed = xstrdup(err.msg);
		row->org = xstrdup("");
		return o->all;
	}
	free(one.db_path_owned);
	policy_user_init(&u);
	list_header_init(&h);
	if (store_users_lookup(st, app_login(), &u, &err) == 0) {
		row->role = u.role;
		row->open = u.open;
	}
	visible = o->all || row->open || row->role != ROLE_NONE;
	row->org = xstrdup(store_get_header(st, &h, &err) == 0 &&
	    h.org != NULL ? h.org : "");
	if (visible && o->status) {
		reminder_facts_init(&row->f);
		row->computed = true;
		if (store_status_facts_on(st, o->today, &row->f, &err) != 0 ||
		    reminder_compute(&row->f, o->today, &o->cal, &row->r,
		    &err) != 0)
			row->failed = xstrdup(err.msg);
	}
	list_header_fini(&h);
	policy_user_fini(&u);
	store_close(st);
	return visible;
}

/* Overdue first, then due, then the rest; unknown ones before all (the
 * office must look at them); by name within. */
static int
row_rank(const struct list_row *row)
{
	if (row->failed != NULL)
		return 3;
	return row->computed ? (int)row->r.level : 0;
}

static int
row_cmp(const void *a, const void *b)
{
	const struct list_row *x = a, *y = b;
	int d = row_rank(y) - row_rank(x);

	return d != 0 ? d : strcmp(x->name, y->name);
}

static const char *
role_shown(const struct list_row *row)
{
	if (row->open)
		return "перечень без ролей";
	return row->role == ROLE_NONE ? "—" : role_title(row->role);
}

/* The status columns of row into cells (strings owned by cells). */
static void
status_cells(const struct list_row *row, struct strvec *cells)
{
	const struct reminder *r = &row->r;
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	const struct reminder_deadline *by = NULL;
	char *s;

	if (row->failed != NULL) {
		strvec_push(cells, "?");
		strvec_push(cells, "?");
		strvec_push(cells, "?");
		strvec_push(cells, "?");
		s = xasprintf("не удалось узнать: %s", row->failed);
		strvec_push(cells, s);
		free(s);
		return;
	}
	if (row->f.approved) {
		s = xasprintf("%lld: приказ № %s от %s",
		    (long long)row->f.revision, row->f.order_no,
		    date_format(row->f.order_date, d1));
		strvec_push(cells, s);
		free(s);
		strvec_push(cells, row->f.published ? date_format(
		    row->f.published_date, d2) : "нет");
	} else {
		strvec_push(cells, "не утверждён");
		strvec_push(cells, "—");
	}
	s = xasprintf("%zu", reminder_pending(&row->f));
	strvec_push(cells, s);
	free(s);
	if (r->actualise)
		by = &r->actualise_by;
	else if (r->unpublished)
		by = &r->publish_by;
	strvec_push(cells, by != NULL ? date_format(by->due, d1) : "—");
	strvec_push(cells, r->level == REMINDER_OVERDUE ? "ПРОСРОЧЕНО" :
	    r->level == REMINDER_DUE ? "к сроку" : "в порядке");
}

static void
row_cells(const struct list_row *row, const struct lists_opts *o,
    struct strvec *cells)
{
	strvec_push(cells, row->name);
	strvec_push(cells, row->org);
	if (o->status)
		status_cells(row, cells);
	else
		strvec_push(cells, role_shown(row));
}

static void
header_cells(const struct lists_opts *o, struct strvec *cells)
{
	static const char *const plain[] = { "Перечень", "Орган", "Роль" };
	static const char *const status[] = { "Перечень", "Орган",
	    "Последняя редакция", "На сайте", "Изменений", "Срок",
	    "Состояние" };

	if (o->status)
		for (size_t i = 0; i < sizeof status / sizeof status[0]; i++)
			strvec_push(cells, status[i]);
	else
		for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
			strvec_push(cells, plain[i]);
}

/* CSV (RFC 4180) field. */
static void
put_csv(struct buf *b, const char *s, bool last)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_puts(b, last ? "\"\r\n" : "\",");
}

static void
put_html(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s); break;
		}
	}
}

/* Text: columns padded to the widest cell (the body cut to 40). */
static void
emit_text(struct strvec *rows, size_t ncols, struct buf *b)
{
	int width[8] = { 0 };

	for (size_t i = 0; i < rows->n; i++) {
		int w = utf8_width(rows->v[i]);
		size_t c = i % ncols;

		if (c == 1 && w > 40)
			w = 40;
		if (w > width[c])
			width[c] = w;
	}
	for (size_t i = 0; i < rows->n; i++) {
		size_t c = i % ncols;
		int w = utf8_fit(rows->v[i], width[c], b);

		if (c + 1 == ncols) {
			buf_putc(b, '\n');
			continue;
		}
		for (; w < width[c] + 2; w++)
			buf_putc(b, ' ');
	}
}

static void
emit_html(struct strvec *rows, size_t ncols, bool status, struct buf *b)
{
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta "
	    "charset=\"utf-8\"><title>");
	buf_puts(b, status ? "Состояние перечней" : "Перечни");
	buf_puts(b, "</title></head><body>\n<table border=\"1\">\n");
	for (size_t i = 0; i < rows->n; i++) {
		size_t c = i % ncols;

		if (c == 0)
			buf_puts(b, "<tr>");
		buf_puts(b, i < ncols ? "<th>" : "<td>");
		put_html(b, rows->v[i]);
		buf_puts(b, i < ncols ? "</th>" : "</td>");
		if (c + 1 == ncols)
			buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</table>\n</body></html>\n");
}

/* The table as the format asks, through the sanitiser. */
static void
emit(struct list_row *rows, size_t n, const struct lists_opts *o)
{
	struct strvec cells;
	struct buf b;
	size_t ncols;

	strvec_init(&cells);
	buf_init(&b);
	header_cells(o, &cells);
	ncols = cells.n;
	for (size_t i = 0; i < n; i++)
		row_cells(&rows[i], o, &cells);
	if (o->format == LISTS_NAMES)
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s\n", rows[i].name);
	else if (o->format == LISTS_CSV)
		for (size_t i = 0; i < cells.n; i++)
			put_csv(&b, cells.v[i], i % ncols + 1 == ncols);
	else if (o->format == LISTS_HTML)
		emit_html(&cells, ncols, o->status, &b);
	else
		emit_text(&cells, ncols, &b);
	app_print(stdout, b.data);
	buf_fini(&b);
	strvec_fini(&cells);
}

static int
lists_parse(int argc, char **argv, struct lists_opts *o, const char **today)
{
	static const struct option opts[] = {
		{ "status", no_argument, NULL, 's' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's': o->status = true; break;
		case 'a': o->all = true; break;
		case 't': *today = optarg; break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				o->format = LISTS_CSV;
			else if (strcmp(optarg, "html") == 0)
				o->format = LISTS_HTML;
			else if (strcmp(optarg, "text") == 0)
				o->format = LISTS_TEXT;
			else if (strcmp(optarg, "names") == 0)
				o->format = LISTS_NAMES;
			else
				return app_usage_error("lists", "формат «%s» "
				    "неизвестен: text, csv или html", optarg);
			break;
		case 'h': lists_usage(stdout); return -1;
		default: return app_bad_option("lists", "h", opts, argv);
		}
	}
	if (optind < argc)
		return app_usage_error("lists", "лишний аргумент «%s»",
		    argv[optind]);
	if (o->all && !shared_is_admin())
		return app_usage_error("lists", "--all — для администратора; "
		    "без него видны перечни, где у вас есть роль");
	return 0;
}

/* Read every list the account may see into *rows; the worst level. */
static int
lists_gather(const struct app *app, const struct lists_opts *o,
    struct list_row **rows, size_t *n, struct error *err)
{
	struct strvec names;
	int worst = 0;

	strvec_init(&names);
	if (shared_names(&names, err) != 0) {
		strvec_fini(&names);
		return -1;
	}
	*rows = xcalloc(names.n + 1, sizeof **rows);
	*n = 0;
	for (size_t i = 0; i < names.n; i++) {
		struct list_row *row = &(*rows)[*n];

		if (!row_read(app, names.v[i], o, row)) {
			row_fini(row);
			continue;
		}
		if (row_rank(row) > worst)
			worst = row_rank(row);
		(*n)++;
	}
	strvec_fini(&names);
	qsort(*rows, *n, sizeof **rows, row_cmp);
	return worst;
}

int
cmd_lists(struct app *app, int argc, char **argv)
{
	struct lists_opts o = { .format = LISTS_TEXT };
	const char *today = NULL;
	struct list_row *rows = NULL;
	struct error err;
	size_t n = 0;
	int rc;

	rc = lists_parse(argc, argv, &o, &today);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : (o.status ? LISTS_FAILED : rc);
	calendar_init(&o.cal);
	if (date_resolve_today(today, &o.today, &err) != 0 ||
	    (o.status && calendar_load_standard(&o.cal, app->share_dir,
	    &err) != 0) || (rc = lists_gather(app, &o, &rows, &n,
	    &err)) < 0) {
		app_error("lists: %s", err.msg);
		calendar_fini(&o.cal);
		return o.status ? LISTS_FAILED : EXIT_FAIL;
	}
	if (n == 0 && o.format == LISTS_TEXT)
		app_note("Общих перечней, где у вас есть роль, нет (%s).",
		    shared_dir());
	else
		emit(rows, n, &o);
	for (size_t i = 0; i < n; i++)
		row_fini(&rows[i]);
	free(rows);
	calendar_fini(&o.cal);
	if (fileio_flush_stdout(&err) != 0) {
		app_error("lists: %s", err.msg);
		return o.status ? LISTS_FAILED : EXIT_FAIL;
	}
	return o.status ? rc : EXIT_OK;
}
