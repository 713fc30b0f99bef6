/*
 * store_ack.h - acknowledged warnings in the list's database.
 *
 * Owns: the ack table (schema version 2).  A warning (rules R4, R5, R7, R8)
 * may be saved and accepted with a justification; the acknowledgement names
 * the rule and the record (a process, and a touchpoint for R4) and goes
 * when the record is deleted.  The types are core's (validate.h), so that
 * validation can match findings against acknowledgements without the store.
 *
 * The changes run inside the caller's transaction (store_begin … commit),
 * so that a form can save a record and its acknowledgement as one change;
 * they refuse to run outside one.
 */
#ifndef PERECHEN_STORE_ACK_H
#define PERECHEN_STORE_ACK_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "store.h"
#include "validate.h"

/*
 * Record a->rule for the record (a->proc_id, a->tp_id or 0) with
 * a->justification, a->login and a->created_utc ("" means now, UTC);
 * replaces an acknowledgement of the same rule and record.  Refuses rules
 * that are not warnings, a touchpoint given to a process rule or missing
 * for a touchpoint rule, a blank justification, a process or touchpoint
 * that does not exist (or a touchpoint of another process).  On success
 * a->id is the new row's id.
 */
int	store_ack_add(struct store *s, struct ack *a, struct error *err);

/*
 * Remove the acknowledgement of rule for the record (tp_id 0 for a process
 * rule).  *removed (may be NULL) tells whether there was one.
 */
int	store_ack_remove(struct store *s, enum rule_id rule, int64_t proc_id,
	    int64_t tp_id, bool *removed, struct error *err);

/* Append every acknowledgement to out (initialised by caller), in list
 * order: by process, then touchpoint, then rule. */
int	store_ack_list(struct store *s, struct acks *out, struct error *err);

#endif
