/*
 * main.c - perechen's entry point: global options, the database and data
 * directory chosen, and the command table.
 */
#include <limits.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "fileio.h"
#include "shared.h"

/* In the order of a clerk's work: the list made, kept, checked, approved,
 * published, followed up and printed; then the settings; then what the
 * server's lists need (the log checked, copies, all lists at once). */
static const struct command commands[] = {
	{ "init", "создать перечень или задать его заголовок", cmd_init },
	{ "import", "загрузить перечень из TSV или CSV", cmd_import },
	{ "edit", "открыть редактор перечня (по умолчанию)", cmd_edit },
	{ "tp", "точки взаимодействия: список, добавление, правка, исключение", cmd_tp },
	{ "process", "процессы: добавление, переименование, порядок", cmd_process },
	{ "check", "проверить перечень по правилам Порядка", cmd_check },
	{ "ack", "принять предупреждение с обоснованием", cmd_ack },
	{ "review", "проверка точек уполномоченным лицом (п. 2.2)", cmd_review },
	{ "approve", "утвердить перечень: приказ, новая редакция", cmd_approve },
	{ "publish", "отметить размещение редакции на сайте", cmd_publish },
	{ "status", "что и к какому сроку сделать (п. 5.4)", cmd_status },
	{ "diff", "изменения между редакциями для приказа", cmd_diff },
	{ "order", "проект приказа о внесении изменений", cmd_order },
	{ "log", "журнал изменений (п. 5.3)", cmd_log },
	{ "export", "выгрузить перечень: pdf, docx, html, txt, csv", cmd_export },
	{ "print", "напечатать перечень (lp) или сохранить файл", cmd_print },
	{ "settings", "настройки печати: лист, поля, шрифт, гриф", cmd_settings },
	{ "users", "пользователи и роли (п. 2.2)", cmd_users },
	{ "calendar", "производственный календарь: рабочие дни", cmd_calendar },
	{ "verify", "проверить, не изменён ли журнал вне программы", cmd_verify },
	{ "backup", "копия перечня, пока другие работают", cmd_backup },
	{ "restore", "восстановить перечень из копии", cmd_restore },
	{ "lists", "общие перечни сервера и их состояние", cmd_lists },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void
usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ | -l ИМЯ] [КОМАНДА "
	    "[ПАРАМЕТРЫ]]\n"
	    "Ведение перечня точек взаимодействия с клиентом.\n\n"
	    "Параметры:\n"
	    "  -d, --db ФАЙЛ   файл базы перечня (иначе $PERECHEN_DB, иначе\n"
	    "                  $XDG_DATA_HOME/perechen/perechen.db)\n"
	    "  -l, --list ИМЯ  общий перечень на сервере (иначе $PERECHEN_LIST):\n"
	    "                  " PERECHEN_LISTSDIR "/ИМЯ.db\n"
	    "  -h, --help      эта справка\n"
	    "  -V, --version   версия программы\n\n"
	    "Команды:\n", f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\nСправка по команде: perechen КОМАНДА --help\n", f);
}

/* The default database: $XDG_DATA_HOME/perechen/perechen.db. */
static char *
default_db_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/perechen/perechen.db", xdg);
	if (home == NULL || home[0] == '\0')
		home = ".";
	return xasprintf("%s/.local/share/perechen/perechen.db", home);
}

static bool
share_dir_ok(const char *dir)
{
	char *probe = xasprintf("%s/kinds.tsv", dir);
	bool ok = access(probe, R_OK) == 0;

	free(probe);
	return ok;
}

/*
 * The data directory: $PERECHEN_SHARE, else share/perechen found next to
 * the binary (an in-tree build, or a relocated install), else the
 * directory compiled in.
 */
static char *
find_share_dir(void)
{
	const char *env = getenv("PERECHEN_SHARE");
	char exe[PATH_MAX];
	ssize_t n;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/'), *dir;

			if (slash == NULL)
				break;
			*slash = '\0';
			dir = xasprintf("%s/share/perechen", exe);
			if (share_dir_ok(dir))
				return dir;
			free(dir);
		}
	}
	return xstrdup(PERECHEN_SHAREDIR);
}

/* Whatever a command printed must have reached its reader: output lost
 * to a full disk or a closed pipe, and not yet reported, fails the run
 * with the reason (check and status report theirs, with their own 3).
 * A change the command committed stays, and the clerk is told so: a
 * failed run must not be taken for a change not made. */
static int
finish_output(int rc)
{
	struct error err;

	if (fileio_close_stdout(&err) == 0)
		return rc;
	if (store_saved_any())
		app_error("изменение в перечне сохранено, но %s", err.msg);
	else
		app_error("%s", err.msg);
	return rc == EXIT_USAGE ? rc : EXIT_FAIL;
}

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* The command name most like name, if one is within two edits. */
static const struct command *
nearest_command(const char *name)
{
	const struct command *best = NULL;
	size_t best_d = 3;

	for (size_t i = 0; i < NCOMMANDS; i++) {
		size_t d = app_edit_distance(name, commands[i].name);

		if (d < best_d) {
			best_d = d;
			best = &commands[i];
		}
	}
	return best;
}

/* Refuse an unknown command, suggesting the nearest one. */
static int
unknown_command(const char *name)
{
	const struct command *near = nearest_command(name);

	if (near != NULL)
		app_error("неизвестная команда «%s»; может быть, «%s»? Список "
		    "команд: perechen --help", name, near->name);
	else
		app_error("неизвестная команда «%s»; список команд: "
		    "perechen --help", name);
	return EXIT_USAGE;
}

/*
 * -l NAME (or $PERECHEN_LIST): the shared list's file in db_path; -d and
 * -l together are refused.  0, or an exit code.
 */
static int
choose_shared_list(struct app *app, const char *db, const char *list)
{
	struct error err;

	if (list == NULL && db == NULL && getenv("PERECHEN_LIST") != NULL &&
	    getenv("PERECHEN_LIST")[0] != '\0')
		list = getenv("PERECHEN_LIST");
	if (list == NULL)
		return 0;
	if (db != NULL) {
		app_error("-d и -l вместе не задаются: -d — свой файл перечня, "
		    "-l — общий перечень на сервере");
		return EXIT_USAGE;
	}
	if (shared_name_check(list, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_USAGE;
	}
	app->list_name = list;
	app->db_path = app->db_path_owned = shared_path(list);
	return 0;
}

int
main(int argc, char **argv)
{
	struct app app = { 0 };
	const struct command *cmd;
	const char *db = NULL, *list = NULL, *name;
	struct error err;
	int i, rc;

	/* Before anything reads a file: the group's rights are for lists. */
	if (shared_privilege_init(&err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	setlocale(LC_ALL, "");
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-d") == 0 || strcmp(argv[i], "--db") == 0) {
			if (++i == argc) {
				app_error("после %s нужен путь к файлу перечня",
				    argv[i - 1]);
				return EXIT_USAGE;
			}
			db = argv[i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i] + 5;
		} else if (strcmp(argv[i], "-l") == 0 ||
		    strcmp(argv[i], "--list") == 0) {
			if (++i == argc) {
				app_error("после %s нужно имя общего перечня",
				    argv[i - 1]);
				return EXIT_USAGE;
			}
			list = argv[i];
		} else if (strncmp(argv[i], "--list=", 7) == 0) {
			list = argv[i] + 7;
		} else if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return finish_output(EXIT_OK);
		} else if (strcmp(argv[i], "-V") == 0 ||
		    strcmp(argv[i], "--version") == 0) {
			printf("perechen %s\n", PERECHEN_VERSION);
			return finish_output(EXIT_OK);
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			app_error("неизвестный параметр «%s»; справка: "
			    "perechen --help", argv[i]);
			return EXIT_USAGE;
		}
	}
	if ((rc = choose_shared_list(&app, db, list)) != 0)
		return rc;
	if (app.list_name != NULL)
		db = app.db_path;
	if (db == NULL && getenv("PERECHEN_DB") != NULL &&
	    getenv("PERECHEN_DB")[0] != '\0')
		db = getenv("PERECHEN_DB");
	if (db == NULL)
		db = app.db_path_owned = default_db_path();
	app.db_path = db;
	app.argv = argv;
	app.share_dir = app.share_dir_owned = find_share_dir();

	name = i < argc ? argv[i] : "edit";
	cmd = find_command(name);
	if (cmd == NULL) {
		rc = unknown_command(name);
	} else if (i < argc) {
		rc = cmd->run(&app, argc - i, argv + i);
	} else {
		char *edit_argv[] = { (char *)"edit", NULL };

		rc = cmd->run(&app, 1, edit_argv);
	}
	free(app.db_path_owned);
	free(app.share_dir_owned);
	return finish_output(rc);
}
