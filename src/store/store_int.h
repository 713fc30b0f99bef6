/*
 * store_int.h - what the store's own files share: the connection and the
 * helpers that turn SQLite's result codes into Russian messages.  Not for use
 * outside src/store/.
 */
#ifndef PERECHEN_STORE_INT_H
#define PERECHEN_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "store.h"

/* How long a change waits for another clerk's to end. */
#define STORE_BUSY_TIMEOUT_MS 5000

struct store {
	sqlite3	*db;
	char	*path;
	int	 flags;
	/* Tests of atomicity only (store_set_fault_hook). */
	void	(*fault_hook)(const char *where, void *arg);
	void	*fault_arg;
	/* The account this connection acts for (store_set_login): changes
	 * given no actor are checked against its role. */
	char	 login[64];
	/* Opened for reading only because the disk is full: a change says
	 * so instead of blaming permissions. */
	bool	 disk_full;
	/* Created by this connection and holding no list yet: the first
	 * commit that is not the catalogue's seed marks it finished. */
	bool	 unfinished;
	bool	 seeding;	/* the open transaction seeds the catalogue */
	bool	 bulk;		/* store_bulk_begin left WAL */
};

/* Fill err from the connection's last error, saying what was being done. */
int	store_fail(struct store *s, const char *doing, struct error *err);
/* Prepare sql or fail with err. */
int	store_prepare(struct store *s, sqlite3_stmt **st, const char *sql,
	    struct error *err);
/* Bind a UTF-8 string (never NULL: NULL binds as ""). */
int	store_bind_text(sqlite3_stmt *st, int idx, const char *text);
/* Run a statement that returns no rows, then finalize it. */
int	store_step_done(struct store *s, sqlite3_stmt *st, const char *doing,
	    struct error *err);
/* Copy a text column ("" for NULL); caller frees. */
char	*store_column_text(sqlite3_stmt *st, int col);

/* store_status_facts (day NULL: now) inside the caller's transaction:
 * the approval records the cycle it closes with it (store_status.c). */
struct reminder_facts;
struct date;
int	store_status_gather(struct store *s, const struct date *day,
	    struct reminder_facts *f, struct error *err);

/* The users table as the role check and the users module read it
 * (store_tx.c): a role stored as code (ROLE_NONE if unknown), the units
 * of login appended to units, how many users hold role (ROLE_NONE: any)
 * leaving out the login except. */
#include "policy.h"
#include "strvec.h"
enum role store_users_role(sqlite3_stmt *st, int col);
int	store_users_units(struct store *s, const char *login,
	    struct strvec *units, struct error *err);
int	store_users_count(struct store *s, enum role role, const char *except,
	    int64_t *n, struct error *err);

#endif
