/*
 * app.h - what the command line's commands share: the chosen database, the
 * shared data directory, and the way messages reach the clerk.
 *
 * Owns: struct app, the command table's entry type, exit codes, the
 * clerk's identity (the login of the real uid).  Commands live one per
 * file (cmd_<name>.c) and return an exit code; they never call exit().
 */
#ifndef PERECHEN_APP_H
#define PERECHEN_APP_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

#include "buf.h"
#include "catalog.h"
#include "error.h"
#include "store.h"
#include "store_edit.h"

enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* the command failed; nothing was changed */
	EXIT_USAGE = 2		/* the command line was wrong */
};

struct app {
	const char *db_path;	/* resolved: -d, $PERECHEN_DB, XDG default */
	char	*db_path_owned;
	const char *share_dir;	/* catalogues, examples, calendar */
	char	*share_dir_owned;
	char	**argv;		/* main's, for handing a command over whole */
	const char *list_name;	/* -l NAME: a shared list (shared.h), or NULL */
	const char *owner;	/* init --owner: a new shared list's first
				 * authorised person, or NULL */
};

struct command {
	const char *name;
	const char *summary;	/* one line, Russian */
	int	(*run)(struct app *app, int argc, char **argv);
};

/*
 * Who is changing the list and when: the account of the process's real
 * uid (never $USER, which anyone can set) and the current UTC time.
 */
struct app_actor {
	struct actor actor;	/* points into the buffers below */
	char	 login[64];
	char	 now[32];
};

void	app_actor_init(struct app_actor *aa);
/* The login of the process's real uid ("uid1000" when it has no name),
 * looked up once per run; static storage. */
const char *app_login(void);

/* Print "perechen: message" to stderr through the sanitiser. */
void	app_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Print a message to stderr through the sanitiser (no prefix). */
void	app_note(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* printf to stdout through the sanitiser (newlines kept): for lines that
 * carry data (names, file names). */
void	app_out(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Write data text to f through the sanitiser (newlines kept). */
void	app_print(FILE *f, const char *text);
/* Append s to out as a JSON string: quoted, escaped, valid UTF-8, no
 * character that could steer a terminal. */
void	app_json_string(struct buf *out, const char *s);

/*
 * Open the list's database.  With STORE_CREATE the parent directory is made
 * and a new database gets the shipped catalogues.  Returns 0, or -1 with err.
 */
int	app_open_store(struct app *app, int flags, struct store **out,
	    struct error *err);
/* Whether the list's file (or a link in its place) is there. */
bool	app_db_present(const struct app *app);
/* Remove the list's file and its journals: for a list this process made
 * and whose first change failed, the store closed (a shared list's with
 * the group's rights). */
void	app_remove_new_list(struct app *app);
/* stat of the list's file, with the group's rights for a shared list
 * (the clerk alone may not even see it): 0, or -1 with errno. */
int	app_db_stat(const struct app *app, struct stat *sb);

/* Read share/perechen/kinds.tsv and needs.tsv into c (initialised). */
int	app_load_catalog(const struct app *app, struct catalog *c,
	    struct error *err);
/* Read a file the clerk names (or "-" for stdin) into *data (caller
 * frees): fileio_read with the limit of a clerk's list, FILEIO_INPUT_MAX. */
int	app_read_file(const char *path, char **data, size_t *len,
	    struct error *err);
/* Path of a file in the share directory; caller frees. */
char	*app_share_path(const struct app *app, const char *name);

/*
 * A whole decimal number in [min, max] written with digits only (no sign,
 * no spaces, nothing after it): 0 with *out set, or -1.  Every command
 * reads its numbers (№ of processes, revisions, copies, widths) this way.
 */
int	app_parse_number(const char *s, long long min, long long max,
	    long long *out);

/*
 * Edits (insertions, deletions, substitutions, swaps of neighbours) that
 * turn a into b; SIZE_MAX for words over 32 bytes.  For "did you mean".
 */
size_t	app_edit_distance(const char *a, const char *b);

/*
 * Refuse a command line of cmd in one line on stderr: what fmt says is
 * wrong and «справка: perechen cmd --help».  Returns EXIT_USAGE.
 */
int	app_usage_error(const char *cmd, const char *fmt, ...)
	    PRINTF_LIKE(2, 3);

struct option;
/*
 * Refuse the option getopt_long (with opterr = 0) has just returned '?' for
 * — unknown, missing its value, or given one it does not take — through
 * app_usage_error, suggesting the long option within two edits.  Reads
 * optind and optopt.  Returns EXIT_USAGE.
 */
int	app_bad_option(const char *cmd, const char *optstring,
	    const struct option *opts, char **argv);

/* True if argv holds -h or --help: commands print their usage then. */
bool	app_wants_help(int argc, char **argv);

int	cmd_edit(struct app *app, int argc, char **argv);
int	cmd_init(struct app *app, int argc, char **argv);
int	cmd_calendar(struct app *app, int argc, char **argv);
int	cmd_import(struct app *app, int argc, char **argv);
int	cmd_tp(struct app *app, int argc, char **argv);
int	cmd_process(struct app *app, int argc, char **argv);
int	cmd_export(struct app *app, int argc, char **argv);
int	cmd_print(struct app *app, int argc, char **argv);
int	cmd_settings(struct app *app, int argc, char **argv);
int	cmd_check(struct app *app, int argc, char **argv);
int	cmd_ack(struct app *app, int argc, char **argv);
int	cmd_log(struct app *app, int argc, char **argv);
int	cmd_approve(struct app *app, int argc, char **argv);
int	cmd_publish(struct app *app, int argc, char **argv);
int	cmd_diff(struct app *app, int argc, char **argv);
int	cmd_order(struct app *app, int argc, char **argv);
int	cmd_status(struct app *app, int argc, char **argv);
int	cmd_users(struct app *app, int argc, char **argv);
int	cmd_review(struct app *app, int argc, char **argv);
int	cmd_verify(struct app *app, int argc, char **argv);
int	cmd_backup(struct app *app, int argc, char **argv);
int	cmd_restore(struct app *app, int argc, char **argv);
int	cmd_lists(struct app *app, int argc, char **argv);

struct chain_break;
/* «запись журнала 1234 от 12.11.2026 изменена вне программы» (or the
 * revision's) into out: verify and the editor say it alike. */
void	app_chain_break_text(const struct chain_break *b, char *out,
	    size_t len);

#endif
