/* app.c - database and data-directory resolution, messages for the clerk. */
#include "app.h"

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "shared.h"
#include "store_tx.h"
#include "store_users.h"
#include "utf8.h"

static void
vnote(const char *prefix, const char *fmt, va_list ap)
{
	struct buf raw, safe;

	buf_init(&raw);
	buf_init(&safe);
	buf_vprintf(&raw, fmt, ap);
	utf8_sanitize(raw.data, SAN_KEEP_NEWLINES, &safe);
	fprintf(stderr, "%s%s\n", prefix, safe.data);
	buf_fini(&raw);
	buf_fini(&safe);
}

void
app_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote("perechen: ", fmt, ap);
	va_end(ap);
}

void
app_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote("", fmt, ap);
	va_end(ap);
}

void
app_out(const char *fmt, ...)
{
	struct buf raw;
	va_list ap;

	buf_init(&raw);
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	app_print(stdout, raw.data);
	buf_fini(&raw);
}

void
app_print(FILE *f, const char *text)
{
	char *safe = utf8_sanitized(text, SAN_KEEP_NEWLINES);

	if (fputs(safe, f) == EOF && f == stdout)
		fileio_stdout_failed(errno);
	free(safe);
}

int
app_parse_number(const char *s, long long min, long long max, long long *out)
{
	long long v;
	char *end;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

bool
app_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

/*
 * Edits (insertions, deletions, substitutions, swaps of neighbours) that
 * turn a into b, counted up to a limit: enough to tell "exprot" from
 * "export".  Command and option names are short ASCII words.
 */
size_t
app_edit_distance(const char *a, const char *b)
{
	enum { MAXLEN = 32 };
	size_t d[MAXLEN + 1][MAXLEN + 1];
	size_t la = strlen(a), lb = strlen(b);

	if (la > MAXLEN || lb > MAXLEN)
		return SIZE_MAX;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

/*
 * The help hint every refusal of a command line ends with: the clerk gets
 * one line saying what is wrong, not a screen of usage that hides it.
 */
int
app_usage_error(const char *cmd, const char *fmt, ...)
{
	struct buf what;
	va_list ap;

	buf_init(&what);
	va_start(ap, fmt);
	buf_vprintf(&what, fmt, ap);
	va_end(ap);
	app_error("%s: %s; справка: perechen %s --help", cmd, what.data,
	    cmd);
	buf_fini(&what);
	return EXIT_USAGE;
}

/* The long option named exactly (or, as getopt allows, by a unique
 * prefix) len bytes of name; NULL if none or more than one. */
static const struct option *
long_option_named(const struct option *opts, const char *name, size_t len)
{
	const struct option *prefix = NULL;
	int nprefix = 0;

	for (const struct option *o = opts; o->name != NULL; o++) {
		if (strncmp(o->name, name, len) != 0)
			continue;
		if (strlen(o->name) == len)
			return o;
		prefix = o;
		nprefix++;
	}
	return nprefix == 1 ? prefix : NULL;
}

/* The long option whose name is within two edits of name, if any. */
static const char *
nearest_long_option(const struct option *opts, const char *name)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (const struct option *o = opts; o->name != NULL; o++) {
		size_t d = app_edit_distance(name, o->name);

		if (d < best_d) {
			best_d = d;
			best = o->name;
		}
	}
	return best;
}

static int
bad_long_option(const char *cmd, const struct option *opts, const char *arg)
{
	const char *eq = strchr(arg + 2, '=');
	size_t len = eq != NULL ? (size_t)(eq - arg - 2) : strlen(arg + 2);
	const struct option *o = long_option_named(opts, arg + 2, len);
	char *name = xstrndup(arg + 2, len);
	const char *near;
	int rc;

	if (o != NULL && eq == NULL && o->has_arg == required_argument)
		rc = app_usage_error(cmd, "у параметра «--%s» нет значения",
		    o->name);
	else if (o != NULL && eq != NULL && o->has_arg == no_argument)
		rc = app_usage_error(cmd, "параметр «--%s» пишется без "
		    "значения", o->name);
	else if ((near = nearest_long_option(opts, name)) != NULL)
		rc = app_usage_error(cmd, "неизвестный параметр «--%s» (может "
		    "быть, «--%s»?)", name, near);
	else
		rc = app_usage_error(cmd, "неизвестный параметр «--%s»", name);
	free(name);
	return rc;
}

int
app_bad_option(const char *cmd, const char *optstring,
    const struct option *opts, char **argv)
{
	const char *arg = argv[optind - 1];
	const char *known;

	if (strncmp(arg, "--", 2) == 0 && arg[2] != '\0')
		return bad_long_option(cmd, opts, arg);
	/* A short option: getopt names it in optopt, whether unknown or
	 * known and left without its value at the end of the line. */
	known = optopt != 0 && optopt != ':' && optopt != '+' ?
	    strchr(optstring, optopt) : NULL;
	if (known != NULL && known[1] == ':')
		return app_usage_error(cmd, "у параметра «-%c» нет значения",
		    optopt);
	if (optopt > ' ' && optopt < 0x7f)
		return app_usage_error(cmd, "неизвестный параметр «-%c»",
		    optopt);
	return app_usage_error(cmd, "неверный параметр «%s»", arg);
}

/* mkdir -p of the directory part of path. */
static int
make_parent_dirs(const char *path, struct error *err)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash == NULL || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;

			*p = '\0';
			/* Shared as the umask says, like the list itself. */
			if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
				error_set_errno(err, errno, "не удалось создать "
				    "каталог %s", dir);
				free(dir);
				return -1;
			}
			*p = saved;
			if (saved == '\0')
				break;
		}
	}
	free(dir);
	return 0;
}

char *
app_share_path(const struct app *app, const char *name)
{
	return xasprintf("%s/%s", app->share_dir, name);
}

int
app_read_file(const char *path, char **data, size_t *len, struct error *err)
{
	return fileio_read(path, FILEIO_INPUT_MAX, data, len, err);
}

int
app_load_catalog(const struct app *app, struct catalog *c, struct error *err)
{
	static const char *const files[2] = { "kinds.tsv", "needs.tsv" };

	for (int i = 0; i < 2; i++) {
		char *path = app_share_path(app, files[i]), *text;
		size_t len;
		int rc;

		if (app_read_file(path, &text, &len, err) != 0) {
			error_prefix(err, "каталог не найден (задайте "
			    "PERECHEN_SHARE)");
			free(path);
			return -1;
		}
		rc = i == 0 ? catalog_parse_kinds(c, text, path, err) :
		    catalog_parse_needs(c, text, path, err);
		free(text);
		free(path);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* A new database gets the shipped catalogues in one transaction, and
 * its creator becomes its first authorised person (п. 2.2). */
static int
seed_catalog_if_new(struct app *app, struct store *st, struct error *err)
{
	struct app_actor who;
	struct store_tx tx;
	struct catalog c;
	bool missing;
	int rc;

	if (store_catalog_missing(st, &missing, err) != 0)
		return -1;
	if (!missing)
		return 0;
	catalog_init(&c);
	rc = app_load_catalog(app, &c, err);
	app_actor_init(&who);
	/* A new list has no users: anyone may make it, and its creator
	 * becomes its first authorised person in the same transaction. */
	if (rc == 0 && (rc = store_tx_begin(&tx, st, &who.actor,
	    POLICY_IMPORT, err)) == 0) {
		rc = store_seed_catalog(st, &c, err);
		if (rc == 0)
			rc = store_users_bootstrap(st, app->owner != NULL ?
			    app->owner : who.login, who.now, err);
		rc = store_tx_end(&tx, rc, err);
	}
	catalog_fini(&c);
	return rc;
}

/* Remove a database file this process created and could not finish. */
static void
remove_new_database(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);

		unlink(p);
		free(p);
	}
}

int
app_db_stat(const struct app *app, struct stat *sb)
{
	struct error err;
	int rc, e;

	if (app->list_name == NULL)
		return stat(app->db_path, sb);
	if (shared_regain(&err) != 0)
		return -1;
	rc = stat(app->db_path, sb);
	e = errno;
	if (shared_drop(&err) != 0)
		abort();	/* never go on holding the group's rights */
	errno = e;
	return rc;
}

/*
 * A shared list is created only by the administrator, who names its
 * first authorised person (an account of this system); a clerk is told
 * whom to ask.
 */
static int
shared_creation_allowed(const struct app *app, struct error *err)
{
	if (!shared_is_admin())
		return error_set(err, "общего перечня «%s» нет; создаёт его "
		    "администратор: sudo perechen -l %s init --owner ЛОГИН",
		    app->list_name, app->list_name);
	if (app->owner == NULL)
		return error_set(err, "общий перечень «%s» создаётся с "
		    "уполномоченным лицом: perechen -l %s init --owner ЛОГИН",
		    app->list_name, app->list_name);
	return 0;
}

/* store_open of a private list: its folder made when creating, a
 * half-made new file removed. */
static int
open_private(struct app *app, int flags, bool existed, struct store **out,
    struct error *err)
{
	if ((flags & STORE_CREATE) && make_parent_dirs(app->db_path, err) != 0)
		return -1;
	if (store_open(out, app->db_path, flags, err) != 0) {
		if (!existed && (flags & STORE_CREATE))
			remove_new_database(app->db_path);
		return -1;
	}
	return 0;
}

/*
 * store_open of a shared list, holding the group's rights only meanwhile:
 * store_open reads the schema, so SQLite has opened the -wal and -shm
 * files (made 0660 in the folder's group) before the rights are dropped,
 * and keeps them open for the connection's life.
 */
static int
open_shared(struct app *app, int flags, bool existed, struct store **out,
    struct error *err)
{
	struct error drop_err;
	int rc;

	if (!existed && !(flags & STORE_CREATE))
		return error_set(err, "общего перечня «%s» нет (perechen "
		    "lists — перечни, где у вас есть роль)", app->list_name);
	if (!existed && shared_creation_allowed(app, err) != 0)
		return -1;
	if (shared_regain(err) != 0)
		return -1;
	rc = store_open(out, app->db_path, flags, err);
	if (rc != 0 && !existed)
		remove_new_database(app->db_path);
	if (shared_drop(&drop_err) != 0)
		abort();	/* never go on holding the group's rights */
	return rc;
}

bool
app_db_present(const struct app *app)
{
	struct stat sb;

	/* A link (even one pointing nowhere) is the clerk's: never removed. */
	return app->list_name != NULL ? app_db_stat(app, &sb) == 0 :
	    lstat(app->db_path, &sb) == 0;
}

void
app_remove_new_list(struct app *app)
{
	struct error err;

	if (app->list_name == NULL) {
		remove_new_database(app->db_path);
		return;
	}
	if (shared_regain(&err) != 0)
		return;		/* left unfinished: the next open removes it */
	remove_new_database(app->db_path);
	if (shared_drop(&err) != 0)
		abort();	/* never go on holding the group's rights */
}

int
app_open_store(struct app *app, int flags, struct store **out,
    struct error *err)
{
	bool existed = app_db_present(app);

	if ((app->list_name != NULL ? open_shared(app, flags, existed, out,
	    err) : open_private(app, flags, existed, out, err)) != 0)
		return -1;
	if (app->list_name == NULL && strcmp(app->db_path, ":memory:") != 0)
		fileio_warn_shared(app->db_path);
	/* Changes given no actor are checked against this account's role. */
	store_set_login(*out, app_login());
	if (!(flags & STORE_READONLY) && seed_catalog_if_new(app, *out,
	    err) != 0) {
		store_close(*out);
		*out = NULL;
		/* A list without catalogues is no list: leave nothing behind. */
		if (!existed)
			remove_new_database(app->db_path);
		return -1;
	}
	return 0;
}

/* getpwuid of the real uid, once: every change and acknowledgement in a
 * run names the same login, whatever the environment says. */
const char *
app_login(void)
{
	static char login[64];
	struct passwd *pw;

	if (login[0] != '\0')
		return login;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		snprintf(login, sizeof login, "%s", pw->pw_name);
	else
		snprintf(login, sizeof login, "uid%lu", (unsigned long)getuid());
	return login;
}

void
app_actor_init(struct app_actor *aa)
{
	time_t now = time(NULL);
	struct tm tm;

	snprintf(aa->login, sizeof aa->login, "%s", app_login());
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(aa->now, sizeof aa->now, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(aa->now, sizeof aa->now, "1970-01-01T00:00:00Z");
	aa->actor.login = aa->login;
	aa->actor.now_utc = aa->now;
}

void
app_json_string(struct buf *out, const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	char enc[4];

	buf_putc(out, '"');
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == '"' || cp == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)cp);
		} else if (cp == '\n') {
			buf_puts(out, "\\n");
		} else if (cp == '\t') {
			buf_puts(out, "\\t");
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		    (cp >= 0x200E && cp <= 0x200F) || cp == 0x061C ||
		    (cp >= 0x2028 && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069)) {
			buf_printf(out, "\\u%04X", (unsigned)cp);
		} else {
			buf_append(out, enc, utf8_encode(cp, enc));
		}
	}
	buf_putc(out, '"');
}
