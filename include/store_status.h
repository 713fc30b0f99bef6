/*
 * store_status.h - the facts of the reminder (п. 5.3-5.4) read from the
 * store.
 *
 * Owns: gathering struct reminder_facts - the latest revision, its order
 * and publication, the change-log entries after it counted per trigger and
 * the local day of the first one that requires actualisation - in one read
 * transaction, so the counts and the revision agree.
 */
#ifndef PERECHEN_STORE_STATUS_H
#define PERECHEN_STORE_STATUS_H

#include "error.h"
#include "reminder.h"
#include "store.h"

/*
 * Fill f (reminder_facts_init'ed; its fields are replaced).  The log
 * entries that record approvals and publications are not counted: they
 * are the answer to the reminder, not changes of the list.  Reads in a
 * transaction of its own: call it outside any other.  Returns 0, or -1
 * with err (also when a stored date cannot be read).
 */
int	store_status_facts(struct store *s, struct reminder_facts *f,
	    struct error *err);

#endif
