/*
 * store_status.h - the facts of the reminder (п. 5.3-5.4) read from the
 * store.
 *
 * Owns: gathering struct reminder_facts in one read transaction, so the
 * counts and the revision agree: the latest revision, its order,
 * publication and the cycle it closed; what differs between the working
 * copy and it per trigger of п. 5.3 (compared in SQL, the working tables
 * joined to the frozen ones by id: as fast for 100 000 touchpoints as the
 * reminder in the editor's header needs); and the local day the
 * difference that persists began, told by the change log's old and new
 * values (a change undone ends its difference).
 */
#ifndef PERECHEN_STORE_STATUS_H
#define PERECHEN_STORE_STATUS_H

#include "error.h"
#include "reminder.h"
#include "store.h"

/*
 * Fill f (reminder_facts_init'ed; its fields are replaced).  Before the
 * first approval, the log entries so far are counted; the entries that
 * record approvals and publications never are: they are the answer to
 * the reminder, not changes of the list.  Reads in a transaction of its
 * own: call it outside any other.  Returns 0, or -1 with err (also when a
 * stored date cannot be read).
 */
int	store_status_facts(struct store *s, struct reminder_facts *f,
	    struct error *err);
/*
 * The same as things stood on day: the revision whose order is dated by
 * then, published only if by then, and the changes logged on or before
 * it.  When nothing was logged after day this is store_status_facts;
 * otherwise the difference is the one the log tells up to day.
 */
int	store_status_facts_on(struct store *s, struct date day,
	    struct reminder_facts *f, struct error *err);

#endif
