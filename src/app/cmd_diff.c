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

static int
cmd_diff_tp_cmp(const void *a, const void *b)
{
	int64_t x = (*(struct touchpoint *const *)a)->id;
	int64_t y = (*(struct touchpoint *const *)b)->id;

	return (x > y) - (x < y);
}

static int
cmd_diff_id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The touchpoints of p (may be NULL) sorted by id, into *ix. */
static size_t
cmd_diff_index(const struct process *p, struct touchpoint ***ix)
{
	size_t n = p != NULL ? p->ntps : 0;

	*ix = xreallocarray(NULL, n + 1, sizeof **ix);
	for (size_t j = 0; j < n; j++)
		(*ix)[j] = &p->tps[j];
	qsort(*ix, n, sizeof **ix, cmd_diff_tp_cmp);
	return n;
}

/* The touchpoint with id among ix's n, or NULL. */
static const struct touchpoint *
cmd_diff_find_tp(struct touchpoint **ix, size_t n, int64_t id)
{
	struct touchpoint key, *kp = &key, **hit;

	key.id = id;
	hit = bsearch(&kp, ix, n, sizeof *ix, cmd_diff_tp_cmp);
	return hit != NULL ? *hit : NULL;
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

/*
 * The diff walked a process at a time: the new version's processes in
 * order, each with its old self read by id, then the old ones gone.  A
 * touchpoint moved from another process is read by id when a change
 * asks for it; only the ids of the processes are held whole.
 */
struct cmd_diff_walk {
	struct store *st;
	const struct catalog *cat;
	const struct cmd_diff_side *old, *new;
	int64_t	*old_ids;	/* the old processes, in order */
	size_t	 n_old;
	int64_t	*old_sorted;	/* the same sorted, and the new ones */
	int64_t	*new_sorted;
	size_t	 n_new;
	/* the step under way */
	const struct process *np;	/* NULL: an old process gone */
	size_t	 npi;
	const struct process *op;	/* NULL: a new process */
	size_t	 opi;
	struct touchpoint **np_ix, **op_ix;
	size_t	 n_np_ix, n_op_ix;
	struct process found[2];	/* read by id: old, new */
	struct changes ch;
	struct cmd_diff_out d;
	int	 rc;
	struct error *err;
};

/* A touchpoint of side k (0 old, 1 new) by id: in the process of the
 * step, else read from the store; NULL if that side has none. */
static const struct touchpoint *
cmd_diff_tp(struct cmd_diff_walk *w, int k, int64_t id)
{
	const struct touchpoint *t = k == 0 ?
	    cmd_diff_find_tp(w->op_ix, w->n_op_ix, id) :
	    cmd_diff_find_tp(w->np_ix, w->n_np_ix, id);
	struct process *holder = &w->found[k];
	bool found;

	if (t != NULL || w->rc != 0)
		return t;
	process_fini(holder);
	if (store_list_touchpoint(w->st, k == 0 ? w->old->rev : w->new->rev,
	    id, holder, &found, w->err) != 0) {
		w->rc = -1;
		return NULL;
	}
	return found ? &holder->tps[0] : NULL;
}

static const struct touchpoint *
cmd_diff_old_tp(void *ctx, int64_t id)
{
	return cmd_diff_tp(ctx, 0, id);
}

static bool
cmd_diff_new_has(void *ctx, int64_t id)
{
	return cmd_diff_tp(ctx, 1, id) != NULL;
}

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
	if (w->np != NULL && w->np->id == c->process_id) {
		p = w->np;
		num = w->npi + 1;
	} else if (w->op != NULL && w->op->id == c->process_id) {
		p = w->op;
		num = w->opi + 1;
	}
	if (d->items > 0)
		buf_putc(&d->text, '\n');
	if (p != NULL)
		buf_printf(&d->text, "Процесс %zu «%s»:\n", num, p->name);
	else
		buf_puts(&d->text, "Вне процессов:\n");
}

/* Word change c under its process, if the order needs it. */
static void
cmd_diff_item(struct cmd_diff_walk *w, const struct change *c)
{
	const struct touchpoint *o = NULL, *n = NULL;
	struct process keep[2];
	struct buf item;

	memset(keep, 0, sizeof keep);
	if (strcmp(c->record, "точка") == 0) {
		o = cmd_diff_tp(w, 0, c->record_id);
		/* What was read for o must outlive the look for n. */
		keep[0] = w->found[0];
		memset(&w->found[0], 0, sizeof w->found[0]);
		n = cmd_diff_tp(w, 1, c->record_id);
		if (!cmd_diff_tp_relevant(c, o, n)) {
			process_fini(&keep[0]);
			return;
		}
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
	process_fini(&keep[0]);
	w->d.items++;
	w->d.count[c->trigger < TRIGGER_COUNT ? c->trigger : TRIGGER_EDIT]++;
}

/* Word the changes of the step, and drop them. */
static void
cmd_diff_items(struct cmd_diff_walk *w)
{
	for (size_t i = 0; i < w->ch.n && w->rc == 0; i++)
		cmd_diff_item(w, &w->ch.v[i]);
	changes_fini(&w->ch);
	changes_init(&w->ch);
}

/* The step's processes and what was read for it, let go. */
static void
cmd_diff_step_end(struct cmd_diff_walk *w, struct process *op)
{
	if (op != NULL)
		process_fini(op);
	process_fini(&w->found[0]);
	process_fini(&w->found[1]);
	free(w->np_ix);
	free(w->op_ix);
	w->np_ix = w->op_ix = NULL;
	w->n_np_ix = w->n_op_ix = 0;
	w->np = w->op = NULL;
}

/* The place of the old process id in the old list, or -1. */
static ptrdiff_t
cmd_diff_old_place(const struct cmd_diff_walk *w, int64_t id)
{
	if (bsearch(&id, w->old_sorted, w->n_old, sizeof id,
	    cmd_diff_id_cmp) == NULL)
		return -1;
	for (size_t i = 0; i < w->n_old; i++)
		if (w->old_ids[i] == id)
			return (ptrdiff_t)i;
	return -1;
}

/* One process of the new version against its old self. */
static int
cmd_diff_step(void *ctx, struct process *np, size_t index, struct error *err)
{
	struct cmd_diff_walk *w = ctx;
	struct change_lookup lk = { cmd_diff_old_tp, cmd_diff_new_has, w };
	struct process op;
	ptrdiff_t at = cmd_diff_old_place(w, np->id);
	bool found = false;

	memset(&op, 0, sizeof op);
	if (at >= 0 && store_list_process(w->st, w->old->rev, np->id, &op,
	    &found, err) != 0)
		return -1;
	w->np = np;
	w->npi = index;
	w->op = found ? &op : NULL;
	w->opi = found ? (size_t)at : 0;
	w->n_np_ix = cmd_diff_index(np, &w->np_ix);
	w->n_op_ix = cmd_diff_index(w->op, &w->op_ix);
	change_diff_step(w->op, w->opi, np, index, w->cat, &lk, &w->ch);
	cmd_diff_items(w);
	cmd_diff_step_end(w, &op);
	return w->rc;
}

/* The old processes the new version no longer has, in their order. */
static int
cmd_diff_gone(struct cmd_diff_walk *w)
{
	struct change_lookup lk = { cmd_diff_old_tp, cmd_diff_new_has, w };

	for (size_t i = 0; i < w->n_old && w->rc == 0; i++) {
		struct process op;
		bool found;

		if (bsearch(&w->old_ids[i], w->new_sorted, w->n_new,
		    sizeof *w->new_sorted, cmd_diff_id_cmp) != NULL)
			continue;
		if (store_list_process(w->st, w->old->rev, w->old_ids[i], &op,
		    &found, w->err) != 0)
			return -1;
		w->op = found ? &op : NULL;
		w->opi = i;
		w->n_op_ix = cmd_diff_index(w->op, &w->op_ix);
		w->n_np_ix = cmd_diff_index(NULL, &w->np_ix);
		if (found)
			change_diff_gone(&op, i, &lk, &w->ch);
		cmd_diff_items(w);
		cmd_diff_step_end(w, &op);
	}
	return w->rc;
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

/* The ids of side s's processes in order into *ids, and sorted into
 * *sorted; *n of them. */
static int
cmd_diff_ids(struct store *st, const struct cmd_diff_side *s, int64_t **ids,
    int64_t **sorted, size_t *n, struct error *err)
{
	size_t printed;

	if (store_list_processes(st, s->rev, ids, n, &printed, err) != 0)
		return -1;
	*sorted = xreallocarray(NULL, *n + 1, sizeof **sorted);
	for (size_t i = 0; i < *n; i++)
		(*sorted)[i] = (*ids)[i];
	qsort(*sorted, *n, sizeof **sorted, cmd_diff_id_cmp);
	return 0;
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
	int64_t *new_ids = NULL;
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
	changes_init(&w.ch);
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
	w.st = st;
	w.cat = &cat;
	w.old = &old;
	w.new = &new;
	w.err = err;
	if (rc == 0)
		rc = cmd_diff_ids(st, &old, &w.old_ids, &w.old_sorted, &w.n_old,
		    err);
	if (rc == 0)
		rc = cmd_diff_ids(st, &new, &new_ids, &w.new_sorted, &w.n_new,
		    err);
	if (rc == 0)
		rc = store_list_each_process(st, new.rev, cmd_diff_step, &w,
		    err);
	if (rc == 0)
		rc = cmd_diff_gone(&w);
	store_read_end(st, began);
	if (rc == 0)
		cmd_diff_print(&w);
	changes_fini(&w.ch);
	buf_fini(&w.d.text);
	free(w.old_ids);
	free(w.old_sorted);
	free(w.new_sorted);
	free(new_ids);
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
	if (o->ch.n == 0)
		buf_puts(&b, "Изменений нет.\n");
	else if (items->n == 0 && !o->a.restate)
		buf_puts(&b, "В печатном перечне изменений нет: изменены только "
		    "сведения, которых приложение не печатает.\n");
	if (o->a.restate)
		buf_printf(&b, "\nИзменено строк: %zu из %zu%s — перечень "
		    "излагается в новой редакции (perechen order).\n",
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

/* The order's wording (or JSON): both versions loaded through order.c,
 * as perechen order loads them. */
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
	/* The summary walks the versions a process at a time; the order's
	 * wording numbers rows against the whole revision. */
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
