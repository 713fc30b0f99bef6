/* cmd_edit.c - "perechen edit" (and no command at all): the editor. */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "ui.h"

/* The Russian usage text. */
static void
edit_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] [edit]\n"
	    "Открывает перечень в полноэкранном редакторе: таблица точек\n"
	    "взаимодействия, сгруппированная по процессам.  Клавиши — F1 или H\n"
	    "в редакторе; выход — q или F10.\n\n"
	    "Переменные окружения:\n"
	    "  ESCDELAY                        задержка Esc в мс (по умолчанию 25)\n"
	    "  PERECHEN_EXIT_AFTER_FIRST_FRAME=1  выйти, нарисовав первый экран\n"
	    "                                  (для замеров скорости открытия)\n",
	    f);
}

/* What the editor's callbacks reach: the program's state and the buffers
 * the actor's strings point into. */
struct edit_ctx {
	struct app	*app;
	struct app_actor who;
};

/* The editor's actor: the real uid's login, stamped now. */
static void
edit_actor(void *ctx, struct actor *who)
{
	struct edit_ctx *ec = ctx;

	app_actor_init(&ec->who);
	*who = ec->who.actor;
}

/* Curses draws UTF-8 only in a UTF-8 locale; fall back to C.UTF-8. */
static int
ensure_utf8_locale(void)
{
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	return -1;
}

/* True if the list's file (or its directory, for the journal) cannot be
 * written: then it opens for viewing only. */
static bool
not_writable(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool ro;

	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	ro = access(path, W_OK) != 0 || access(dir, W_OK) != 0;
	free(dir);
	return ro;
}

/*
 * Open the list.  A file the clerk may not write still opens for viewing,
 * and the editor's header says so: SQLite reads such a file through a
 * read-write open (even in a WAL database whose directory is read-only,
 * where a read-only open cannot set up the shared memory), so that is
 * tried first and a read-only open second.
 */
static int
edit_open(struct app *app, struct store **st, bool *readonly,
    struct error *err)
{
	struct error ro_err;

	*readonly = not_writable(app->db_path);
	if (app_open_store(app, 0, st, err) == 0)
		return 0;
	if (!*readonly)
		return -1;
	return app_open_store(app, STORE_READONLY, st, &ro_err);
}

int
cmd_edit(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct ui_options uopt = { 0 };
	struct edit_ctx ec = { 0 };
	struct ui_actions acts = { 0 };
	const char *first_frame;
	struct store *st;
	struct error err;
	struct stat sb;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			edit_usage(stdout);
			return EXIT_OK;
		default:
			app_error("edit: неверный параметр «%s»",
			    argv[optind - 1]);
			edit_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		app_error("edit: лишний аргумент «%s»", argv[optind]);
		return EXIT_USAGE;
	}
	if (stat(app->db_path, &sb) != 0 && errno == ENOENT) {
		app_error("перечня %s нет. Создайте пустой: «perechen -d %s "
		    "init», или загрузите таблицу: «perechen -d %s import "
		    "ФАЙЛ»", app->db_path, app->db_path, app->db_path);
		return EXIT_FAIL;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		app_error("редактору нужен терминал, а ввод или вывод "
		    "перенаправлен; для выгрузки перечня есть «perechen "
		    "export»");
		return EXIT_FAIL;
	}
	if (ensure_utf8_locale() != 0) {
		app_error("редактору нужна локаль UTF-8 (например, "
		    "LANG=ru_RU.UTF-8 или LC_ALL=C.UTF-8)");
		return EXIT_FAIL;
	}
	if (edit_open(app, &st, &uopt.readonly, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	first_frame = getenv("PERECHEN_EXIT_AFTER_FIRST_FRAME");
	uopt.exit_after_first_frame = first_frame != NULL &&
	    strcmp(first_frame, "1") == 0;
	ec.app = app;
	acts.ctx = &ec;
	acts.actor = edit_actor;
	uopt.actions = &acts;
	uopt.share_dir = app->share_dir;
	rc = ui_run(st, &uopt, &err);
	store_close(st);
	if (rc < 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	/* Ended by a signal: the shell's convention, 128 + its number. */
	return rc > 0 ? 128 + rc : EXIT_OK;
}
