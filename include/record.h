/*
 * record.h - one touchpoint being edited, by a form or by the command line:
 * copying and comparing it, setting its kind, and the checks to run before
 * it is saved.
 *
 * Owns: nothing but functions.  What both the editor's forms and
 * "perechen tp" need, so that they cannot disagree on what a kind implies
 * or on which rules a save runs.
 */
#ifndef PERECHEN_RECORD_H
#define PERECHEN_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "model.h"
#include "validate.h"

/* Replace dst (initialised) by a deep copy of src, id and version too. */
void	record_copy_touchpoint(struct touchpoint *dst,
	    const struct touchpoint *src);

/*
 * True if a and b hold the same content: every field, the contacts and
 * the needs (wording and category) in order.  Ids, versions and need ids
 * are not compared.
 */
bool	record_same_touchpoint(const struct touchpoint *a,
	    const struct touchpoint *b);

/* The kind a clerk named: by code, or by its name with case folded and
 * spaces squeezed; NULL if the catalogue has none such. */
const struct kind *record_find_kind(const struct catalog *cat,
	    const char *text);

/*
 * Set tp's kind from what a clerk typed or picked: a catalogue kind (by
 * code or name) stores its code, anything else is a custom kind stored as
 * typed (the store adds it to the list's catalogue on saving).  A
 * catalogue kind prefills what it implies: the channel type (п. 3.1, 4)
 * unless keep_channel, and the key flag (п. 3.2) unless keep_key.
 * Returns the catalogue kind, or NULL for a custom or empty one.
 */
const struct kind *record_set_kind(struct touchpoint *tp,
	    const struct catalog *cat, const char *text, bool keep_channel,
	    bool keep_key);

/*
 * The rules a touchpoint must pass to be saved as p->tps[ti] (ti
 * FINDING_NONE: a new one added at the end of p): the field rules
 * (validate_touchpoint_fields) and R2 against the rest of p
 * (validate_touchpoint_in_process).  tp may be &p->tps[ti] or a copy
 * being edited.  Appends to out.
 */
void	record_check_touchpoint(const struct process *p, size_t pi,
	    const struct touchpoint *tp, size_t ti, const struct catalog *cat,
	    struct findings *out);

/*
 * The process rules (validate_process: R1 name, R5, R7, R8) on p as it
 * would be once tp is saved as p->tps[ti] (or added, ti FINDING_NONE).
 * Appends to out; nothing for an excluded tp, which no process rule
 * counts.
 */
void	record_check_process_after(const struct process *p, size_t pi,
	    const struct touchpoint *tp, size_t ti, const struct catalog *cat,
	    struct findings *out);

#endif
