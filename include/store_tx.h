/*
 * store_tx.h - the one way a change reaches the list: a BEGIN IMMEDIATE
 * transaction opened with the role check of the one who acts (п. 2.2),
 * the change-log entries written between the points where the tests of
 * atomicity may kill the program, and the commit or the rollback.
 *
 * Owns: who acts (struct actor), the permission check every change runs
 * (store_users_permit, reading the users table), writing the change log
 * (п. 5.3), and the fault hook of those tests.  It depends on no other
 * store module but store_chain (every entry is sealed into the log's
 * hash chain where it is written), so that edits, reviews, approvals and
 * the users themselves all write through it without depending on one
 * another.
 *
 * A change whose role depends on the record's unit (POLICY_TOUCHPOINT_*)
 * begins with the role check pending and must call store_tx_permit() once
 * it knows the unit; store_tx_log() and store_tx_end() refuse a
 * transaction whose role check has not passed, so forgetting it loses the
 * change instead of letting it through.
 */
#ifndef PERECHEN_STORE_TX_H
#define PERECHEN_STORE_TX_H

#include <stdbool.h>

#include "change.h"
#include "error.h"
#include "policy.h"
#include "store.h"

/* Who makes a change and when; written into the change log. */
struct actor {
	const char *login;	/* the Unix account of the real uid */
	const char *now_utc;	/* "YYYY-MM-DDTHH:MM:SSZ" */
};

/* One change in progress; on the caller's stack, valid until
 * store_tx_end(). */
struct store_tx {
	struct store *s;
	const struct actor *who;
	enum policy_action action;
	bool	 permitted;	/* the role check passed */
};

/*
 * BEGIN IMMEDIATE for who taking action, and the role check when the
 * action does not depend on a record's unit.  0, or -1 with err and no
 * transaction open (a read-only list, the base busy, the role refused).
 */
int	store_tx_begin(struct store_tx *tx, struct store *s,
	    const struct actor *who, enum policy_action action,
	    struct error *err);
/* The role check against the record's unit (new_unit: the unit it will
 * have, NULL if unchanged).  0, or -1 with err saying who may. */
int	store_tx_permit(struct store_tx *tx, const char *unit,
	    const char *new_unit, struct error *err);
/* Log the changes of data written in tx, between the kill points
 * "after-change" and "after-log"; each entry's id is filled in. */
int	store_tx_log(struct store_tx *tx, struct changes *ch,
	    struct error *err);
/* Commit when rc is 0 and the role check passed, else roll back; 0, or
 * -1 with err (kept from the failed step when rc is not 0). */
int	store_tx_end(struct store_tx *tx, int rc, struct error *err);

/*
 * For tests of atomicity only: hook(where, arg) is called inside each
 * logged change's transaction, with where "after-change" (the data
 * written, the log not yet) and "after-log" (both written, not committed).
 */
void	store_set_fault_hook(struct store *s,
	    void (*hook)(const char *where, void *arg), void *arg);

/* Write changes to the log, stamped with who, inside the caller's
 * transaction (no kill points: store_tx_log is for edits). */
int	store_log_changes(struct store *s, struct changes *c,
	    const struct actor *who, struct error *err);

/*
 * The account this connection acts for: changes that are given no actor
 * (store_ack_remove, the header, an import) are checked against its role.
 * app_open_store sets it to the real uid's login.  Copied; at most 63
 * bytes are kept.
 */
void	store_set_login(struct store *s, const char *login);
/* The login set by store_set_login ("" if none); owned by the store. */
const char *store_login(const struct store *s);

/* What the policy needs to know of login: its role and units, or that
 * the list is open.  out is policy_user_init'ed; its fields are replaced. */
int	store_users_lookup(struct store *s, const char *login,
	    struct policy_user *out, struct error *err);

/*
 * May login take action on a record of unit (new_unit: the unit it will
 * have, NULL if unchanged)?  0, or -1 with err saying who may (see
 * policy_check).  Call it inside the change's transaction, before writing;
 * store_tx_begin and store_tx_permit do.
 */
int	store_users_permit(struct store *s, const char *login,
	    enum policy_action action, const char *unit, const char *new_unit,
	    struct error *err);

#endif
