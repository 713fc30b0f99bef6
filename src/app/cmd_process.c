/* cmd_process.c - "perechen process": add, rename, reorder, exclude and
 * restore processes. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "store_edit.h"

static void
process_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] process ДЕЙСТВИЕ …\n"
	    "Процессы взаимодействия с клиентом.\n\n"
	    "  process add НАЗВАНИЕ        добавить процесс в конец перечня\n"
	    "  process rename N НАЗВАНИЕ   переименовать процесс № N\n"
	    "  process move N up|down      переставить процесс\n"
	    "  process exclude N --reason Т  исключить процесс из перечня "
	    "(п. 5.3.4)\n"
	    "  process restore N           вернуть исключённый процесс\n", f);
}

static int
parse_number(const char *s, int *n)
{
	long long v;

	if (app_parse_number(s, 1, 1000000, &v) != 0)
		return -1;
	*n = (int)v;
	return 0;
}

/*
 * "exclude N --reason TEXT": the number and the reason (NULL if not
 * given); argv[0] is the action.  Returns 0, or -1 on other words.
 */
static int
parse_exclude(int argc, char **argv, int *pnum, const char **reason)
{
	static const struct option longopts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "r:", longopts, NULL)) != -1) {
		if (ch != 'r')
			return -1;
		*reason = optarg;
	}
	if (argc - optind != 1 || parse_number(argv[optind], pnum) != 0)
		return -1;
	return 0;
}

/* Check the words of the action; returns EXIT_OK or EXIT_USAGE. */
static int
check_args(int argc, char **argv, int *pnum, int *delta, const char **reason)
{
	const char *action = argv[1];

	if (strcmp(action, "add") == 0 && argc == 3 && argv[2][0] != '\0')
		return EXIT_OK;
	if (strcmp(action, "rename") == 0 && argc == 4 &&
	    parse_number(argv[2], pnum) == 0 && argv[3][0] != '\0')
		return EXIT_OK;
	if (strcmp(action, "move") == 0 && argc == 4 &&
	    parse_number(argv[2], pnum) == 0 &&
	    (strcmp(argv[3], "up") == 0 || strcmp(argv[3], "down") == 0)) {
		*delta = strcmp(argv[3], "up") == 0 ? -1 : 1;
		return EXIT_OK;
	}
	if (strcmp(action, "restore") == 0 && argc == 3 &&
	    parse_number(argv[2], pnum) == 0)
		return EXIT_OK;
	if (strcmp(action, "exclude") == 0 &&
	    parse_exclude(argc - 1, argv + 1, pnum, reason) == 0) {
		if (*reason != NULL && **reason != '\0')
			return EXIT_OK;
		app_error("process exclude: укажите причину исключения: "
		    "--reason ТЕКСТ (п. 5.3.4)");
		return EXIT_USAGE;
	}
	return app_usage_error("process", "неверные аргументы");
}

/* The action of argv[1] on the process id found. */
static int
process_act(struct store *st, char **argv, int64_t id, int delta,
    const char *reason, const struct actor *who, struct error *err)
{
	if (strcmp(argv[1], "rename") == 0)
		return store_process_rename(st, id, argv[3], who, err);
	if (strcmp(argv[1], "exclude") == 0)
		return store_process_exclude(st, id, reason, who, err);
	if (strcmp(argv[1], "restore") == 0)
		return store_process_restore(st, id, who, err);
	return store_process_move(st, id, delta, who, err);
}

int
cmd_process(struct app *app, int argc, char **argv)
{
	struct app_actor who;
	struct store *st;
	struct error err;
	const char *reason = NULL;
	int64_t id;
	int pnum = 0, delta = 0, rc;

	if (argc < 2)
		return app_usage_error("process", "укажите действие: add, "
		    "rename, move, exclude или restore");
	if (app_wants_help(argc, argv)) {
		process_usage(stdout);
		return EXIT_OK;
	}
	if ((rc = check_args(argc, argv, &pnum, &delta, &reason)) != EXIT_OK)
		return rc;
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	app_actor_init(&who);
	if (strcmp(argv[1], "add") == 0)
		rc = store_process_add(st, argv[2], &who.actor, &id, &err);
	else if ((rc = store_process_find(st, pnum, &id, &err)) == 0)
		rc = process_act(st, argv, id, delta, reason, &who.actor, &err);
	store_close(st);
	if (rc != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	printf("Сохранено.\n");
	return EXIT_OK;
}
