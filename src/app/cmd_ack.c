/*
 * cmd_ack.c - "perechen ack": accept a warning with a justification, take
 * the acceptance back, or list what has been accepted.
 *
 * Records are named as "perechen check" prints them: the process number and
 * the touchpoint's number within its process.  Only a warning the list
 * actually has can be accepted (a typo in a number is caught, not stored);
 * the clerk's login is taken from the real user id.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "buf.h"
#include "store_ack.h"
#include "store_tx.h"
#include "utf8.h"
#include "validate.h"

enum cmd_ack_mode {
	ACK_ADD,
	ACK_REMOVE,
	ACK_LIST
};

/* What the command line asked for. */
struct cmd_ack_args {
	enum cmd_ack_mode mode;
	enum rule_id rule;
	size_t	 proc;		/* 1-based; 0 when not given */
	size_t	 tp;		/* 1-based; 0 when not given */
	const char *reason;
};

/* The command's Russian help. */
static void
cmd_ack_usage(FILE *f)
{
	fputs("Использование:\n"
	    "  perechen [-d ФАЙЛ] ack ПРАВИЛО --process N [--touchpoint M] "
	    "--reason ТЕКСТ\n"
	    "  perechen [-d ФАЙЛ] ack --remove ПРАВИЛО --process N "
	    "[--touchpoint M]\n"
	    "  perechen [-d ФАЙЛ] ack --list\n\n"
	    "Принимает предупреждение с обоснованием: принятое предупреждение\n"
	    "остаётся в выводе perechen check с пометкой «принято» и не влияет\n"
	    "на код возврата.  Принять можно только предупреждения: R4\n"
	    "(потребность без категории, для точки), R5 (нет ключевой точки),\n"
	    "R7 (нет цифровой точки), R8 (нет офлайн-точки) — для процесса.\n"
	    "Ошибки нужно исправлять, подсказки принимать не нужно.\n\n"
	    "  -p, --process N      номер процесса, как его печатает check\n"
	    "  -t, --touchpoint M   номер точки внутри процесса (для R4)\n"
	    "  -r, --reason ТЕКСТ   обоснование: почему предупреждение\n"
	    "                       принимается (например, ссылка на закон)\n"
	    "      --remove         отменить принятие\n"
	    "  -l, --list           показать принятые предупреждения\n"
	    "  -h, --help           эта справка\n\n"
	    "Пример: perechen ack R8 --process 5 --reason \"жалобы подаются "
	    "только через ЕПГУ (ст. 40 248-ФЗ)\"\n", f);
}

/* A whole positive decimal number, or 0. */
static size_t
cmd_ack_number(const char *s)
{
	long long v;

	return app_parse_number(s, 1, SIZE_MAX / 2, &v) == 0 ? (size_t)v : 0;
}

/* Parse the command line into a; returns EXIT_OK to go on, or the exit
 * code to leave with (help printed, or a usage error reported). */
static int
cmd_ack_parse(int argc, char **argv, struct cmd_ack_args *a, bool *done)
{
	static const struct option opts[] = {
		{ "process", required_argument, NULL, 'p' },
		{ "touchpoint", required_argument, NULL, 't' },
		{ "reason", required_argument, NULL, 'r' },
		{ "remove", no_argument, NULL, 'R' },
		{ "list", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	*done = false;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "p:t:r:lh", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if ((a->proc = cmd_ack_number(optarg)) == 0) {
				app_error("ack: номер процесса — целое число "
				    "от 1, а не «%s»", optarg);
				return EXIT_USAGE;
			}
			break;
		case 't':
			if ((a->tp = cmd_ack_number(optarg)) == 0) {
				app_error("ack: номер точки — целое число "
				    "от 1, а не «%s»", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'r':
			a->reason = optarg;
			break;
		case 'R':
			a->mode = ACK_REMOVE;
			break;
		case 'l':
			a->mode = ACK_LIST;
			break;
		case 'h':
			cmd_ack_usage(stdout);
			*done = true;
			return EXIT_OK;
		default:
			return app_bad_option("ack", "p:t:r:lh", opts, argv);
		}
	}
	if (a->mode == ACK_LIST) {
		if (optind < argc || a->proc != 0 || a->reason != NULL) {
			app_error("ack --list: другие параметры не нужны");
			return EXIT_USAGE;
		}
		return EXIT_OK;
	}
	if (optind >= argc) {
		app_error("ack: укажите правило, например R8; справка: "
		    "perechen ack --help");
		return EXIT_USAGE;
	}
	if (optind + 1 < argc) {
		(void)app_usage_error("ack", "лишний аргумент «%s» "
		    "(обоснование — после --reason, в кавычках)",
		    argv[optind + 1]);
		return EXIT_USAGE;
	}
	if ((a->rule = rule_from_code(argv[optind])) == RULE_NONE) {
		app_error("ack: нет правила «%s»; правила: R1–R11",
		    argv[optind]);
		return EXIT_USAGE;
	}
	if (a->proc == 0) {
		app_error("ack: укажите процесс: --process N");
		return EXIT_USAGE;
	}
	if (a->mode == ACK_ADD && a->reason == NULL) {
		app_error("ack: нужно обоснование: --reason ТЕКСТ");
		return EXIT_USAGE;
	}
	if (a->mode == ACK_REMOVE && a->reason != NULL) {
		app_error("ack --remove: обоснование не нужно");
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The record as the clerk named it: "процесс 5" or "точка 4.3"; caller
 * frees. */
static char *
cmd_ack_target(const struct cmd_ack_args *a)
{
	if (a->tp != 0)
		return xasprintf("точка %zu.%zu", a->proc, a->tp);
	return xasprintf("процесс %zu", a->proc);
}

/* Check that the numbers name records of l; fills the ids. */
static int
cmd_ack_resolve(const struct list *l, const struct cmd_ack_args *a,
    int64_t *proc_id, int64_t *tp_id, struct error *err)
{
	const struct process *p;

	if (a->proc > l->nprocs)
		return error_set(err, "в перечне нет процесса %zu (процессов: "
		    "%zu)", a->proc, l->nprocs);
	p = &l->procs[a->proc - 1];
	*proc_id = p->id;
	*tp_id = 0;
	if (a->tp == 0)
		return 0;
	if (a->tp > p->ntps)
		return error_set(err, "в процессе %zu нет точки %zu (точек: "
		    "%zu)", a->proc, a->tp, p->ntps);
	*tp_id = p->tps[a->tp - 1].id;
	return 0;
}

/* Whether the list has the warning the clerk wants to accept. */
static int
cmd_ack_has_finding(const struct list *l, const struct catalog *cat,
    const struct cmd_ack_args *a, struct error *err)
{
	struct findings f;
	bool found = false;

	findings_init(&f);
	validate_list(l, cat, &f);
	for (size_t i = 0; i < f.n && !found; i++)
		found = f.v[i].rule == a->rule && f.v[i].proc == a->proc - 1 &&
		    (a->tp == 0 ? f.v[i].tp == FINDING_NONE :
		    f.v[i].tp == a->tp - 1);
	findings_fini(&f);
	if (found)
		return 0;
	if (a->tp != 0)
		return error_set(err, "у точки %zu.%zu нет предупреждения %s — "
		    "принимать нечего", a->proc, a->tp, rule_get(a->rule)->code);
	return error_set(err, "в процессе %zu нет предупреждения %s — "
	    "принимать нечего", a->proc, rule_get(a->rule)->code);
}

/* Accept the warning: check it exists, store it in one transaction. */
static int
cmd_ack_add(struct store *st, const struct list *l,
    const struct cmd_ack_args *a, struct error *err)
{
	struct app_actor who;
	struct store_tx tx;
	struct catalog cat;
	struct ack k;
	int rc;

	memset(&k, 0, sizeof k);
	k.rule = a->rule;
	if (cmd_ack_resolve(l, a, &k.proc_id, &k.tp_id, err) != 0)
		return -1;
	catalog_init(&cat);
	rc = store_read_catalog(st, &cat, err);
	if (rc == 0)
		rc = cmd_ack_has_finding(l, &cat, a, err);
	catalog_fini(&cat);
	if (rc != 0)
		return -1;
	k.justification = (char *)a->reason;
	k.login = xstrdup(app_login());
	k.created_utc = (char *)"";
	app_actor_init(&who);
	rc = store_tx_begin(&tx, st, &who.actor, POLICY_ACK, err);
	if (rc == 0)
		rc = store_tx_end(&tx, store_ack_add(st, &k, err), err);
	free(k.login);
	return rc;
}

static int
cmd_ack_remove(struct store *st, const struct list *l,
    const struct cmd_ack_args *a, struct error *err)
{
	int64_t proc_id, tp_id;
	struct app_actor who;
	struct store_tx tx;
	bool removed = false;
	int rc;

	if (cmd_ack_resolve(l, a, &proc_id, &tp_id, err) != 0)
		return -1;
	app_actor_init(&who);
	rc = store_tx_begin(&tx, st, &who.actor, POLICY_ACK, err);
	if (rc == 0)
		rc = store_tx_end(&tx, store_ack_remove(st, a->rule, proc_id,
		    tp_id, &removed, err), err);
	if (rc != 0)
		return -1;
	if (!removed) {
		char *target = cmd_ack_target(a);

		error_set(err, "%s: предупреждение %s не было принято", target,
		    rule_get(a->rule)->code);
		free(target);
		return -1;
	}
	return 0;
}

/* Where an acknowledgement points: "5" or "4.3", or NULL if gone. */
static char *
cmd_ack_place(const struct list *l, const struct ack *k, const char **name)
{
	for (size_t i = 0; i < l->nprocs; i++) {
		const struct process *p = &l->procs[i];

		if (p->id != k->proc_id)
			continue;
		*name = p->name;
		if (k->tp_id == 0)
			return xasprintf("%zu.", i + 1);
		for (size_t j = 0; j < p->ntps; j++)
			if (p->tps[j].id == k->tp_id) {
				*name = p->tps[j].name;
				return xasprintf("%zu.%zu.", i + 1, j + 1);
			}
	}
	return NULL;
}

static int
cmd_ack_list(struct store *st, const struct list *l, struct error *err)
{
	struct acks acks;
	struct buf out;

	acks_init(&acks);
	if (store_ack_list(st, &acks, err) != 0) {
		acks_fini(&acks);
		return -1;
	}
	buf_init(&out);
	if (acks.n == 0)
		buf_puts(&out, "Принятых предупреждений нет.\n");
	for (size_t i = 0; i < acks.n; i++) {
		const struct ack *k = &acks.v[i];
		const struct rule *r = rule_get(k->rule);
		const char *name = "";
		char *place = cmd_ack_place(l, k, &name);
		char *sq = utf8_squeeze(name);
		char *why = utf8_sanitized(k->justification, 0);
		char *who = utf8_sanitized(k->login, 0);
		char *when = utf8_sanitized(k->created_utc, 0);

		buf_printf(&out, "%s ", place != NULL ? place : "?");
		utf8_fit(sq, 60, &out);
		buf_printf(&out, "\n  %s (п. %s): %s\n  принял %s, %s\n",
		    r->code, r->clause, why, who, when);
		free(place);
		free(sq);
		free(why);
		free(who);
		free(when);
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_fini(&out);
	acks_fini(&acks);
	return 0;
}

int
cmd_ack(struct app *app, int argc, char **argv)
{
	struct cmd_ack_args a;
	struct store *st;
	struct list l;
	struct error err;
	bool done;
	int rc;

	rc = cmd_ack_parse(argc, argv, &a, &done);
	if (rc != EXIT_OK || done)
		return rc;
	if (a.mode != ACK_LIST &&
	    ack_check_target(a.rule, a.tp != 0, &err) != 0) {
		app_error("ack: %s", err.msg);
		return EXIT_USAGE;
	}
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	list_init(&l);
	rc = store_load_list(st, &l, &err);
	if (rc == 0 && a.mode == ACK_ADD)
		rc = cmd_ack_add(st, &l, &a, &err);
	else if (rc == 0 && a.mode == ACK_REMOVE)
		rc = cmd_ack_remove(st, &l, &a, &err);
	else if (rc == 0)
		rc = cmd_ack_list(st, &l, &err);
	if (rc != 0) {
		app_error("%s", err.msg);
	} else if (a.mode != ACK_LIST) {
		char *target = cmd_ack_target(&a);

		if (a.mode == ACK_ADD)
			app_note("%s: предупреждение %s (п. %s) принято",
			    target, rule_get(a.rule)->code,
			    rule_get(a.rule)->clause);
		else
			app_note("%s: принятие предупреждения %s отменено",
			    target, rule_get(a.rule)->code);
		free(target);
	}
	list_fini(&l);
	store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
