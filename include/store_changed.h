/*
 * store_changed.h - which rows of the editor's page differ from the
 * latest approved revision, exactly as change_diff_lists (and so "perechen
 * diff" and the reminder) tells the net difference: a touchpoint or
 * process the revision does not hold, any field, contact or need of one
 * it holds, its exclusion.  A change undone is no difference.
 *
 * One indexed query per row asked about (the working row by id, the
 * frozen one by (revision, id), children by their touchpoint): never a
 * scan of a table that grows with the list.
 */
#ifndef PERECHEN_STORE_CHANGED_H
#define PERECHEN_STORE_CHANGED_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "store.h"

/* The latest approved revision's id into *rev; 0 if none was approved
 * (then nothing counts as changed). */
int	store_changed_revision(struct store *s, int64_t *rev,
	    struct error *err);
/* Whether touchpoint tp_id (in the working copy) differs from revision
 * rev; false when rev is 0 or there is no such touchpoint. */
int	store_changed_touchpoint(struct store *s, int64_t rev, int64_t tp_id,
	    bool *changed, struct error *err);
/* Whether process proc_id is new since revision rev, renamed, excluded
 * or brought back, or excluded on both sides for another reason (its
 * touchpoints are asked about one by one). */
int	store_changed_process(struct store *s, int64_t rev, int64_t proc_id,
	    bool *changed, struct error *err);

#endif
