/*
 * store_edit.h - changing the list, one transaction per change, each with
 * its change-log entries.
 *
 * Owns: saving, excluding, restoring and moving touchpoints and processes,
 * saving the header, and writing the change log (п. 5.3) in the same
 * transaction as the change itself, so that a change and its entry are
 * both there or neither.  Optimistic concurrency: a touchpoint is saved
 * only if nobody saved it since it was loaded (its version).
 *
 * Every change goes through store_tx.h: the role check first, the log
 * in the same transaction.
 *
 * Records are addressed as printed: process № (its position) and the
 * touchpoint's number within its process.
 */
#ifndef PERECHEN_STORE_EDIT_H
#define PERECHEN_STORE_EDIT_H

#include <stdint.h>

#include "change.h"
#include "catalog.h"
#include "error.h"
#include "model.h"
#include "store.h"
#include "store_tx.h"

/* The id of process № pnum, or -1 with err naming what exists. */
int	store_process_find(struct store *s, int pnum, int64_t *proc_id,
	    struct error *err);
/* The id of touchpoint tnum of process № pnum (both 1-based). */
int	store_touchpoint_find(struct store *s, int pnum, int tnum,
	    int64_t *tp_id, struct error *err);

/* Load touchpoint id fully into tp (touchpoint_init'ed, is replaced);
 * *proc_id (may be NULL) gets its process. */
int	store_touchpoint_load(struct store *s, int64_t id,
	    struct touchpoint *tp, int64_t *proc_id, struct error *err);
/* Load process id with all its touchpoints into p (zeroed by caller). */
int	store_process_load(struct store *s, int64_t id, struct process *p,
	    struct error *err);

/*
 * Save tp into process proc_id: tp->id 0 adds it at the end of the
 * process (tp->id is set), else updates it if tp->version is still the
 * stored one (then tp->version is bumped); contacts and needs are
 * replaced.  The changes go to the log.  One transaction.
 */
int	store_touchpoint_save(struct store *s, int64_t proc_id,
	    struct touchpoint *tp, const struct catalog *cat,
	    const struct actor *who, struct error *err);
/*
 * The same for tp edited from base (the touchpoint as loaded, with the
 * version tp still carries): when another clerk saved it meanwhile, the
 * fields only they changed are taken over into tp and tp is saved (its
 * log names only this clerk's changes); a field both changed to different
 * values refuses with err naming each with both values, nothing saved,
 * and (conflicts not NULL, initialised) gets them as "field: theirs →
 * mine" (merge.h).  base NULL: refuse any change made meanwhile.
 */
int	store_touchpoint_save_merged(struct store *s, int64_t proc_id,
	    const struct touchpoint *base, struct touchpoint *tp,
	    const struct catalog *cat, const struct actor *who,
	    struct changes *conflicts, struct error *err);
/* Exclude (п. 5.3.4) with a reason, or restore; one transaction each. */
int	store_touchpoint_exclude(struct store *s, int64_t id,
	    const char *reason, const struct catalog *cat,
	    const struct actor *who, struct error *err);
int	store_touchpoint_restore(struct store *s, int64_t id,
	    const struct catalog *cat, const struct actor *who,
	    struct error *err);
/*
 * Withdraw the addition of touchpoint id: delete it with its contacts,
 * needs and acknowledgements, close the gap in its process's order and
 * log «добавление отозвано» (editorial: the approved list never held it).
 * One transaction; refused, with nothing done, if an approved revision
 * holds the touchpoint (it must be excluded, п. 5.3.4) or if its version
 * is no longer version (someone changed it since).
 */
int	store_touchpoint_withdraw(struct store *s, int64_t id, int64_t version,
	    const struct actor *who, struct error *err);
/* *held: an approved revision holds touchpoint id. */
int	store_touchpoint_in_revision(struct store *s, int64_t id, bool *held,
	    struct error *err);
/* Move a touchpoint up (-1) or down (+1) within its process. */
int	store_touchpoint_move(struct store *s, int64_t id, int delta,
	    const struct actor *who, struct error *err);

/* Add a process at the end (*proc_id set), rename it, move it. */
int	store_process_add(struct store *s, const char *name,
	    const struct actor *who, int64_t *proc_id, struct error *err);
int	store_process_rename(struct store *s, int64_t id, const char *name,
	    const struct actor *who, struct error *err);
int	store_process_move(struct store *s, int64_t id, int delta,
	    const struct actor *who, struct error *err);
/* Exclude a process from the list with a reason (п. 5.3.4; the reason is
 * required), or restore it; refused if it already is so.  Only those who
 * may edit processes.  One transaction each, logged. */
int	store_process_exclude(struct store *s, int64_t id, const char *reason,
	    const struct actor *who, struct error *err);
int	store_process_restore(struct store *s, int64_t id,
	    const struct actor *who, struct error *err);

/* Save the header, logging each changed field. */
int	store_header_save(struct store *s, const struct list_header *h,
	    const struct actor *who, struct error *err);
/*
 * Change the header as it stands: apply(h, arg) edits the stored header
 * read inside the change's transaction, so no other clerk's change made
 * since it was shown is overwritten; each changed field is logged.  h
 * (list_header_init'ed) gets the header as saved.
 */
int	store_header_edit(struct store *s,
	    void (*apply)(struct list_header *h, void *arg), void *arg,
	    const struct actor *who, struct list_header *h, struct error *err);

#endif
