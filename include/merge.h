/*
 * merge.h - two clerks' edits of one touchpoint, made from the same
 * version, put together field by field (issue 11: never a silent
 * overwrite).
 *
 * Owns: which parts of a touchpoint are merged as one (the kind with its
 * channel, all contacts, all needs, the exclusion with its reason), and
 * the three-way merge itself: what only the other clerk changed is taken
 * over, what only this clerk changed is kept, and a part both changed to
 * different values is a conflict for the clerk to settle.
 */
#ifndef PERECHEN_MERGE_H
#define PERECHEN_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "change.h"
#include "model.h"

/*
 * Merge into mine what theirs changed from base and mine did not.  Parts
 * both changed differently stay as mine has them and are added to
 * conflicts (initialised by caller) as changes "field: theirs → mine"
 * (old_value theirs, new_value mine, in the change log's words, label
 * and ids taken from mine).  Returns the number of conflicting parts.
 */
size_t	touchpoint_merge(const struct touchpoint *base, struct touchpoint *mine,
	    const struct touchpoint *theirs, const struct catalog *cat,
	    struct changes *conflicts);

/* Take theirs's value of the part named by a conflict's field (as
 * touchpoint_merge words it) into mine: the clerk's "their value" in a
 * field-by-field merge.  False if the field names no part. */
bool	touchpoint_take_part(struct touchpoint *mine,
	    const struct touchpoint *theirs, const char *field);

/* Copy every field of src, with its id and version, into dst
 * (touchpoint_init'ed): the base to merge against later. */
void	touchpoint_copy_base(struct touchpoint *dst,
	    const struct touchpoint *src);

#endif
