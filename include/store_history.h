/*
 * store_history.h - the change log as read back, and approved revisions.
 *
 * Owns: querying the change log, approving a revision (which freezes a
 * copy of the list as it is, п. 5.1), recording its publication on the
 * website (п. 5.2, 5.4), and reading a revision's frozen list back for
 * printing and for diffs.
 */
#ifndef PERECHEN_STORE_HISTORY_H
#define PERECHEN_STORE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "approval.h"
#include "calendar.h"
#include "change.h"
#include "error.h"
#include "model.h"
#include "store.h"
#include "store_approval.h"
#include "store_tx.h"
#include "store_edit.h"

struct revision {
	int64_t	 id;		/* 1, 2, …: the revision's number */
	char	*order_no;	/* approving order */
	char	*order_date;	/* ISO date of the order */
	char	*approved_utc;	/* when it was recorded */
	char	*approved_by;
	int64_t	 last_change_id; /* the last change log entry it includes */
	char	*published_date; /* ISO date, "" until published */
	char	*published_url;
	char	*published_utc;
	char	*published_by;
	/* The actualisation cycle it closed (п. 5.4): the day the changes it
	 * approves began and their deadline, ISO; "" if none (the first
	 * approval) or not known (no calendar at approval: cycle_due). */
	char	*cycle_start;
	char	*cycle_due;
	/* Its order approved the list anew («Об утверждении перечня…»,
	 * the first revision's always): the grif of it and of the
	 * revisions after cites this order; else the order amended the
	 * list (schema 11; a list from before: the first approving). */
	bool	 approves;
};

struct revisions {
	struct revision *v;
	size_t	 n;
};

void	revisions_fini(struct revisions *r);
void	revision_fini(struct revision *r);

struct log_filter {
	int64_t	 after_id;	/* entries with a larger id only (0: all) */
	int64_t	 before_id;	/* entries with a smaller id only (0: all) */
	const char *since_utc;	/* at_utc >= this ("" or NULL: any) */
	const char *until_utc;	/* at_utc < this ("" or NULL: any) */
	int	 trigger;	/* enum trigger, or -1 for any */
	const char *login;	/* NULL: anyone */
	bool	 oldest_first;	/* default newest first */
	size_t	 limit;		/* 0: no limit */
};

/* Read change-log entries matching f into out (initialised). */
int	store_log_query(struct store *s, const struct log_filter *f,
	    struct changes *out, struct error *err);
/* The id of the newest change-log entry (0 if none). */
int	store_log_last_id(struct store *s, int64_t *id, struct error *err);

/*
 * Approve the list as it is now: a new revision with the order's number
 * and ISO date, a frozen copy of the list, the header's order fields set,
 * the actualisation cycle it closes (the day the working copy began to
 * differ from the revision before, under п. 5.3; its deadline is left
 * for the reader's calendar), and a log entry.  One transaction.
 * *rev_id gets the new revision, whose order amends the list (approves
 * it if it is the first).
 */
int	store_revision_approve(struct store *s, const char *order_no,
	    const char *order_date, const struct actor *who, int64_t *rev_id,
	    struct error *err);
/* The same, recording first (in the same transaction, so the revision
 * includes it) that the authorised person confirmed approving changes no
 * review accepted: note names them (NULL or "": nothing to record); and
 * the cycle's deadline by cal (NULL: left for the reader's calendar). */
int	store_revision_approve_unreviewed(struct store *s,
	    const char *order_no, const char *order_date, const char *note,
	    const struct calendar *cal, const struct actor *who,
	    int64_t *rev_id, struct error *err);
/* An approval as the clerk asks for it. */
struct store_approval_request {
	const char *order_no;	/* checked by approval_order_check */
	const char *order_date;	/* ISO */
	struct approval_consent consent;
	/* The editor: the note (store_approval_note) of the gate the clerk
	 * was shown and confirmed; NULL: the consent flags alone decide. */
	const char *seen_note;
	const struct calendar *cal;	/* NULL: the cycle's deadline is
					   left for the reader */
	/* The order approves the list anew, not amends it (the first
	 * revision's approves whatever this says). */
	bool	 approves;
};

/*
 * Approve the list as it is now, checking what is frozen in the same
 * BEGIN IMMEDIATE transaction: the role (п. 2.2), touchpoints to approve,
 * the header (R0) and R1 (refused whatever the consent), then errors of
 * the rules and touchpoints changed and not accepted against rq's consent
 * (approval_preconditions), and, for the editor, against the gate the
 * clerk confirmed.  A change that lands before the approval is checked;
 * one after it waits for the next.  Returns 0 with *rev (the confirmation
 * logged as store_revision_approve_unreviewed does), -1 with err, or the
 * enum approval_ask bits of what still needs consent, g then saying what
 * holds approval back (initialised by caller) and nothing written.
 */
int	store_revision_approve_checked(struct store *s,
	    const struct store_approval_request *rq, const struct actor *who,
	    struct store_approval_gate *g, int64_t *rev, struct error *err);

/*
 * Inside tx (an import's), record the list just written as approved by
 * the order it came with (import --approved): the same revision, frozen
 * copy and log entry as store_revision_approve, after checking that
 * tx's actor may approve (п. 2.2).  The order's document is the approval;
 * no gate of the rules applies to it, and the revision approves the list
 * anew (the file is the approving order).
 */
int	store_revision_approve_in(struct store_tx *tx, const char *order_no,
	    const char *order_date, int64_t *rev_id, struct error *err);
/* Record that revision rev_id (0: the latest) was published on date
 * (ISO) at url (may be ""). */
int	store_revision_publish(struct store *s, int64_t rev_id,
	    const char *date, const char *url, const struct actor *who,
	    struct error *err);
/* The same, checking in its transaction that the latest revision is
 * still seen_latest, the one the clerk chose to publish as the latest (0:
 * not checked): an approval landing meanwhile refuses it. */
int	store_revision_publish_seen(struct store *s, int64_t rev_id,
	    int64_t seen_latest, const char *date, const char *url,
	    const struct actor *who, struct error *err);
/* All revisions, oldest first, into out (zeroed by caller). */
int	store_revisions_list(struct store *s, struct revisions *out,
	    struct error *err);
/* The latest revision into r (zeroed by caller); *found false if none. */
int	store_revision_latest(struct store *s, struct revision *r, bool *found,
	    struct error *err);
/* The frozen list of revision rev_id into l (initialised, empty); ids are
 * those the records had, so lists can be compared record by record. */
int	store_revision_load_list(struct store *s, int64_t rev_id,
	    struct list *l, struct error *err);

#endif
