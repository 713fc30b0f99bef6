/*
 * cmd_tp.c - "perechen tp": the touchpoints from the command line, for
 * scripts and for clerks who prefer a shell: list, show, add, set,
 * exclude, restore, move.  Every change is checked by the rules first
 * (errors refuse it), saved in one transaction and logged.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "contact.h"
#include "merge.h"
#include "record.h"
#include "store_edit.h"
#include "utf8.h"
#include "validate.h"

static void
tp_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] tp ДЕЙСТВИЕ …\n"
	    "Точки взаимодействия. Точка N.M — M-я точка процесса № N.\n\n"
	    "  tp list [N]                 точки (всего перечня или процесса N)\n"
	    "  tp show N.M                 все сведения о точке\n"
	    "  tp add N ПОЛЯ               добавить точку в процесс N (п. 5.3.1)\n"
	    "  tp set N.M ПОЛЯ             изменить точку\n"
	    "  tp exclude N.M --reason Т   исключить точку (п. 5.3.4)\n"
	    "  tp restore N.M              вернуть исключённую точку\n"
	    "  tp move N.M up|down         переставить точку в процессе\n\n"
	    "Поля:\n"
	    "  --name ТЕКСТ                наименование\n"
	    "  --kind ВИД                  вид точки (код или название из каталога)\n"
	    "  --channel цифровая|офлайн   тип канала (по умолчанию — по виду)\n"
	    "  --need [2.6.K:]ТЕКСТ        потребность; повторяйте для нескольких\n"
	    "                              (в tp set заменяет все потребности)\n"
	    "  --add-need [2.6.K:]ТЕКСТ    добавить потребность к имеющимся\n"
	    "  --contact ЗНАЧЕНИЕ          сайт, e-mail или телефон; повторяйте\n"
	    "                              (в tp set заменяет все контакты;\n"
	    "                              неверный контакт — код возврата 2)\n"
	    "  --specifics ТЕКСТ           особенности взаимодействия\n"
	    "  --key да|нет                ключевая точка (п. 2.3)\n"
	    "  --basis ТЕКСТ               основание (п. 2.4–2.5)\n"
	    "  --basis-type документ|распорядительное\n"
	    "  --unit ТЕКСТ                ответственное подразделение (п. 2.2)\n"
	    "  --audience внешние|внутренние\n"
	    "  --transfers N               переключений не более (п. 3.2.3)\n"
	    "  --ack да|нет                уведомление о получении (п. 3.2.4)\n\n"
	    "Ошибки по правилам Порядка не дают сохранить изменение;\n"
	    "предупреждения показываются, но изменение сохраняется.\n", f);
}

/* Parse "N.M" (touchpoint) or "N" (process; *tnum = 0). */
static int
parse_address(const char *s, int *pnum, int *tnum, bool need_tp)
{
	const char *dot = strchr(s, '.');
	char *head = xstrndup(s, dot != NULL ? (size_t)(dot - s) : strlen(s));
	long long p, t = 0;
	int rc;

	rc = app_parse_number(head, 1, 1000000, &p);
	free(head);
	if (rc != 0 || (dot != NULL && app_parse_number(dot + 1, 1, 1000000,
	    &t) != 0) || (need_tp && t == 0) || (!need_tp && t != 0))
		return -1;
	*pnum = (int)p;
	*tnum = (int)t;
	return 0;
}

static int
parse_yes_no(const char *s, const char *opt, int *out)
{
	char *f = utf8_casefold(s);
	int rc = 0;

	if (strcmp(f, "да") == 0 || strcmp(f, "yes") == 0 || strcmp(f, "1") == 0)
		*out = 1;
	else if (strcmp(f, "нет") == 0 || strcmp(f, "no") == 0 ||
	    strcmp(f, "0") == 0)
		*out = 0;
	else {
		app_error("%s: «%s» — ожидалось «да» или «нет»", opt, s);
		rc = -1;
	}
	free(f);
	return rc;
}

/* Match a folded word against a few prefixes: returns the index or -1. */
static int
pick(const char *s, const char *const *words, size_t n)
{
	char *f = utf8_casefold(s);
	int hit = -1;

	for (size_t i = 0; i < n && hit < 0; i++)
		if (strncmp(f, words[i], strlen(words[i])) == 0)
			hit = (int)i;
	free(f);
	return hit;
}

/* "[2.6.K:]text": the wording and the category (guessed if not given). */
static void
add_need(struct touchpoint *tp, const char *arg, const struct catalog *cat)
{
	int category = 0;
	const char *text = arg;

	if (strncmp(arg, "2.6.", 4) == 0 && arg[4] >= '1' && arg[4] <= '9' &&
	    arg[5] == ':') {
		category = arg[4] - '0';
		text = arg + 6;
	}
	while (*text == ' ')
		text++;
	if (category == 0)
		category = catalog_guess_need(cat, text);
	touchpoint_add_need(tp, text, category);
}

static void
clear_needs(struct touchpoint *tp)
{
	for (size_t i = 0; i < tp->nneeds; i++)
		free(tp->needs[i].wording);
	tp->nneeds = 0;
}

static void
clear_contacts(struct touchpoint *tp)
{
	for (size_t i = 0; i < tp->ncontacts; i++)
		free(tp->contacts[i].value);
	tp->ncontacts = 0;
}

enum {
	OPT_NAME = 256, OPT_KIND, OPT_CHANNEL, OPT_NEED, OPT_ADD_NEED,
	OPT_CONTACT, OPT_SPECIFICS, OPT_KEY, OPT_BASIS, OPT_BASIS_TYPE,
	OPT_UNIT, OPT_AUDIENCE, OPT_TRANSFERS, OPT_ACK, OPT_REASON
};

static const struct option field_opts[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "need", required_argument, NULL, OPT_NEED },
	{ "add-need", required_argument, NULL, OPT_ADD_NEED },
	{ "contact", required_argument, NULL, OPT_CONTACT },
	{ "specifics", required_argument, NULL, OPT_SPECIFICS },
	{ "key", required_argument, NULL, OPT_KEY },
	{ "basis", required_argument, NULL, OPT_BASIS },
	{ "basis-type", required_argument, NULL, OPT_BASIS_TYPE },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "audience", required_argument, NULL, OPT_AUDIENCE },
	{ "transfers", required_argument, NULL, OPT_TRANSFERS },
	{ "ack", required_argument, NULL, OPT_ACK },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* What the options ask to change; applied to a loaded touchpoint. */
struct edits {
	bool	 channel_given, key_given, needs_replaced, contacts_replaced;
	const char *reason;
};

/* Apply one field option to tp; returns 0, or -1 after a message. */
static int
apply_option(int c, const char *arg, struct touchpoint *tp,
    const struct catalog *cat, struct edits *ed)
{
	static const char *const channels[] = { "цифр", "digital", "офлайн",
	    "оффлайн", "offline" };
	static const char *const basis[] = { "документ", "распоряд" };
	static const char *const audience[] = { "внешн", "внутр" };
	struct error why;
	long long n;
	int v;

	switch (c) {
	case OPT_NAME:
		model_set(&tp->name, arg);
		break;
	case OPT_KIND:
		/* As the editor's form does: a kind implies channel and key. */
		record_set_kind(tp, cat, arg, ed->channel_given, ed->key_given);
		break;
	case OPT_CHANNEL:
		if ((v = pick(arg, channels, 5)) < 0) {
			app_error("--channel: «%s» — ожидалось «цифровая» или "
			    "«офлайн»", arg);
			return -1;
		}
		tp->channel = v < 2 ? CHANNEL_DIGITAL : CHANNEL_OFFLINE;
		ed->channel_given = true;
		break;
	case OPT_NEED:
		if (!ed->needs_replaced)
			clear_needs(tp);
		ed->needs_replaced = true;
		add_need(tp, arg, cat);
		break;
	case OPT_ADD_NEED:
		add_need(tp, arg, cat);
		break;
	case OPT_CONTACT:
		/* A malformed contact is a wrong command line (R11), refused
		 * before anything is loaded or saved. */
		if (contact_check(contact_classify(arg), arg, &why) != 0) {
			app_error("--contact «%s»: %s (R11); ничего не изменено",
			    arg, why.msg);
			return -1;
		}
		if (!ed->contacts_replaced)
			clear_contacts(tp);
		ed->contacts_replaced = true;
		touchpoint_add_contact(tp, contact_classify(arg), arg);
		break;
	case OPT_SPECIFICS:
		model_set(&tp->specifics, arg);
		break;
	case OPT_KEY:
		if (parse_yes_no(arg, "--key", &v) != 0)
			return -1;
		tp->key = v;
		ed->key_given = true;
		break;
	case OPT_BASIS:
		model_set(&tp->basis, arg);
		if (tp->basis_type == BASIS_NONE)
			tp->basis_type = BASIS_DOCUMENT;
		break;
	case OPT_BASIS_TYPE:
		if ((v = pick(arg, basis, 2)) < 0) {
			app_error("--basis-type: «%s» — ожидалось «документ» или "
			    "«распорядительное»", arg);
			return -1;
		}
		tp->basis_type = v == 0 ? BASIS_DOCUMENT : BASIS_ACT;
		break;
	case OPT_UNIT:
		model_set(&tp->unit, arg);
		break;
	case OPT_AUDIENCE:
		if ((v = pick(arg, audience, 2)) < 0) {
			app_error("--audience: «%s» — ожидалось «внешние» или "
			    "«внутренние»", arg);
			return -1;
		}
		tp->audience = v == 0 ? AUDIENCE_EXTERNAL : AUDIENCE_INTERNAL;
		break;
	case OPT_TRANSFERS:
		if (app_parse_number(arg, 0, 99, &n) != 0) {
			app_error("--transfers: «%s» — ожидалось число от 0 до 99",
			    arg);
			return -1;
		}
		tp->max_transfers = (int)n;
		break;
	case OPT_ACK:
		if (parse_yes_no(arg, "--ack", &v) != 0)
			return -1;
		tp->ack_receipt = v;
		break;
	case OPT_REASON:
		ed->reason = arg;
		break;
	default:
		return -1;
	}
	return 0;
}

/* Parse the field options of argv into tp; returns EXIT_OK or an exit
 * code.  optind is left at the first operand. */
static int
parse_fields(int argc, char **argv, struct touchpoint *tp,
    const struct catalog *cat, struct edits *ed)
{
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", field_opts, NULL)) != -1) {
		if (c == 'h') {
			tp_usage(stdout);
			return -1;
		}
		if (c == '?' || c == ':') {
			return app_bad_option("tp", "h", field_opts, argv);
		}
		if (apply_option(c, optarg, tp, cat, ed) != 0)
			return EXIT_USAGE;
	}
	return EXIT_OK;
}

static void
print_findings(const struct findings *f, const char *when)
{
	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].level == LEVEL_HINT)
			continue;
		app_note("%s%s: %s", when, level_label(f->v[i].level),
		    f->v[i].message);
	}
}

/*
 * Check tp as p->tps[ti] by the field and record rules; errors refuse the
 * change.  Process warnings are shown after the check.
 */
static int
check_touchpoint(const struct process *p, size_t pi, size_t ti,
    const struct catalog *cat)
{
	struct findings f;
	bool blocking;

	findings_init(&f);
	record_check_touchpoint(p, pi, &p->tps[ti], ti, cat, &f);
	blocking = findings_blocking(&f);
	print_findings(&f, "");
	findings_reset(&f);
	if (!blocking) {
		record_check_process_after(p, pi, &p->tps[ti], ti, cat, &f);
		print_findings(&f, "");
	}
	findings_fini(&f);
	if (blocking)
		app_note("Не сохранено: исправьте ошибки.");
	return blocking ? -1 : 0;
}

struct tp_ctx {
	struct app *app;
	struct store *st;
	struct catalog cat;
	struct app_actor who;
	struct error err;
};

static int
fail(struct tp_ctx *c)
{
	app_error("%s", c->err.msg);
	return EXIT_FAIL;
}

static int
tp_add(struct tp_ctx *c, int argc, char **argv)
{
	struct process p = { 0 };
	struct touchpoint *tp;
	struct edits ed = { 0 };
	int64_t proc_id;
	int pnum, tnum, rc;

	if (argc < 2 || parse_address(argv[1], &pnum, &tnum, false) != 0) {
		app_error("tp add: укажите № процесса, например «tp add 2 "
		    "--name …»");
		return EXIT_USAGE;
	}
	if (store_process_find(c->st, pnum, &proc_id, &c->err) != 0 ||
	    store_process_load(c->st, proc_id, &p, &c->err) != 0) {
		process_fini(&p);
		return fail(c);
	}
	tp = process_add_touchpoint(&p, "");
	if ((rc = parse_fields(argc - 1, argv + 1, tp, &c->cat, &ed)) != 0 ||
	    optind < argc - 1) {
		if (rc == 0)
			(void)app_usage_error("tp", "лишний аргумент «%s»",
			    argv[optind + 1]);
		process_fini(&p);
		return rc < 0 ? EXIT_OK : EXIT_USAGE;
	}
	rc = EXIT_FAIL;
	if (check_touchpoint(&p, (size_t)pnum - 1, p.ntps - 1, &c->cat) == 0) {
		if (store_touchpoint_save(c->st, proc_id, &p.tps[p.ntps - 1],
		    &c->cat, &c->who.actor, &c->err) != 0)
			fail(c);
		else {
			app_out("Добавлена точка %d.%zu «%s»\n", pnum, p.ntps,
			    p.tps[p.ntps - 1].name);
			rc = EXIT_OK;
		}
	}
	process_fini(&p);
	return rc;
}

/* Load the process of touchpoint N.M with the index of the touchpoint. */
static int
load_addressed(struct tp_ctx *c, const char *addr, struct process *p,
    int *pnum, size_t *ti)
{
	int64_t tp_id, proc_id;
	int tnum;

	if (addr == NULL || parse_address(addr, pnum, &tnum, true) != 0) {
		app_error("укажите точку как N.M (№ процесса и № точки в нём), "
		    "например 2.3");
		return EXIT_USAGE;
	}
	if (store_touchpoint_find(c->st, *pnum, tnum, &tp_id, &c->err) != 0 ||
	    store_process_find(c->st, *pnum, &proc_id, &c->err) != 0 ||
	    store_process_load(c->st, proc_id, p, &c->err) != 0)
		return fail(c);
	*ti = (size_t)tnum - 1;
	return EXIT_OK;
}

/*
 * Another clerk saving the same touchpoint meanwhile loses nothing: the
 * fields they changed are kept, and a field both changed is refused with
 * both values (store_touchpoint_save_merged).
 */
static int
tp_set(struct tp_ctx *c, int argc, char **argv)
{
	struct process p = { 0 };
	struct edits ed = { 0 };
	struct touchpoint base;
	size_t ti;
	int pnum, rc;

	touchpoint_init(&base);
	if ((rc = load_addressed(c, argc > 1 ? argv[1] : NULL, &p, &pnum,
	    &ti)) != EXIT_OK) {
		process_fini(&p);
		return rc;
	}
	touchpoint_copy_base(&base, &p.tps[ti]);
	if ((rc = parse_fields(argc - 1, argv + 1, &p.tps[ti], &c->cat,
	    &ed)) != 0 || optind < argc - 1) {
		touchpoint_fini(&base);
		process_fini(&p);
		return rc < 0 ? EXIT_OK : EXIT_USAGE;
	}
	rc = EXIT_FAIL;
	if (check_touchpoint(&p, (size_t)pnum - 1, ti, &c->cat) == 0) {
		if (store_touchpoint_save_merged(c->st, p.id, &base, &p.tps[ti],
		    &c->cat, &c->who.actor, NULL, &c->err) != 0)
			fail(c);
		else {
			app_out("Сохранена точка %d.%zu «%s»\n", pnum, ti + 1,
			    p.tps[ti].name);
			rc = EXIT_OK;
		}
	}
	touchpoint_fini(&base);
	process_fini(&p);
	return rc;
}

static int
tp_exclude(struct tp_ctx *c, int argc, char **argv, bool exclude)
{
	struct touchpoint dummy;
	struct process p = { 0 };
	struct edits ed = { 0 };
	size_t ti;
	int pnum, rc;

	touchpoint_init(&dummy);
	rc = parse_fields(argc, argv, &dummy, &c->cat, &ed);
	touchpoint_fini(&dummy);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : EXIT_USAGE;
	if ((rc = load_addressed(c, optind < argc ? argv[optind] : NULL, &p,
	    &pnum, &ti)) != EXIT_OK) {
		process_fini(&p);
		return rc;
	}
	if (exclude && (ed.reason == NULL || ed.reason[0] == '\0')) {
		app_error("tp exclude: укажите причину: --reason ТЕКСТ");
		process_fini(&p);
		return EXIT_USAGE;
	}
	rc = exclude ? store_touchpoint_exclude(c->st, p.tps[ti].id, ed.reason,
	    &c->cat, &c->who.actor, &c->err) :
	    store_touchpoint_restore(c->st, p.tps[ti].id, &c->cat,
	    &c->who.actor, &c->err);
	if (rc == 0)
		app_out("%s точка %d.%zu «%s»\n", exclude ? "Исключена" :
		    "Возвращена в перечень", pnum, ti + 1, p.tps[ti].name);
	process_fini(&p);
	return rc == 0 ? EXIT_OK : fail(c);
}

static int
tp_move(struct tp_ctx *c, int argc, char **argv)
{
	struct process p = { 0 };
	size_t ti;
	int pnum, rc, delta;

	if (argc != 3 || (strcmp(argv[2], "up") != 0 &&
	    strcmp(argv[2], "down") != 0)) {
		app_error("tp move: «tp move N.M up» или «tp move N.M down»");
		return EXIT_USAGE;
	}
	delta = strcmp(argv[2], "up") == 0 ? -1 : 1;
	if ((rc = load_addressed(c, argv[1], &p, &pnum, &ti)) == EXIT_OK) {
		if (store_touchpoint_move(c->st, p.tps[ti].id, delta,
		    &c->who.actor, &c->err) != 0)
			rc = fail(c);
		else
			app_out("Точка «%s» теперь %d.%zu\n", p.tps[ti].name,
			    pnum, ti + 1 + (size_t)delta);
	}
	process_fini(&p);
	return rc;
}

static void
print_touchpoint_line(const struct catalog *cat, size_t pi, size_t ti,
    const struct touchpoint *tp)
{
	const struct kind *k = tp->kind[0] ? catalog_find_kind(cat, tp->kind) :
	    NULL;
	char *line = xasprintf("  %zu.%zu  %s  [%s; %s]%s%s", pi + 1, ti + 1,
	    tp->name, k != NULL ? k->name : (tp->kind[0] ? tp->kind :
	    "вид не указан"), channel_label(tp->channel),
	    tp->excluded ? "  — исключена: " : "",
	    tp->excluded ? tp->exclude_reason : "");

	app_print(stdout, line);
	putchar('\n');
	free(line);
}

static int
tp_list(struct tp_ctx *c, int argc, char **argv)
{
	struct list l;
	int pnum = 0, tnum;

	if (argc > 2 || (argc == 2 && parse_address(argv[1], &pnum, &tnum,
	    false) != 0)) {
		app_error("tp list: «tp list» или «tp list N»");
		return EXIT_USAGE;
	}
	list_init(&l);
	if (store_load_list(c->st, &l, &c->err) != 0) {
		list_fini(&l);
		return fail(c);
	}
	if (pnum > 0 && (size_t)pnum > l.nprocs) {
		app_error("процесса № %d нет: в перечне процессов %zu", pnum,
		    l.nprocs);
		list_fini(&l);
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < l.nprocs; i++) {
		char *head;

		if (pnum > 0 && i != (size_t)pnum - 1)
			continue;
		head = xasprintf("%zu  %s", i + 1, l.procs[i].name);
		app_print(stdout, head);
		putchar('\n');
		free(head);
		for (size_t j = 0; j < l.procs[i].ntps; j++)
			print_touchpoint_line(&c->cat, i, j, &l.procs[i].tps[j]);
	}
	list_fini(&l);
	return EXIT_OK;
}

static void
show_field(const char *name, const char *value)
{
	/* Pad by columns: Cyrillic letters take two bytes but one column. */
	fputs(name, stdout);
	for (int w = utf8_width(name); w < 25; w++)
		putchar(' ');
	app_print(stdout, value[0] ? value : "—");
	putchar('\n');
}

static int
tp_show(struct tp_ctx *c, int argc, char **argv)
{
	static const char *const tri[] = { "нет", "да" };
	struct process p = { 0 };
	struct touchpoint *tp;
	const struct kind *k;
	char num[32];
	size_t ti;
	int pnum, rc;

	if ((rc = load_addressed(c, argc > 1 ? argv[1] : NULL, &p, &pnum,
	    &ti)) != EXIT_OK) {
		process_fini(&p);
		return rc;
	}
	tp = &p.tps[ti];
	k = tp->kind[0] ? catalog_find_kind(&c->cat, tp->kind) : NULL;
	snprintf(num, sizeof num, "%d.%zu", pnum, ti + 1);
	show_field("Точка", num);
	show_field("Процесс", p.name);
	show_field("Наименование", tp->name);
	show_field("Вид", k != NULL ? k->name : tp->kind);
	show_field("Тип канала", channel_label(tp->channel));
	for (size_t i = 0; i < tp->ncontacts; i++)
		show_field(i == 0 ? "Контакты" : "", tp->contacts[i].value);
	for (size_t i = 0; i < tp->nneeds; i++) {
		char *n = tp->needs[i].category > 0 ? xasprintf("%s (п. 2.6.%d)",
		    tp->needs[i].wording, tp->needs[i].category) :
		    xasprintf("%s (без категории)", tp->needs[i].wording);

		show_field(i == 0 ? "Потребности" : "", n);
		free(n);
	}
	show_field("Особенности", tp->specifics);
	show_field("Ключевая", tp->key ? "да" : "нет");
	show_field("Основание", tp->basis);
	show_field("Подразделение", tp->unit);
	show_field("Клиенты", tp->audience == AUDIENCE_INTERNAL ? "внутренние" :
	    "внешние");
	snprintf(num, sizeof num, "%d", tp->max_transfers);
	show_field("Переключений не более", tp->max_transfers == TRI_UNKNOWN ?
	    "" : num);
	show_field("Уведомление о получении", tp->ack_receipt == TRI_UNKNOWN ?
	    "" : tri[tp->ack_receipt != 0]);
	show_field("Исключена", tp->excluded ? tp->exclude_reason : "нет");
	process_fini(&p);
	return EXIT_OK;
}

int
cmd_tp(struct app *app, int argc, char **argv)
{
	struct tp_ctx c = { .app = app };
	const char *action = argc > 1 ? argv[1] : "";
	int rc;

	if (argc < 2)
		return app_usage_error("tp", "укажите действие: list, show, "
		    "add, set, exclude, restore или move");
	if (strcmp(action, "-h") == 0 || strcmp(action, "--help") == 0) {
		tp_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(action, "list") != 0 && strcmp(action, "show") != 0 &&
	    strcmp(action, "add") != 0 && strcmp(action, "set") != 0 &&
	    strcmp(action, "exclude") != 0 && strcmp(action, "restore") != 0 &&
	    strcmp(action, "move") != 0) {
		return app_usage_error("tp", "неизвестное действие «%s»",
		    action);
	}
	if (app_open_store(app, 0, &c.st, &c.err) != 0)
		return fail(&c);
	catalog_init(&c.cat);
	app_actor_init(&c.who);
	if (store_read_catalog(c.st, &c.cat, &c.err) != 0)
		rc = fail(&c);
	else if (strcmp(action, "list") == 0)
		rc = tp_list(&c, argc - 1, argv + 1);
	else if (strcmp(action, "show") == 0)
		rc = tp_show(&c, argc - 1, argv + 1);
	else if (strcmp(action, "add") == 0)
		rc = tp_add(&c, argc - 1, argv + 1);
	else if (strcmp(action, "set") == 0)
		rc = tp_set(&c, argc - 1, argv + 1);
	else if (strcmp(action, "move") == 0)
		rc = tp_move(&c, argc - 1, argv + 1);
	else
		rc = tp_exclude(&c, argc - 1, argv + 1,
		    strcmp(action, "exclude") == 0);
	catalog_fini(&c.cat);
	store_close(c.st);
	return rc;
}
