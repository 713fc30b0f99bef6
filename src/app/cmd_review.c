/*
 * cmd_review.c - "perechen review": review sessions from the shell (п. 2.2:
 * authorised persons check each entry for completeness and compliance).
 *
 * A session is driven end to end by separate commands, each of which
 * reads and writes the stored session, so a script (or a clerk whose link
 * dropped) picks it up where it stopped: start, show, next, prev, goto,
 * accept, return, skip, finish; report and list read only.  Without an
 * action it says how the clerk's session stands; with --scope it lists
 * what that scope would take.  The editor's review mode drives the same
 * store functions (store_review.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "calendar.h"
#include "date.h"
#include "fileio.h"
#include "reminder.h"
#include "store_history.h"
#include "store_review.h"
#include "store_status.h"
#include "store_users.h"
#include "utf8.h"

/* Columns the field names of an item are padded to. */
#define REVIEW_LABEL_WIDTH 16

/* The command's Russian help. */
static void
cmd_review_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] review [ДЕЙСТВИЕ [ТОЧКА]] "
	    "[ПАРАМЕТРЫ]\n"
	    "Проверка точек уполномоченным лицом (п. 2.2): по каждой точке —\n"
	    "принять, вернуть на доработку с замечанием или пропустить.\n"
	    "Проверка хранится в перечне: прерванная продолжается с той же\n"
	    "точки.\n\n"
	    "  review                      как идёт ваша проверка\n"
	    "  review start [--scope ОБЪЁМ] начать проверку и показать первую "
	    "точку\n"
	    "  review show                 текущая точка: сведения,\n"
	    "                              замечания, изменения после\n"
	    "                              утверждения\n"
	    "  review next | prev          следующая | предыдущая точка\n"
	    "  review goto K|N.M           K-я точка проверки или точка N.M\n"
	    "  review accept [N.M]         принять (текущую или точку N.M)\n"
	    "  review return [N.M] --comment ТЕКСТ\n"
	    "                              вернуть на доработку с замечанием\n"
	    "  review skip [N.M]           пропустить\n"
	    "  review finish               завершить и вывести итог\n"
	    "  review report [--session N] итог проверки (также review "
	    "--report)\n"
	    "  review list                 все проверки\n"
	    "  review --scope ОБЪЁМ        какие точки вошли бы в проверку\n\n"
	    "  --scope all|changed|findings|unit ПОДРАЗДЕЛЕНИЕ\n"
	    "                  все точки; изменённые после утверждения\n"
	    "                  последней редакции (по умолчанию, если она\n"
	    "                  есть); с ошибками или непринятыми\n"
	    "                  предупреждениями; точки подразделения\n"
	    "  --unit ПОДРАЗДЕЛЕНИЕ        то же, что --scope unit\n"
	    "  --session N     проверка № N (иначе ваша незавершённая)\n"
	    "  --comment ТЕКСТ замечание к решению\n"
	    "  -h, --help      эта справка\n\n"
	    "Когда не просмотренных точек не остаётся, проверка завершается\n"
	    "и печатается итог. Решения попадают в журнал изменений (поле\n"
	    "«проверка»); возвращённая точка остаётся отмеченной, пока её не\n"
	    "изменят. Проверять может уполномоченное лицо.\n", f);
}

struct cmd_review_args {
	const char *action;	/* "" for none */
	const char *target;	/* N.M or K, or NULL */
	int64_t	 session;	/* 0: the clerk's own unfinished one */
	int	 scope;		/* enum review_scope, or -1 */
	const char *unit;
	const char *comment;
	bool	 report;
};

static const char *const cmd_review_actions[] = {
	"start", "show", "next", "prev", "goto", "accept", "return", "skip",
	"finish", "report", "list"
};

/* Whether s is one of the actions (not a unit name after --scope unit). */
static bool
cmd_review_is_action(const char *s)
{
	for (size_t i = 0; i < sizeof cmd_review_actions /
	    sizeof cmd_review_actions[0]; i++)
		if (strcmp(s, cmd_review_actions[i]) == 0)
			return true;
	return false;
}

/* A whole number from 1 up, or 0. */
static int64_t
cmd_review_number(const char *s)
{
	long long v;

	return app_parse_number(s, 1, INT64_MAX, &v) == 0 ? (int64_t)v : 0;
}

/* Options and operands into a; 0, -1 after --help, or an exit code. */
static int
cmd_review_parse(int argc, char **argv, struct cmd_review_args *a)
{
	static const struct option opts[] = {
		{ "scope", required_argument, NULL, 's' },
		{ "unit", required_argument, NULL, 'u' },
		{ "session", required_argument, NULL, 'n' },
		{ "comment", required_argument, NULL, 'c' },
		{ "report", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	a->action = "";
	a->scope = -1;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if ((a->scope = review_scope_parse(optarg)) < 0) {
				app_error("review: объём «%s» неизвестен: all, "
				    "changed, findings или unit ПОДРАЗДЕЛЕНИЕ",
				    optarg);
				return EXIT_USAGE;
			}
			/* "--scope unit ОТДЕЛ": the unit is the next word. */
			if (a->scope == REVIEW_SCOPE_UNIT && a->unit == NULL &&
			    optind < argc && argv[optind][0] != '-' &&
			    !cmd_review_is_action(argv[optind]))
				a->unit = argv[optind++];
			break;
		case 'u':
			a->unit = optarg;
			a->scope = REVIEW_SCOPE_UNIT;
			break;
		case 'n':
			if ((a->session = cmd_review_number(optarg)) == 0) {
				app_error("review: --session «%s»: ожидается "
				    "номер проверки", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'c':
			a->comment = optarg;
			break;
		case 'r':
			a->report = true;
			break;
		case 'h':
			cmd_review_usage(stdout);
			return -1;
		default:
			return app_bad_option("review", "h", opts, argv);
		}
	}
	if (optind < argc)
		a->action = argv[optind++];
	if (optind < argc)
		a->target = argv[optind++];
	if (optind < argc || (a->action[0] != '\0' &&
	    !cmd_review_is_action(a->action))) {
		app_error("review: лишний или неизвестный аргумент «%s»; "
		    "справка: perechen review --help", optind < argc ?
		    argv[optind] : a->action);
		return EXIT_USAGE;
	}
	if (a->target != NULL && strcmp(a->action, "goto") != 0 &&
	    strcmp(a->action, "accept") != 0 &&
	    strcmp(a->action, "return") != 0 &&
	    strcmp(a->action, "skip") != 0) {
		app_error("review %s: лишний аргумент «%s»", a->action,
		    a->target);
		return EXIT_USAGE;
	}
	if (a->scope == REVIEW_SCOPE_UNIT && a->unit == NULL) {
		app_error("review: --scope unit: укажите подразделение");
		return EXIT_USAGE;
	}
	return 0;
}

struct cmd_review_ctx {
	struct store *st;
	const char *share_dir;	/* the production calendar's home */
	struct catalog cat;
	struct app_actor who;
	struct error err;
	struct buf out;
};

/* Append data text to the output, sanitised, on one line. */
static void
cmd_review_put(struct cmd_review_ctx *c, const char *s)
{
	utf8_sanitize(s, 0, &c->out);
}

/* "  Вид:            value", continuation lines under the value. */
static void
cmd_review_field(struct cmd_review_ctx *c, const char *label,
    const char *value)
{
	const char *p = value, *nl;
	int w = utf8_width(label);

	buf_printf(&c->out, "  %s", label);
	for (; w < REVIEW_LABEL_WIDTH; w++)
		buf_putc(&c->out, ' ');
	if (value[0] == '\0') {
		buf_puts(&c->out, "—\n");
		return;
	}
	for (bool first = true; ; first = false) {
		char *line;

		nl = strchr(p, '\n');
		line = nl != NULL ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		if (!first)
			buf_printf(&c->out, "  %*s", REVIEW_LABEL_WIDTH, "");
		cmd_review_put(c, line);
		buf_putc(&c->out, '\n');
		free(line);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* "12/19", or "19/19, все точки пройдены" past the last. */
static void
cmd_review_progress(struct cmd_review_ctx *c, const struct review_session *r)
{
	buf_printf(&c->out, "Проверка № %lld (", (long long)r->id);
	buf_puts(&c->out, review_scope_title(r->scope));
	if (r->scope == REVIEW_SCOPE_UNIT) {
		buf_puts(&c->out, " «");
		cmd_review_put(c, r->unit);
		buf_puts(&c->out, "»");
	}
	if (r->position < r->total)
		buf_printf(&c->out, "): %zu/%zu", r->position + 1, r->total);
	else
		buf_printf(&c->out, "): %zu/%zu, все точки пройдены", r->total,
		    r->total);
	buf_printf(&c->out, " — принято %zu, возвращено %zu, пропущено %zu, "
	    "не просмотрено %zu.\n", r->count[VERDICT_ACCEPTED],
	    r->count[VERDICT_RETURNED], r->count[VERDICT_SKIPPED],
	    r->count[VERDICT_PENDING]);
}

/* A verdict with its comment and who gave it when. */
static void
cmd_review_verdict_words(struct cmd_review_ctx *c, enum verdict v,
    const char *comment, const char *login, const char *at_utc)
{
	char when[REMINDER_TIME_BUFSZ];

	buf_puts(&c->out, verdict_title(v));
	if (comment[0] != '\0') {
		buf_puts(&c->out, ": ");
		cmd_review_put(c, comment);
	}
	if (login[0] != '\0') {
		buf_puts(&c->out, " (");
		cmd_review_put(c, login);
		buf_puts(&c->out, ", ");
		cmd_review_put(c, reminder_format_time(at_utc, when));
		buf_puts(&c->out, ")");
	}
}

/* The record as it is now. */
static void
cmd_review_record(struct cmd_review_ctx *c, const struct review_detail *d)
{
	const struct touchpoint *tp = &d->tp;
	char *s;

	buf_printf(&c->out, "%zu.%zu ", d->pnum, d->tnum);
	cmd_review_put(c, tp->name);
	buf_putc(&c->out, '\n');
	s = xasprintf("%zu %s", d->pnum, d->process);
	cmd_review_field(c, "Процесс", s);
	free(s);
	s = xasprintf("%s (%s)", change_kind_name(&c->cat, tp->kind),
	    channel_label(tp->channel));
	cmd_review_field(c, "Вид", s);
	free(s);
	s = change_contacts_text(tp);
	cmd_review_field(c, "Контакты", s);
	free(s);
	s = change_needs_text(tp);
	cmd_review_field(c, "Потребности", s);
	free(s);
	cmd_review_field(c, "Особенности", tp->specifics);
	cmd_review_field(c, "Ключевая", tp->key ? "да" : "нет");
	cmd_review_field(c, "Основание", tp->basis);
	cmd_review_field(c, "Подразделение", tp->unit);
	cmd_review_field(c, "Клиенты", tp->audience == AUDIENCE_INTERNAL ?
	    "внутренние" : "внешние");
	if (tp->excluded)
		cmd_review_field(c, "Исключена", tp->exclude_reason);
}

/* The findings of the rules about the touchpoint, acknowledgements shown. */
static void
cmd_review_findings(struct cmd_review_ctx *c, const struct review_detail *d)
{
	buf_puts(&c->out, "Замечания:");
	if (d->tp.excluded)
		buf_puts(&c->out, " точка исключена — правилами не "
		    "проверяется");
	else if (d->findings.n == 0)
		buf_puts(&c->out, " нет");
	buf_putc(&c->out, '\n');
	for (size_t i = 0; i < d->findings.n; i++) {
		const struct finding *fi = &d->findings.v[i];

		buf_printf(&c->out, "  %s: ", level_label(fi->level));
		cmd_review_put(c, fi->message);
		if (fi->acknowledged) {
			buf_puts(&c->out, " (принято: ");
			cmd_review_put(c, fi->justification);
			buf_putc(&c->out, ')');
		}
		buf_putc(&c->out, '\n');
	}
}

/* The changes since the latest revision, old → new. */
static void
cmd_review_changes(struct cmd_review_ctx *c, const struct review_detail *d)
{
	if (d->revision == 0) {
		buf_puts(&c->out, "Изменения: перечень ещё не утверждён — "
		    "сравнивать не с чем.\n");
		return;
	}
	buf_printf(&c->out, "Изменения после редакции %lld:",
	    (long long)d->revision);
	if (d->changes.n == 0)
		buf_puts(&c->out, " нет");
	buf_putc(&c->out, '\n');
	for (size_t i = 0; i < d->changes.n; i++) {
		const struct change *ch = &d->changes.v[i];

		if (!d->in_revision) {
			cmd_review_field(c, "новая точка", ch->new_value);
			continue;
		}
		if (strchr(ch->old_value, '\n') == NULL &&
		    strchr(ch->new_value, '\n') == NULL) {
			buf_puts(&c->out, "  ");
			cmd_review_put(c, ch->field);
			buf_puts(&c->out, ": ");
			cmd_review_put(c, ch->old_value[0] ? ch->old_value :
			    "—");
			buf_puts(&c->out, " → ");
			cmd_review_put(c, ch->new_value[0] ? ch->new_value :
			    "—");
			buf_putc(&c->out, '\n');
			continue;
		}
		buf_puts(&c->out, "  ");
		cmd_review_put(c, ch->field);
		buf_puts(&c->out, ":\n");
		cmd_review_field(c, "  было:", ch->old_value);
		cmd_review_field(c, "  стало:", ch->new_value);
	}
}

/*
 * Record that the current item is shown as it is now, before it is read:
 * review accept takes only a version shown.  A list the reviewer may not
 * write still shows, with the reason no verdict can follow.
 */
static void
cmd_review_mark_seen(struct cmd_review_ctx *c, const struct review_session *r)
{
	struct error err;

	if (r->finished_utc[0] != '\0')
		return;
	if (store_review_seen(c->st, r->id, r->position, &c->who.actor,
	    &err) != 0)
		app_note("Решение по этой точке сейчас не записать: %s",
		    err.msg);
}

/* The current item of session r: everything the reviewer decides on. */
static int
cmd_review_show(struct cmd_review_ctx *c, const struct review_session *r)
{
	struct review_items items = { 0 };
	struct review_detail d;
	const struct review_item *it;
	int rc;

	cmd_review_progress(c, r);
	if (r->position >= r->total) {
		buf_printf(&c->out, "Вернуться: perechen review prev или goto "
		    "K; завершить: perechen review finish%s.\n",
		    r->finished_utc[0] ? " (уже завершена)" : "");
		return 0;
	}
	if (store_review_items(c->st, r->id, &items, &c->err) != 0)
		return -1;
	it = &items.v[r->position];
	if (it->gone) {
		buf_puts(&c->out, "Точки ");
		cmd_review_put(c, it->label);
		buf_puts(&c->out, " больше нет в перечне: perechen review "
		    "next.\n");
		review_items_fini(&items);
		return 0;
	}
	cmd_review_mark_seen(c, r);
	review_detail_init(&d);
	rc = store_review_detail(c->st, it->tp_id, &c->cat, &d, &c->err);
	if (rc == 0) {
		cmd_review_record(c, &d);
		cmd_review_findings(c, &d);
		cmd_review_changes(c, &d);
		buf_puts(&c->out, "Решение: ");
		if (it->verdict != VERDICT_PENDING) {
			buf_puts(&c->out, "в этой проверке — ");
			cmd_review_verdict_words(c, it->verdict, it->comment,
			    it->login, it->at_utc);
			if (it->stale)
				buf_puts(&c->out, "; точка изменена после "
				    "решения");
		} else if (d.standing.verdict != VERDICT_PENDING) {
			buf_printf(&c->out, "в проверке № %lld — ",
			    (long long)d.standing.session);
			cmd_review_verdict_words(c, d.standing.verdict,
			    d.standing.comment, d.standing.login,
			    d.standing.at_utc);
		} else {
			buf_puts(&c->out, "ещё не принято");
		}
		buf_puts(&c->out, ".\nДальше: perechen review accept | return "
		    "--comment ТЕКСТ | skip | prev | next\n");
	}
	review_detail_fini(&d);
	review_items_fini(&items);
	return rc;
}

/* Items of r with verdict v, one per line, under a heading. */
static void
cmd_review_report_group(struct cmd_review_ctx *c,
    const struct review_items *items, enum verdict v, const char *heading)
{
	bool any = false;

	for (size_t i = 0; i < items->n; i++) {
		const struct review_item *it = &items->v[i];

		if (it->verdict != v)
			continue;
		if (!any)
			buf_printf(&c->out, "\n%s:\n", heading);
		any = true;
		buf_puts(&c->out, "  ");
		cmd_review_put(c, it->label);
		if (it->comment[0] != '\0') {
			buf_puts(&c->out, " — ");
			cmd_review_put(c, it->comment);
		}
		if (it->gone)
			buf_puts(&c->out, " (нет в перечне)");
		else if (it->stale)
			buf_puts(&c->out, " (изменена после решения)");
		buf_putc(&c->out, '\n');
	}
}

/*
 * The deadlines of п. 5.3-5.4 as they stand today, in the reminder's own
 * words: a missed actualisation reads as missed however the review went.
 * Without a calendar the report says so and goes on.
 */
static void
cmd_review_report_deadlines(struct cmd_review_ctx *c)
{
	struct reminder_facts f;
	struct calendar cal;
	struct reminder r;
	struct strvec lines;
	struct error err;
	struct date today;
	char day[DATE_BUFSZ];

	calendar_init(&cal);
	reminder_facts_init(&f);
	strvec_init(&lines);
	if (date_resolve_today(NULL, &today, &err) != 0 ||
	    calendar_load_standard(&cal, c->share_dir, &err) != 0 ||
	    store_status_facts_on(c->st, today, &f, &err) != 0 ||
	    reminder_compute(&f, today, &cal, &r, &err) != 0) {
		buf_puts(&c->out, "\nСроки п. 5.4 не посчитаны: ");
		cmd_review_put(c, err.msg);
		buf_putc(&c->out, '\n');
	} else {
		reminder_format(&r, &f, &cal, &lines);
		buf_printf(&c->out, "\nСроки (п. 5.3–5.4) на %s:\n",
		    date_format(today, day));
		for (size_t i = 0; i < lines.n; i++) {
			cmd_review_put(c, lines.v[i]);
			buf_putc(&c->out, '\n');
		}
	}
	strvec_fini(&lines);
	reminder_facts_fini(&f);
	calendar_fini(&cal);
}

/* A session's outcome: scope, when, by whom, counts, items by verdict. */
static int
cmd_review_report(struct cmd_review_ctx *c, const struct review_session *r)
{
	struct review_items items = { 0 };
	char when[REMINDER_TIME_BUFSZ];
	struct list_header h;

	list_header_init(&h);
	if (store_get_header(c->st, &h, &c->err) != 0 ||
	    store_review_items(c->st, r->id, &items, &c->err) != 0) {
		list_header_fini(&h);
		return -1;
	}
	if (h.org[0] != '\0') {
		cmd_review_put(c, h.org);
		buf_putc(&c->out, '\n');
	}
	list_header_fini(&h);
	buf_printf(&c->out, "Итог проверки № %lld: ", (long long)r->id);
	buf_puts(&c->out, review_scope_title(r->scope));
	if (r->scope == REVIEW_SCOPE_UNIT) {
		buf_puts(&c->out, " «");
		cmd_review_put(c, r->unit);
		buf_puts(&c->out, "»");
	}
	if (r->revision > 0)
		buf_printf(&c->out, " (после редакции %lld)",
		    (long long)r->revision);
	buf_puts(&c->out, ".\nНачата ");
	cmd_review_put(c, reminder_format_time(r->started_utc, when));
	buf_puts(&c->out, ", проверяющий ");
	cmd_review_put(c, r->started_by);
	if (r->finished_utc[0] != '\0') {
		buf_puts(&c->out, "; завершена ");
		cmd_review_put(c, reminder_format_time(r->finished_utc, when));
		buf_puts(&c->out, ".\n");
	} else {
		buf_printf(&c->out, "; не завершена (%zu/%zu).\n",
		    r->position < r->total ? r->position + 1 : r->total,
		    r->total);
	}
	buf_printf(&c->out, "Точек %zu: принято %zu, возвращено на доработку "
	    "%zu, пропущено %zu, не просмотрено %zu.\n", r->total,
	    r->count[VERDICT_ACCEPTED], r->count[VERDICT_RETURNED],
	    r->count[VERDICT_SKIPPED], r->count[VERDICT_PENDING]);
	cmd_review_report_group(c, &items, VERDICT_RETURNED,
	    "Возвращены на доработку");
	cmd_review_report_group(c, &items, VERDICT_SKIPPED, "Пропущены");
	cmd_review_report_group(c, &items, VERDICT_PENDING, "Не просмотрены");
	cmd_review_report_group(c, &items, VERDICT_ACCEPTED, "Приняты");
	review_items_fini(&items);
	cmd_review_report_deadlines(c);
	return 0;
}

/* The session the command is about: --session N, else the clerk's own
 * unfinished one, else (for reports) the newest of all. */
static int
cmd_review_pick(struct cmd_review_ctx *c, const struct cmd_review_args *a,
    bool any, struct review_session *r)
{
	int64_t id = a->session;
	bool found = id > 0;

	if (!found && store_review_current(c->st, c->who.login, &id, &found,
	    &c->err) != 0)
		return -1;
	if (!found && any && store_review_latest(c->st, &id, &found,
	    &c->err) != 0)
		return -1;
	if (!found)
		return error_set(&c->err, any ? "проверок ещё не было: начните "
		    "«perechen review start»" : "у вас нет незавершённой "
		    "проверки: начните «perechen review start» или укажите "
		    "--session N");
	return store_review_get(c->st, id, r, &c->err);
}

/* The index of the item a target names: "K" (its place in the session)
 * or "N.M" (the touchpoint as numbered now). */
static int
cmd_review_find(struct cmd_review_ctx *c, const struct review_session *r,
    const char *target, size_t *index)
{
	struct review_items items = { 0 };
	const char *dot = strchr(target, '.');
	int64_t k, tnum, tp_id;
	char *pn;
	int rc = -1;

	if (dot == NULL) {
		k = cmd_review_number(target);
		if (k == 0 || (size_t)k > r->total)
			return error_set(&c->err, "в проверке № %lld точек "
			    "%zu: «%s» — не номер одной из них",
			    (long long)r->id, r->total, target);
		*index = (size_t)k - 1;
		return 0;
	}
	pn = xstrndup(target, (size_t)(dot - target));
	k = cmd_review_number(pn);
	free(pn);
	tnum = cmd_review_number(dot + 1);
	if (k == 0 || tnum == 0 || k > INT32_MAX || tnum > INT32_MAX)
		return error_set(&c->err, "укажите точку как N.M (№ процесса и "
		    "№ точки в нём), например 2.3");
	if (store_touchpoint_find(c->st, (int)k, (int)tnum, &tp_id,
	    &c->err) != 0 ||
	    store_review_items(c->st, r->id, &items, &c->err) != 0) {
		review_items_fini(&items);
		return -1;
	}
	for (size_t i = 0; i < items.n && rc != 0; i++)
		if (items.v[i].tp_id == tp_id) {
			*index = i;
			rc = 0;
		}
	if (rc != 0)
		error_set(&c->err, "точки %s нет в проверке № %lld", target,
		    (long long)r->id);
	review_items_fini(&items);
	return rc;
}

/* Reload r after a change. */
static int
cmd_review_reload(struct cmd_review_ctx *c, struct review_session *r)
{
	int64_t id = r->id;

	review_session_fini(r);
	return store_review_get(c->st, id, r, &c->err);
}

/* "review start": a new session, then its first item. */
static int
cmd_review_start(struct cmd_review_ctx *c, const struct cmd_review_args *a)
{
	struct review_session r = { 0 };
	struct revision rev = { 0 };
	enum review_scope scope;
	bool found;
	int64_t id;
	int rc;

	scope = (enum review_scope)a->scope;
	if (a->scope < 0) {
		/* Changes since the last approval, if there was one. */
		if (store_revision_latest(c->st, &rev, &found, &c->err) != 0)
			return -1;
		revision_fini(&rev);
		scope = found ? REVIEW_SCOPE_CHANGED : REVIEW_SCOPE_ALL;
	}
	if (store_review_start(c->st, scope, a->unit, &c->cat, &c->who.actor,
	    &id, &c->err) != 0)
		return -1;
	rc = store_review_get(c->st, id, &r, &c->err);
	if (rc == 0) {
		buf_printf(&c->out, "Начата проверка № %lld, точек %zu.\n",
		    (long long)id, r.total);
		rc = cmd_review_show(c, &r);
	}
	review_session_fini(&r);
	return rc;
}

/* After a verdict: what was decided, the progress, what comes next; the
 * summary when nothing is left to look at. */
static int
cmd_review_after_verdict(struct cmd_review_ctx *c, struct review_session *r,
    size_t index)
{
	struct review_items items = { 0 };
	const struct review_item *it;

	if (cmd_review_reload(c, r) != 0 ||
	    store_review_items(c->st, r->id, &items, &c->err) != 0) {
		review_items_fini(&items);
		return -1;
	}
	it = &items.v[index];
	cmd_review_put(c, it->label);
	buf_puts(&c->out, ": ");
	cmd_review_verdict_words(c, it->verdict, it->comment, "", "");
	buf_puts(&c->out, ".\n");
	if (r->count[VERDICT_PENDING] == 0) {
		review_items_fini(&items);
		if (store_review_finish(c->st, r->id, &c->who.actor,
		    &c->err) != 0 || cmd_review_reload(c, r) != 0)
			return -1;
		buf_puts(&c->out, "Все точки просмотрены, проверка "
		    "завершена.\n\n");
		return cmd_review_report(c, r);
	}
	cmd_review_progress(c, r);
	if (r->position < r->total) {
		buf_puts(&c->out, "Далее: ");
		cmd_review_put(c, items.v[r->position].label);
		buf_puts(&c->out, " (perechen review show)\n");
	}
	review_items_fini(&items);
	return 0;
}

/* accept, return, skip: the item named or the current one. */
static int
cmd_review_verdict(struct cmd_review_ctx *c, const struct cmd_review_args *a,
    enum verdict v)
{
	struct review_session r = { 0 };
	size_t index = 0;
	int rc;

	rc = cmd_review_pick(c, a, false, &r);
	if (rc == 0 && r.finished_utc[0] != '\0')
		rc = error_set(&c->err, "проверка № %lld уже завершена; "
		    "начните новую (perechen review start)", (long long)r.id);
	else if (rc == 0 && a->target != NULL)
		rc = cmd_review_find(c, &r, a->target, &index);
	else if (rc == 0) {
		index = r.position;
		if (index >= r.total)
			rc = error_set(&c->err, "все точки проверки № %lld "
			    "пройдены: укажите точку (N.M) или завершите "
			    "проверку (perechen review finish)",
			    (long long)r.id);
	}
	if (rc == 0)
		rc = store_review_verdict(c->st, r.id, index, v, a->comment,
		    &c->who.actor, &c->err);
	if (rc == 0)
		rc = cmd_review_after_verdict(c, &r, index);
	review_session_fini(&r);
	return rc;
}

/* show, next, prev, goto: move (or not), then show the item. */
static int
cmd_review_move(struct cmd_review_ctx *c, const struct cmd_review_args *a)
{
	struct review_session r = { 0 };
	size_t to = 0;
	int rc;

	rc = cmd_review_pick(c, a, false, &r);
	if (rc == 0 && strcmp(a->action, "show") != 0) {
		if (strcmp(a->action, "next") == 0)
			to = r.position < r.total ? r.position + 1 : r.total;
		else if (strcmp(a->action, "prev") == 0)
			to = r.position > 0 ? r.position - 1 : 0;
		else if (a->target == NULL)
			rc = error_set(&c->err, "goto: укажите K (номер в "
			    "проверке) или точку N.M");
		else
			rc = cmd_review_find(c, &r, a->target, &to);
		if (rc == 0)
			rc = store_review_seek(c->st, r.id, to, &c->who.actor,
			    &c->err);
		if (rc == 0)
			rc = cmd_review_reload(c, &r);
	}
	if (rc == 0)
		rc = cmd_review_show(c, &r);
	review_session_fini(&r);
	return rc;
}

/* "review finish": close the session, print its outcome. */
static int
cmd_review_finish(struct cmd_review_ctx *c, const struct cmd_review_args *a)
{
	struct review_session r = { 0 };
	int rc;

	rc = cmd_review_pick(c, a, false, &r);
	if (rc == 0)
		rc = store_review_finish(c->st, r.id, &c->who.actor, &c->err);
	if (rc == 0)
		rc = cmd_review_reload(c, &r);
	if (rc == 0)
		rc = cmd_review_report(c, &r);
	review_session_fini(&r);
	return rc;
}

/* "review list": every session, newest first, with its counts. */
static int
cmd_review_list(struct cmd_review_ctx *c)
{
	struct review_sessions all = { 0 };
	char when[REMINDER_TIME_BUFSZ];

	if (store_review_sessions(c->st, &all, &c->err) != 0) {
		review_sessions_fini(&all);
		return -1;
	}
	if (all.n == 0)
		buf_puts(&c->out, "Проверок ещё не было.\n");
	for (size_t i = 0; i < all.n; i++) {
		const struct review_session *r = &all.v[i];

		buf_printf(&c->out, "№ %lld  ", (long long)r->id);
		cmd_review_put(c, reminder_format_time(r->started_utc, when));
		buf_puts(&c->out, "  ");
		cmd_review_put(c, r->started_by);
		buf_puts(&c->out, "  ");
		buf_puts(&c->out, review_scope_title(r->scope));
		if (r->scope == REVIEW_SCOPE_UNIT) {
			buf_puts(&c->out, " «");
			cmd_review_put(c, r->unit);
			buf_puts(&c->out, "»");
		}
		buf_printf(&c->out, "  точек %zu: принято %zu, возвращено %zu, "
		    "пропущено %zu, не просмотрено %zu; %s\n", r->total,
		    r->count[VERDICT_ACCEPTED], r->count[VERDICT_RETURNED],
		    r->count[VERDICT_SKIPPED], r->count[VERDICT_PENDING],
		    r->finished_utc[0] ? "завершена" : "идёт");
	}
	review_sessions_fini(&all);
	return 0;
}

/* What a scope would take now, with each touchpoint's standing verdict. */
static int
cmd_review_preview(struct cmd_review_ctx *c, const struct cmd_review_args *a)
{
	struct review_marks m = { 0 };
	int64_t rev;

	if (store_review_scope(c->st, (enum review_scope)a->scope, a->unit,
	    &c->cat, &m, &rev, &c->err) != 0) {
		review_marks_fini(&m);
		return -1;
	}
	buf_puts(&c->out, "Объём «");
	buf_puts(&c->out, review_scope_title((enum review_scope)a->scope));
	if (a->scope == REVIEW_SCOPE_UNIT) {
		buf_puts(&c->out, " ");
		cmd_review_put(c, a->unit);
	}
	buf_puts(&c->out, "»");
	if (a->scope == REVIEW_SCOPE_CHANGED && rev == 0)
		buf_puts(&c->out, ": перечень ещё не утверждён");
	else if (a->scope == REVIEW_SCOPE_CHANGED)
		buf_printf(&c->out, " (после редакции %lld)", (long long)rev);
	buf_printf(&c->out, ": точек %zu.\n", m.n);
	for (size_t i = 0; i < m.n; i++) {
		buf_puts(&c->out, "  ");
		cmd_review_put(c, m.v[i].label);
		buf_puts(&c->out, " — ");
		if (m.v[i].verdict == VERDICT_PENDING)
			buf_puts(&c->out, "не принята");
		else
			cmd_review_verdict_words(c, m.v[i].verdict,
			    m.v[i].comment, "", "");
		buf_putc(&c->out, '\n');
	}
	review_marks_fini(&m);
	return 0;
}

/* No action: how the clerk's session stands, or how to start one. */
static int
cmd_review_status(struct cmd_review_ctx *c)
{
	struct review_session r = { 0 };
	struct review_marks m = { 0 };
	struct review_items items = { 0 };
	bool found;
	int64_t id;
	int rc;

	if (store_review_current(c->st, c->who.login, &id, &found,
	    &c->err) != 0)
		return -1;
	if (found) {
		rc = store_review_get(c->st, id, &r, &c->err);
		if (rc == 0)
			rc = store_review_items(c->st, id, &items, &c->err);
		if (rc == 0) {
			cmd_review_progress(c, &r);
			if (r.position < r.total) {
				buf_puts(&c->out, "Текущая точка: ");
				cmd_review_put(c, items.v[r.position].label);
				buf_puts(&c->out, " (perechen review show)\n");
			}
		}
		review_items_fini(&items);
		review_session_fini(&r);
		return rc;
	}
	if (store_review_unaccepted(c->st, &c->cat, &m, &c->err) != 0) {
		review_marks_fini(&m);
		return -1;
	}
	buf_puts(&c->out, "Незавершённой проверки у вас нет.");
	if (m.n > 0)
		buf_printf(&c->out, " Изменены после утверждения и не приняты "
		    "при проверке: %zu.", m.n);
	buf_puts(&c->out, "\nНачать: perechen review start "
	    "[--scope all|changed|findings|unit ПОДРАЗДЕЛЕНИЕ]\n");
	review_marks_fini(&m);
	return 0;
}

/* Dispatch the action. */
static int
cmd_review_run(struct cmd_review_ctx *c, const struct cmd_review_args *a)
{
	struct review_session r = { 0 };
	const char *act = a->action;
	int rc;

	if (strcmp(act, "report") == 0 || (act[0] == '\0' && a->report)) {
		rc = cmd_review_pick(c, a, true, &r);
		if (rc == 0)
			rc = cmd_review_report(c, &r);
		review_session_fini(&r);
		return rc;
	}
	if (act[0] == '\0')
		return a->scope >= 0 ? cmd_review_preview(c, a) :
		    cmd_review_status(c);
	if (strcmp(act, "list") == 0)
		return cmd_review_list(c);
	if (strcmp(act, "start") == 0)
		return cmd_review_start(c, a);
	if (strcmp(act, "finish") == 0)
		return cmd_review_finish(c, a);
	if (strcmp(act, "accept") == 0)
		return cmd_review_verdict(c, a, VERDICT_ACCEPTED);
	if (strcmp(act, "return") == 0)
		return cmd_review_verdict(c, a, VERDICT_RETURNED);
	if (strcmp(act, "skip") == 0)
		return cmd_review_verdict(c, a, VERDICT_SKIPPED);
	return cmd_review_move(c, a);
}

int
cmd_review(struct app *app, int argc, char **argv)
{
	struct cmd_review_args a;
	struct cmd_review_ctx c;
	int rc;

	rc = cmd_review_parse(argc, argv, &a);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (strcmp(a.action, "return") == 0 && (a.comment == NULL ||
	    a.comment[0] == '\0')) {
		app_error("review return: напишите, что доработать: --comment "
		    "ТЕКСТ");
		return EXIT_USAGE;
	}
	memset(&c, 0, sizeof c);
	c.share_dir = app->share_dir;
	if (app_open_store(app, 0, &c.st, &c.err) != 0) {
		app_error("review: %s", c.err.msg);
		return EXIT_FAIL;
	}
	catalog_init(&c.cat);
	buf_init(&c.out);
	app_actor_init(&c.who);
	rc = store_read_catalog(c.st, &c.cat, &c.err);
	if (rc == 0)
		rc = cmd_review_run(&c, &a);
	/* What was done is shown even when a later step failed. */
	fwrite(c.out.data, 1, c.out.len, stdout);
	if (rc != 0)
		app_error("review: %s", c.err.msg);
	else if (fileio_flush_stdout(&c.err) != 0) {
		app_error("review: %s", c.err.msg);
		rc = -1;
	}
	buf_fini(&c.out);
	catalog_fini(&c.cat);
	store_close(c.st);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
