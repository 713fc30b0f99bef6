/*
 * store_walk.h - two versions of the list compared a process at a time.
 *
 * Owns: walking an approved revision (old) and a later version (new: the
 * working copy or another revision) process pair by process pair, each
 * process read with its self of the other version by id, with their
 * places, their printed numbers and the changes between them
 * (change_diff_step, change_diff_gone: the pairs in the new order give
 * change_diff_lists's changes in its order); a touchpoint the pair does
 * not hold (moved between processes) read or looked up by an indexed
 * query; and the amending order's sub-items (amend.h) made on that walk.
 * Only the ids of the processes are held whole, never a list: `perechen
 * diff`, `perechen order`, review's changed scope and the approval's
 * gate (store_review.h) take bounded memory at any size.
 */
#ifndef PERECHEN_STORE_WALK_H
#define PERECHEN_STORE_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amend.h"
#include "catalog.h"
#include "change.h"
#include "error.h"
#include "model.h"
#include "store.h"

/* One step of the walk: a process and its self in the other version. */
struct store_walk_pair {
	const struct process *op;	/* the old version's; NULL: none */
	const struct process *np;	/* the new version's; NULL: none */
	size_t	 opi, npi;	/* places among the version's processes */
	size_t	 op_num, np_num;	/* printed numbers, 1-based; 0: the
				   version does not print it */
	const struct changes *ch;	/* what changed from op to np */
	bool	 again;		/* np given a second time (STORE_WALK_OLD):
				   no changes, op NULL */
};

enum store_walk_order {
	/* The new version's processes in order, then the old ones it
	 * lacks in theirs: change_diff_lists's order (diff --summary). */
	STORE_WALK_NEW,
	/* The old version's processes in order, then, in the new one's,
	 * the processes the old one lacks, and again those it has but does
	 * not print while the new one does: the amending order's order. */
	STORE_WALK_OLD
};

struct store_walk;

/* Called for each pair; what p points to lives until it returns.  A
 * non-zero return stops the walk (fn fills err). */
typedef int (*store_walk_fn)(void *ctx, struct store_walk *w,
    const struct store_walk_pair *p, struct error *err);

/*
 * Walk revision old_rev against version new_rev (0: the working copy) in
 * order, calling fn with each pair; kinds are named from cat.  Run it
 * inside store_read_begin/end: one snapshot.  Returns 0, or -1 with err.
 */
int	store_walk(struct store *s, int64_t old_rev, int64_t new_rev,
	    const struct catalog *cat, enum store_walk_order order,
	    store_walk_fn fn, void *ctx, struct error *err);

/*
 * Inside fn: touchpoint id of the new version (new_side) or the old one,
 * from the pair or read by id, into *tp (NULL: the version has none);
 * valid until the next ask of that side or fn's return.  0, or -1 with
 * err.
 */
int	store_walk_touchpoint(struct store_walk *w, bool new_side, int64_t id,
	    const struct touchpoint **tp, struct error *err);

/*
 * The sub-items that amend revision old_rev into version new_rev (0: the
 * working copy), worded in st's style, into a (amend_fini), on the walk
 * in STORE_WALK_OLD's order; *nchanges gets the number of changes
 * change_diff_lists would give.  Inside a read snapshot.  0, or -1 with
 * err.
 */
int	store_walk_amend(struct store *s, int64_t old_rev, int64_t new_rev,
	    const struct catalog *cat, const struct amend_style *st,
	    struct amend *a, size_t *nchanges, struct error *err);

#endif
