/*
 * cmd_backup.c - "perechen backup" (a consistent copy while clerks keep
 * working) and "perechen restore" (a list brought back from a copy, by
 * its authorised person or the administrator, after showing what the
 * copy holds).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "shared.h"
#include "store_backup.h"
#include "store_chain.h"
#include "store_history.h"
#include "store_tx.h"

static void
backup_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ | -l ИМЯ] backup [-o ФАЙЛ]\n"
	    "Записывает согласованную копию перечня (как он есть в одну\n"
	    "минуту), не мешая тем, кто его сейчас правит.\n\n"
	    "  -o, --output ФАЙЛ  куда (новый файл; иначе ИМЯ-ГГГГ-ММ-ДД-ЧЧММСС.db\n"
	    "                     в текущем каталоге)\n"
	    "  -h, --help         эта справка\n", f);
}

static void
restore_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ | -l ИМЯ] restore [--yes] "
	    "КОПИЯ\n"
	    "Заменяет перечень его копией (perechen backup), показав, что в\n"
	    "ней: последнюю редакцию и последнее изменение, кто его сделал.\n"
	    "Только уполномоченное лицо или администратор.  Копия с журналом,\n"
	    "изменённым вне программы, не принимается.\n\n"
	    "  -y, --yes   не спрашивать подтверждения (без терминала нужно)\n"
	    "  -h, --help  эта справка\n", f);
}

/* The list's short name: -l NAME, else its file's name without ".db". */
static char *
list_short_name(const struct app *app)
{
	const char *base = strrchr(app->db_path, '/');
	char *name, *dot;

	if (app->list_name != NULL)
		return xstrdup(app->list_name);
	name = xstrdup(base != NULL ? base + 1 : app->db_path);
	dot = strrchr(name, '.');
	if (dot != NULL && dot != name && strcmp(dot, ".db") == 0)
		*dot = '\0';
	return name;
}

/* NAME-YYYY-MM-DD-HHMMSS.db in the current directory; caller frees. */
static char *
default_backup_path(const struct app *app)
{
	char *name = list_short_name(app), stamp[32], *path;
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &tm) == 0)
		snprintf(stamp, sizeof stamp, "%lld", (long long)now);
	path = xasprintf("%s-%s.db", name, stamp);
	free(name);
	return path;
}

/* The one acting has the role needed (ROLE_NONE: any role), or is the
 * administrator; else -1 with err. */
static int
require_role(struct store *st, enum role need, const char *doing,
    struct error *err)
{
	struct policy_user u;
	bool ok;

	if (shared_is_admin())
		return 0;
	policy_user_init(&u);
	if (store_users_lookup(st, app_login(), &u, err) != 0) {
		policy_user_fini(&u);
		return -1;
	}
	ok = u.open || (need == ROLE_NONE ? u.role != ROLE_NONE :
	    u.role == need);
	policy_user_fini(&u);
	if (ok)
		return 0;
	return error_set(err, "%s может %s или администратор; у учётной "
	    "записи %s %s", doing, need == ROLE_NONE ? "тот, у кого есть "
	    "роль в перечне," : "только уполномоченное лицо", app_login(),
	    need == ROLE_NONE ? "роли нет" : "другая роль");
}

int
cmd_backup(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	char *path;
	struct store *st;
	struct error err;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'h': backup_usage(stdout); return EXIT_OK;
		default: return app_bad_option("backup", "o:h", opts, argv);
		}
	}
	if (optind < argc)
		return app_usage_error("backup", "лишний аргумент «%s»",
		    argv[optind]);
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("backup: %s", err.msg);
		return EXIT_FAIL;
	}
	path = out != NULL ? xstrdup(out) : default_backup_path(app);
	/* The copy is written with the clerk's own rights (shared.h). */
	rc = require_role(st, ROLE_NONE, "копию перечня снять", &err);
	if (rc == 0)
		rc = store_backup_to(st, path, &err);
	store_close(st);
	if (rc != 0)
		app_error("backup: %s", err.msg);
	else
		app_out("Копия перечня записана: %s\n", path);
	free(path);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* Print what the copy holds: its latest revision, its last change. */
static int
describe_copy(struct store *from, const char *path, struct error *err)
{
	struct revision r = { 0 };
	struct backup_last last;
	bool found;

	if (store_revision_latest(from, &r, &found, err) != 0 ||
	    store_backup_last_change(from, &last, err) != 0)
		return -1;
	app_out("Копия %s:\n", path);
	if (found)
		app_out("  редакция %lld: приказ № %s от %s\n", (long long)r.id,
		    r.order_no, r.order_date);
	else
		app_out("  утверждённых редакций нет\n");
	if (last.id != 0)
		app_out("  последнее изменение: запись журнала %lld от "
		    "%.2s.%.2s.%.4s %.5s UTC, %s — %s\n", (long long)last.id,
		    last.at_utc + 8, last.at_utc + 5, last.at_utc,
		    last.at_utc + 11, last.login, last.what);
	else
		app_out("  журнал изменений пуст\n");
	revision_fini(&r);
	return 0;
}

/* A list (it has the catalogues) whose log and revisions are intact. */
static int
copy_is_sound(struct store *from, const char *path, struct error *err)
{
	struct chain_break b;
	bool missing;
	char text[256];

	if (store_catalog_missing(from, &missing, err) != 0)
		return -1;
	if (missing)
		return error_set(err, "%s — не копия перечня", path);
	if (store_chain_verify(from, true, &b, err) != 0)
		return -1;
	if (!b.found)
		return 0;
	app_chain_break_text(&b, text, sizeof text);
	return error_set(err, "копия не принята: %s", text);
}

/* The copy at path, read as it is (never changed: one made by an older
 * program is read through a private copy brought to this schema). */
static int
open_copy(const char *path, struct store **from, char **scratch,
    struct error *err)
{
	if (store_open_copy(from, path, scratch, err) != 0) {
		error_prefix(err, "копия не принята");
		return -1;
	}
	if (copy_is_sound(*from, path, err) == 0)
		return 0;
	store_close(*from);
	*from = NULL;
	store_copy_scratch_remove(*scratch);
	*scratch = NULL;
	return -1;
}

/* Ask on the terminal; without one, --yes is needed. */
static bool
confirmed(const struct app *app, bool yes)
{
	char line[32];

	if (yes)
		return true;
	if (!isatty(STDIN_FILENO)) {
		app_error("restore: подтвердите замену параметром --yes");
		return false;
	}
	app_out("Заменить перечень %s этой копией? Введите «да»: ",
	    app->db_path);
	fflush(stdout);
	return fgets(line, sizeof line, stdin) != NULL &&
	    strncmp(line, "да", strlen("да")) == 0;
}

/* The restore logged in the restored list: who brought back what. */
static int
log_restore(struct store *st, const char *path, struct error *err)
{
	struct app_actor who;
	struct changes ch;
	int rc;

	app_actor_init(&who);
	changes_init(&ch);
	changes_add(&ch, "перечень", 0, 0, "перечень", "восстановление из "
	    "копии", "", path, TRIGGER_EDIT);
	rc = store_begin(st, err);
	if (rc == 0)
		rc = store_log_changes(st, &ch, &who.actor, err);
	if (rc == 0)
		rc = store_commit(st, err);
	if (rc != 0)
		store_rollback(st);
	changes_fini(&ch);
	return rc;
}

static int
restore_run(struct app *app, const char *path, bool yes)
{
	struct store *st = NULL, *from = NULL;
	char *scratch = NULL;
	struct error err;
	int rc;

	rc = app_open_store(app, 0, &st, &err);
	if (rc == 0)
		rc = require_role(st, ROLE_AUTHORISED, "восстановить перечень",
		    &err);
	if (rc == 0)
		rc = open_copy(path, &from, &scratch, &err);
	if (rc == 0)
		rc = describe_copy(from, path, &err);
	if (rc == 0 && !confirmed(app, yes)) {
		store_close(from);
		store_copy_scratch_remove(scratch);
		store_close(st);
		app_note("Перечень не изменён.");
		return EXIT_FAIL;
	}
	if (rc == 0)
		rc = store_restore_from(st, from, &err);
	store_close(from);
	store_copy_scratch_remove(scratch);
	if (rc == 0 && log_restore(st, path, &err) != 0)
		app_error("restore: перечень восстановлен, но запись в журнал "
		    "не сделана: %s", err.msg);
	else if (rc != 0)
		app_error("restore: %s", err.msg);
	else
		app_out("Перечень восстановлен из копии %s.\n", path);
	store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int
cmd_restore(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	bool yes = false;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "yh", opts, NULL)) != -1) {
		switch (c) {
		case 'y': yes = true; break;
		case 'h': restore_usage(stdout); return EXIT_OK;
		default: return app_bad_option("restore", "yh", opts, argv);
		}
	}
	if (optind + 1 != argc)
		return app_usage_error("restore", optind < argc ? "лишний "
		    "аргумент" : "укажите файл копии");
	return restore_run(app, argv[optind], yes);
}
