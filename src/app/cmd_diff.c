/*
 * cmd_diff.c - "perechen diff": what changed between an approved revision
 * and the working copy, or between two revisions: the amending order's
 * sub-items (order.h), as JSON for scripts, or (--summary) grouped by
 * process for the clerk's own overview.
 *
 * Only what the published list shows is told: a touchpoint excluded in
 * both versions (or added and excluded since) is not in either list, and
 * a touchpoint excluded or brought back is told as that alone.
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
#include "order.h"
#include "reminder.h"
#include "store_history.h"
#include "store_walk.h"

/* The command's Russian help. */
static void
cmd_diff_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] diff [ПАРАМЕТРЫ] "
	    "[РЕДАКЦИЯ [РЕДАКЦИЯ]]\n"
	    "Что изменилось в перечне: подпункты приказа о внесении\n"
	    "изменений (как в perechen order), по строкам в нумерации\n"
	    "изменяемой редакции.\n\n"
	    "  (без аргументов)   последняя утверждённая редакция — рабочая\n"
	    "                     копия (то, что ещё не утверждено)\n"
	    "  N                  редакция N — рабочая копия\n"
	    "  N M                редакция N — редакция M\n"
	    "  --summary          обзор для себя: по процессам, «было … стало»,\n"
	    "                     с основаниями актуализации (п. 5.3)\n"
	    "  --format text|json вид вывода: текст (по умолчанию) или JSON —\n"
	    "                     объект с редакциями и подпунктами\n"
	    "  -h, --help         эта справка\n\n"
	    "Номера редакций печатают perechen approve и perechen status.\n",
	    f);
}

/* The two versions compared and how to name them. */
struct cmd_diff_side {
	int64_t	 rev;		/* 0: the working copy */
	char	*name;		/* "редакция 1 (приказ от … № …)" */
};

/* How the difference is shown. */
enum cmd_diff_form {
	CMD_DIFF_ORDER,		/* the order's sub-items */
	CMD_DIFF_SUMMARY,	/* by process, «было … стало», the triggers */
	CMD_DIFF_JSON		/* the sub-items for scripts */
};

/* The options and the numbers on the command line: 0, 1 or 2
 * revisions. */
static int
cmd_diff_parse(int argc, char **argv, int64_t *revs, int *nrevs,
    enum cmd_diff_form *form)
{
	static const struct option opts[] = {
		{ "summary", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	bool summary = false, json = false;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			cmd_diff_usage(stdout);
			return -1;
		} else if (c == 's') {
			summary = true;
		} else if (c == 'f' && (strcmp(optarg, "json") == 0 ||
		    strcmp(optarg, "text") == 0)) {
			json = strcmp(optarg, "json") == 0;
		} else if (c == 'f') {
			return app_usage_error("diff", "вид вывода «%s»: text "
			    "или json", optarg);
		} else {
			return app_bad_option("diff", "h", opts, argv);
		}
	}
	if (summary && json)
		return app_usage_error("diff", "--summary и --format json "
		    "вместе не бывают");
	*form = summary ? CMD_DIFF_SUMMARY : json ? CMD_DIFF_JSON :
	    CMD_DIFF_ORDER;
	*nrevs = argc - optind;
	if (*nrevs > 2) {
		app_error("diff: не больше двух номеров редакций");
		return EXIT_USAGE;
	}
	for (int i = 0; i < *nrevs; i++) {
		const char *s = argv[optind + i];
		long long v;

		if (app_parse_number(s, 1, INT64_MAX, &v) != 0) {
			app_error("diff: «%s» — не номер редакции (1, 2, …)",
			    s);
			return EXIT_USAGE;
		}
		revs[i] = (int64_t)v;
	}
	return 0;
}

/* The revision numbered rev into r (zeroed), or err naming what exists. */
static int
cmd_diff_revision(struct store *st, int64_t rev, struct revision *r,
    struct error *err)
{
	struct revisions all = { 0 };
	int rc = -1;

	if (store_revisions_list(st, &all, err) != 0)
		return -1;
	for (size_t i = 0; i < all.n; i++)
		if (rev == 0 ? i + 1 == all.n : all.v[i].id == rev) {
			*r = all.v[i];
			memset(&all.v[i], 0, sizeof all.v[i]);
			rc = 0;
			break;
		}
	if (rc != 0 && all.n == 0)
		error_set(err, "перечень ещё не утверждён: сравнивать не с чем "
		    "(perechen approve, п. 5.1)");
	else if (rc != 0)
		error_set(err, "редакции %lld нет: утверждены редакции с 1 "
		    "по %lld", (long long)rev, (long long)all.v[all.n - 1].id);
	revisions_fini(&all);
	return rc;
}

/* Name side s: revision s->rev, or the working copy for 0. */
static int
cmd_diff_name(struct store *st, struct cmd_diff_side *s, struct error *err)
{
	struct revision r = { 0 };
	struct date d;
	char shown[DATE_BUFSZ];

	if (s->rev == 0) {
		s->name = xstrdup("рабочая копия");
		return 0;
	}
	if (cmd_diff_revision(st, s->rev, &r, err) != 0)
		return -1;
	if (date_parse(r.order_date, &d, NULL) == 0)
		date_format(d, shown);
	else
		snprintf(shown, sizeof shown, "?");
	s->name = xasprintf("редакция %lld (приказ от %s № %s)",
	    (long long)r.id, shown, r.order_no);
	revision_fini(&r);
	return 0;
}

/* "«a», «b»" from a multi-line value; "не указаны" if empty. */
static void
cmd_diff_quoted_lines(struct buf *out, const char *value, const char *none)
{
	const char *p = value, *nl;

	if (value[0] == '\0') {
		buf_puts(out, none);
		return;
	}
	for (bool first = true; ; first = false) {
		nl = strchr(p, '\n');
		buf_printf(out, "%s«%.*s»", first ? "" : ", ",
		    (int)(nl != NULL ? (size_t)(nl - p) : strlen(p)), p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* "«получение консультации» (п. 2.6.2), «…»"; none if there are none. */
static void
cmd_diff_needs(struct buf *out, const struct touchpoint *tp, const char *none)
{
	if (tp->nneeds == 0)
		buf_puts(out, none);
	for (size_t i = 0; i < tp->nneeds; i++) {
		buf_printf(out, "%s«%s»", i > 0 ? ", " : "",
		    tp->needs[i].wording);
		if (tp->needs[i].category > 0)
			buf_printf(out, " (п. 2.6.%d)", tp->needs[i].category);
	}
}

/* "«Почта России» (вид, канал) с потребностями: «…», «…»". */
static void
cmd_diff_describe_tp(struct buf *out, const struct touchpoint *tp,
    const struct catalog *cat)
{
	buf_printf(out, "«%s» (%s, %s) ", tp->name,
	    change_kind_name(cat, tp->kind), channel_label(tp->channel));
	if (tp->nneeds > 0) {
		buf_puts(out, "с потребностями: ");
		cmd_diff_needs(out, tp, "");
	} else {
		buf_puts(out, "без указания потребностей");
	}
}

/* A process's own change, worded; false if it is not one. */
static bool
cmd_diff_process_item(struct buf *out, const struct change *c)
{
	if (strcmp(c->field, "новый процесс") == 0)
		buf_printf(out, "добавлен процесс «%s»", c->new_value);
	else if (strcmp(c->field, "название") == 0)
		buf_printf(out, "процесс «%s» переименован в «%s»",
		    c->old_value, c->new_value);
	else if (strcmp(c->field, "удаление") == 0)
		buf_printf(out, "исключён процесс «%s»", c->old_value);
	else
		return false;
	return true;
}

/* "было «…», стало «…»" of one field. */
static void
cmd_diff_was_now(struct buf *out, const struct change *c, const char *none)
{
	buf_puts(out, "было ");
	cmd_diff_quoted_lines(out, c->old_value, none);
	buf_puts(out, ", стало ");
	cmd_diff_quoted_lines(out, c->new_value, none);
}

/* Fields told as "у точки «…» изменён вид: было «…», стало «…»". */
static const struct {
	const char *field;
	const char *phrase;
	const char *none;
} cmd_diff_fields[] = {
	{ "вид точки", "изменён вид", "не указан" },
	{ "тип канала", "изменён тип канала", "не указан" },
	{ "контакты", "изменены контакты", "не указаны" },
};

/* A change of one field of a touchpoint in both lists. */
static void
cmd_diff_field_item(struct buf *out, const struct change *c, const char *name)
{
	const char *phrase = NULL, *none = "не указано";

	for (size_t i = 0; i < sizeof cmd_diff_fields /
	    sizeof cmd_diff_fields[0]; i++)
		if (strcmp(c->field, cmd_diff_fields[i].field) == 0) {
			phrase = cmd_diff_fields[i].phrase;
			none = cmd_diff_fields[i].none;
		}
	buf_printf(out, "у точки взаимодействия «%s» ", name);
	if (phrase != NULL)
		buf_printf(out, "%s: ", phrase);
	else
		buf_printf(out, "изменено поле «%s»: ", c->field);
	cmd_diff_was_now(out, c, none);
}

/* A touchpoint's change, worded for the order. */
static void
cmd_diff_tp_item(struct buf *out, const struct change *c,
    const struct touchpoint *o, const struct touchpoint *n,
    const struct catalog *cat)
{
	const char *name = o != NULL ? o->name : n != NULL ? n->name : "";

	if (n != NULL && (o == NULL || c->trigger == TRIGGER_NEW)) {
		buf_puts(out, o == NULL ? "добавлена точка взаимодействия " :
		    "вновь включена в перечень точка взаимодействия ");
		cmd_diff_describe_tp(out, n, cat);
	} else if (c->trigger == TRIGGER_EXCLUDED) {
		buf_printf(out, "исключена точка взаимодействия «%s»", name);
	} else if (strcmp(c->field, "наименование") == 0) {
		buf_printf(out, "точка взаимодействия «%s» переименована в "
		    "«%s»", c->old_value, c->new_value);
	} else if (c->trigger == TRIGGER_NEEDS) {
		buf_printf(out, "у точки взаимодействия «%s» изменены "
		    "удовлетворяемые потребности: было ", name);
		cmd_diff_needs(out, o, "не указаны");
		buf_puts(out, ", стало ");
		cmd_diff_needs(out, n, "не указаны");
	} else {
		cmd_diff_field_item(out, c, name);
	}
}

/*
 * Whether a touchpoint change belongs in the order: the touchpoint is in
 * one of the two published lists, and if it left or came back, only that
 * is told.
 */
static bool
cmd_diff_tp_relevant(const struct change *c, const struct touchpoint *o,
    const struct touchpoint *n)
{
	bool was_in = o != NULL && !o->excluded;
	bool is_in = n != NULL && !n->excluded;

	if (!was_in && !is_in)
		return false;
	if (was_in != is_in)
		return c->trigger == TRIGGER_NEW ||
		    c->trigger == TRIGGER_EXCLUDED;
	return true;
}

/* The items of the diff, in the order of change_diff_lists, and the count
 * per trigger of those told. */
struct cmd_diff_out {
	struct buf text;
	int64_t	 proc_id;	/* the process whose heading is open */
	size_t	 items;
	size_t	 count[TRIGGER_COUNT];
};

/* The diff walked a process pair at a time (store_walk.h), in the new
 * version's order. */
struct cmd_diff_walk {
	const struct catalog *cat;
	const struct cmd_diff_side *old, *new;
	struct store_walk *sw;			/* the pair under way */
	const struct store_walk_pair *pair;
	struct cmd_diff_out d;
};

/* Close the open process's item list: its last item ends with ".". */
static void
cmd_diff_close(struct cmd_diff_out *d)
{
	if (d->text.len >= 2 && d->text.data[d->text.len - 2] == ';')
		d->text.data[d->text.len - 2] = '.';
}

/* Open the heading of c's process unless it is the open one. */
static void
cmd_diff_heading(struct cmd_diff_walk *w, const struct change *c)
{
	struct cmd_diff_out *d = &w->d;
	const struct process *p = NULL;
	size_t num = 0;

	if (c->process_id == d->proc_id && d->items > 0)
		return;
	cmd_diff_close(d);
	d->proc_id = c->process_id;
	if (w->pair->np != NULL && w->pair->np->id == c->process_id) {
		p = w->pair->np;
		num = w->pair->npi + 1;
	} else if (w->pair->op != NULL && w->pair->op->id == c->process_id) {
		p = w->pair->op;
		num = w->pair->opi + 1;
	}
	if (d->items > 0)
		buf_putc(&d->text, '\n');
	if (p != NULL)
		buf_printf(&d->text, "Процесс %zu «%s»:\n", num, p->name);
	else
		buf_puts(&d->text, "Вне процессов:\n");
}

/* Word change c under its process, if the order needs it. */
static int
cmd_diff_item(struct cmd_diff_walk *w, const struct change *c,
    struct error *err)
{
	const struct touchpoint *o = NULL, *n = NULL;
	struct buf item;

	if (strcmp(c->record, "точка") == 0) {
		/* Each side keeps what it read: o outlives the look for n. */
		if (store_walk_touchpoint(w->sw, false, c->record_id, &o,
		    err) != 0 || store_walk_touchpoint(w->sw, true,
		    c->record_id, &n, err) != 0)
			return -1;
		if (!cmd_diff_tp_relevant(c, o, n))
			return 0;
	}
	buf_init(&item);
	if (strcmp(c->record, "точка") == 0)
		cmd_diff_tp_item(&item, c, o, n, w->cat);
	else if (!cmd_diff_process_item(&item, c))
		buf_printf(&item, "изменено поле «%s»: было «%s», стало «%s»",
		    c->field, c->old_value, c->new_value);
	cmd_diff_heading(w, c);
	buf_printf(&w->d.text, "  — %s;\n", item.data);
	buf_fini(&item);
	w->d.items++;
	w->d.count[c->trigger < TRIGGER_COUNT ? c->trigger : TRIGGER_EDIT]++;
	return 0;
}

/* Word the changes of a pair of the walk. */
static int
cmd_diff_pair(void *ctx, struct store_walk *sw,
    const struct store_walk_pair *p, struct error *err)
{
	struct cmd_diff_walk *w = ctx;

	w->sw = sw;
	w->pair = p;
	for (size_t i = 0; i < p->ch->n; i++)
		if (cmd_diff_item(w, &p->ch->v[i], err) != 0)
			return -1;
	return 0;
}

/* "Основания (п. 5.3): 5.3.1 — 1, 5.3.3 — 2; редакционных: 1." */
static void
cmd_diff_summary(struct cmd_diff_out *d)
{
	buf_puts(&d->text, "\nОснования актуализации (п. 5.3): ");
	reminder_counts_line(d->count, &d->text);
	buf_puts(&d->text, ".\n");
}

/* "Изменения: <old> → <new>." */
static void
cmd_diff_title(const struct cmd_diff_side *old,
    const struct cmd_diff_side *new)
{
	app_print(stdout, "Изменения: ");
	app_print(stdout, old->name);
	app_print(stdout, " → ");
	app_print(stdout, new->name);
	app_print(stdout, ".\n");
}

/* What is compared, the triggers, then the items. */
static void
cmd_diff_print(struct cmd_diff_walk *w)
{
	struct cmd_diff_out *d = &w->d;

	cmd_diff_close(d);
	cmd_diff_title(w->old, w->new);
	if (d->items == 0) {
		app_print(stdout, "Изменений нет.\n");
	} else {
		cmd_diff_summary(d);
		app_print(stdout, "\n");
		app_print(stdout, d->text.data);
	}
}

/* Resolve the revisions and print the diff, walking both versions a
 * process at a time. */
static int
cmd_diff_run(struct app *app, const int64_t *revs, int nrevs,
    struct error *err)
{
	struct cmd_diff_side old = { 0 }, new = { 0 };
	struct revision latest = { 0 };
	struct cmd_diff_walk w;
	struct catalog cat;
	struct store *st;
	bool began;
	int rc = 0;

	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	/* One snapshot for the numbers and the walk (see printout_render). */
	if (store_read_begin(st, &began, err) != 0) {
		store_close(st);
		return -1;
	}
	catalog_init(&cat);
	memset(&w, 0, sizeof w);
	buf_init(&w.d.text);
	w.d.proc_id = -1;
	if (nrevs == 0) {
		rc = cmd_diff_revision(st, 0, &latest, err);
		old.rev = latest.id;
		revision_fini(&latest);
	} else {
		old.rev = revs[0];
		new.rev = nrevs == 2 ? revs[1] : 0;
	}
	if (rc == 0)
		rc = cmd_diff_name(st, &old, err);
	if (rc == 0)
		rc = cmd_diff_name(st, &new, err);
	if (rc == 0)
		rc = store_read_catalog(st, &cat, err);
	w.cat = &cat;
	w.old = &old;
	w.new = &new;
	if (rc == 0)
		rc = store_walk(st, old.rev, new.rev, &cat, STORE_WALK_NEW,
		    cmd_diff_pair, &w, err);
	store_read_end(st, began);
	if (rc == 0)
		cmd_diff_print(&w);
	buf_fini(&w.d.text);
	catalog_fini(&cat);
	free(old.name);
	free(new.name);
	store_close(st);
	return rc;
}

/* The sub-items of the order, numbered as the draft numbers them. */
static void
cmd_diff_order(const struct cmd_diff_side *old,
    const struct cmd_diff_side *new, const struct order_draft *o)
{
	const struct strvec *items = &o->a.items;
	struct buf b;

	buf_init(&b);
	if (o->nchanges == 0)
		buf_puts(&b, "Изменений нет.\n");
	else if (items->n == 0 && !o->a.restate)
		buf_puts(&b, "В печатном перечне изменений нет: изменены только "
		    "сведения, которых приложение не печатает.\n");
	if (o->a.restate)
		buf_printf(&b, "\nИзменено строк: %zu из %zu%s — перечень "
		    "излагается в новой редакции (perechen order); что "
		    "изменилось — perechen diff --summary.\n",
		    o->a.rows_changed, o->a.rows_old, o->a.moved ?
		    ", строки переставлены" : "");
	for (size_t i = 0; i < items->n; i++)
		buf_printf(&b, "%s%zu) %s%s\n", i == 0 ? "\n" : "", i + 1,
		    items->v[i], i + 1 < items->n ? ";" : ".");
	cmd_diff_title(old, new);
	app_print(stdout, b.data);
	buf_fini(&b);
}

/* The same for scripts: {"from", "to", "restate", "items": […]}. */
static void
cmd_diff_json(const struct cmd_diff_side *old,
    const struct cmd_diff_side *new, const struct order_draft *o)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "{\"from\": ");
	if (old->rev != 0)
		buf_printf(&b, "%lld", (long long)old->rev);
	else
		buf_puts(&b, "null");
	buf_puts(&b, ", \"to\": ");
	if (new->rev != 0)
		buf_printf(&b, "%lld", (long long)new->rev);
	else
		buf_puts(&b, "null");
	buf_printf(&b, ", \"rows\": %zu, \"rows_changed\": %zu, "
	    "\"restate\": %s, \"items\": [", o->a.rows_old,
	    o->a.rows_changed, o->a.restate ? "true" : "false");
	for (size_t i = 0; i < o->a.items.n; i++) {
		buf_puts(&b, i > 0 ? ", " : "");
		app_json_string(&b, o->a.items.v[i]);
	}
	buf_puts(&b, "]}\n");
	fputs(b.data, stdout);
	buf_fini(&b);
}

/* The order's wording (or JSON): both versions walked through order.c,
 * as perechen order walks them. */
static int
cmd_diff_draft(struct app *app, const int64_t *revs, int nrevs, bool json,
    struct error *err)
{
	struct cmd_diff_side old = { 0 }, new = { 0 };
	struct order_draft o;
	struct store *st;
	int rc;

	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	rc = order_draft_load(st, nrevs > 0 ? revs[0] : 0, nrevs == 2 ?
	    revs[1] : 0, &o, err);
	old.rev = o.rev;
	new.rev = o.to;
	if (rc == 0)
		rc = cmd_diff_name(st, &old, err);
	if (rc == 0)
		rc = cmd_diff_name(st, &new, err);
	if (rc == 0 && json)
		cmd_diff_json(&old, &new, &o);
	else if (rc == 0)
		cmd_diff_order(&old, &new, &o);
	order_draft_fini(&o);
	free(old.name);
	free(new.name);
	store_close(st);
	return rc;
}

int
cmd_diff(struct app *app, int argc, char **argv)
{
	struct error err;
	int64_t revs[2] = { 0, 0 };
	enum cmd_diff_form form = CMD_DIFF_ORDER;
	int nrevs = 0, rc;

	rc = cmd_diff_parse(argc, argv, revs, &nrevs, &form);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	/* Both walk the versions a process pair at a time (store_walk.h). */
	rc = form == CMD_DIFF_SUMMARY ? cmd_diff_run(app, revs, nrevs, &err) :
	    cmd_diff_draft(app, revs, nrevs, form == CMD_DIFF_JSON, &err);
	if (rc != 0) {
		app_error("diff: %s", err.msg);
		return EXIT_FAIL;
	}
	if (fileio_flush_stdout(&err) != 0) {
		app_error("diff: %s", err.msg);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
