/*
 * store.h - one list in one SQLite database file.
 *
 * Owns: the database connection, the schema and its migrations (PRAGMA
 * user_version), transactions, and reading and writing whole lists, the
 * header and the catalogues.  The only module that includes <sqlite3.h>.
 *
 * Several clerks may open the same file at once: the database runs in WAL
 * mode with a busy timeout, every change is one BEGIN IMMEDIATE transaction,
 * and every record carries a version for conflict checks.
 */
#ifndef PERECHEN_STORE_H
#define PERECHEN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "error.h"
#include "model.h"

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0,	/* create the file (and schema) if missing */
	STORE_READONLY = 1 << 1	/* never write */
};

#define STORE_SCHEMA_VERSION 11

/*
 * Open the database at path (":memory:" works) and migrate its schema to
 * STORE_SCHEMA_VERSION.  On success *out is a new store the caller closes
 * with store_close().  A missing file without STORE_CREATE, a file that is
 * not a perechen database, or one from a newer perechen fail with err set.
 */
int	store_open(struct store **out, const char *path, int flags,
	    struct error *err);
void	store_close(struct store *s);
/* True if the list can only be read (asked for, or all the file's
 * permissions allow: opening for writing falls back to reading). */
bool	store_is_readonly(const struct store *s);
/* The file name the store was opened with (owned by the store). */
const char *store_path(const struct store *s);

/* How long a write waits for another clerk's transaction (default 5 s). */
void	store_set_busy_timeout(struct store *s, int ms);

/*
 * A deferred read transaction, so that a command walking the list several
 * times (widths, then rows; numbers, then changes) reads one snapshot
 * while other clerks write.  Inside a transaction already open it does
 * nothing and *began is false.  store_read_end ends what store_read_begin
 * began.  0, or -1 with err.
 */
int	store_read_begin(struct store *s, bool *began, struct error *err);
void	store_read_end(struct store *s, bool began);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  rollback is safe to call always. */
int	store_begin(struct store *s, struct error *err);
int	store_commit(struct store *s, struct error *err);
void	store_rollback(struct store *s);
/* True once this process has committed a change to any list: a command
 * whose output is lost afterwards must say that its change stays. */
bool	store_saved_any(void);

/* Copy the catalogues into an empty database (kinds and need categories);
 * does nothing for catalogue rows already there.  Call inside a transaction. */
int	store_seed_catalog(struct store *s, const struct catalog *c,
	    struct error *err);
/* True if the database holds no catalogue yet (a new database). */
int	store_catalog_missing(struct store *s, bool *missing, struct error *err);
/* Read the catalogues of this database into c (initialised by caller). */
int	store_read_catalog(struct store *s, struct catalog *c,
	    struct error *err);

/* The list's header; h must be initialised, its fields are replaced. */
int	store_get_header(struct store *s, struct list_header *h,
	    struct error *err);
int	store_set_header(struct store *s, const struct list_header *h,
	    struct error *err);

/* Counts of processes, touchpoints and needs (any may be NULL). */
int	store_count(struct store *s, size_t *procs, size_t *tps, size_t *needs,
	    struct error *err);

/* Delete every process, touchpoint, contact and need (inside a transaction). */
int	store_clear_list(struct store *s, struct error *err);
/*
 * Append the processes of l after those already stored (inside a
 * transaction); kinds the catalogue lacks are added as custom kinds.  The
 * ids in l are filled in.  The header of l is not written.
 */
int	store_insert_list(struct store *s, struct list *l, struct error *err);
/*
 * The same a process at a time, for a list read as it streams in (the
 * import): begin (the role check), each process appended (its ids filled
 * in), end with the outcome so far (rc), which builds the search index
 * when rc is 0 and frees ins either way.  Inside a transaction.
 */
struct store_insert;
int	store_insert_begin(struct store *s, struct store_insert **ins,
	    struct error *err);
int	store_insert_process(struct store_insert *ins, struct process *p,
	    struct error *err);
int	store_insert_end(struct store_insert *ins, int rc, struct error *err);
/*
 * A file this connection has just made, holding no list yet, written
 * whole by its next transaction (the import): between store_bulk_begin
 * and store_bulk_end, outside that transaction, it is journalled with a
 * rollback journal, which pages added past the file's end do not enter,
 * instead of through the WAL, which takes every page twice (written,
 * then copied into the file).  A failure removes the file anyway.  For
 * any other list, or one another connection has open, nothing changes.
 * store_bulk_end puts WAL back (every read-write open would too).
 */
void	store_bulk_begin(struct store *s);
void	store_bulk_end(struct store *s);
/* Read the header and every process, touchpoint, contact and need, in order,
 * into l (initialised by caller, expected empty). */
int	store_load_list(struct store *s, struct list *l, struct error *err);

/*
 * Batch commands walk a list of any size through these, holding one
 * process at a time.  rev is the version: 0 the working copy, N the
 * frozen copy of approved revision N (ids as the records had them, so
 * versions compare record by record; versions 0).
 *
 * fn gets each process in list order with its touchpoints, contacts and
 * needs, and its place (0, 1, …); it may take over p's contents (leaving
 * *p zeroed), else they are freed after it.  A non-zero return stops the
 * walk: store_list_each_process then returns -1 (fn fills err).
 */
typedef int (*store_process_fn)(void *ctx, struct process *p, size_t index,
    struct error *err);
int	store_list_each_process(struct store *s, int64_t rev,
	    store_process_fn fn, void *ctx, struct error *err);
/* The ids of version rev's processes in list order into *ids (the
 * caller's to free), *n of them, *printed not excluded. */
int	store_list_processes(struct store *s, int64_t rev, int64_t **ids,
	    size_t *n, size_t *printed, struct error *err);
/* The same with each one's exclusion, (*excluded)[i] for (*ids)[i]
 * (both the caller's to free). */
int	store_list_processes_excluded(struct store *s, int64_t rev,
	    int64_t **ids, bool **excluded, size_t *n, struct error *err);
/* Process id of version rev, with its touchpoints, contacts and needs,
 * into p (the caller's to process_fini); *found false (p empty) if the
 * version has none such. */
int	store_list_process(struct store *s, int64_t rev, int64_t id,
	    struct process *p, bool *found, struct error *err);
/* Touchpoint id of version rev, with its contacts and needs, appended
 * to holder's touchpoints (holder: a process the caller owns, as for
 * process_add_touchpoint); *found false, nothing appended, if the
 * version has none such. */
int	store_list_touchpoint(struct store *s, int64_t rev, int64_t id,
	    struct process *holder, bool *found, struct error *err);
/* The header of version rev into h (initialised; fields replaced). */
int	store_list_header(struct store *s, int64_t rev, struct list_header *h,
	    struct error *err);
/* The whole version rev into l (initialised, empty): for small lists and
 * the tests; batch commands stream. */
int	store_list_load(struct store *s, int64_t rev, struct list *l,
	    struct error *err);

#endif
