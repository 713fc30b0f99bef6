/*
 * store_chain.h - the log nobody can rewrite unseen (schema 10): each
 * change-log entry carries SHA-256 over the previous entry's hash and its
 * own content, each approved revision the hash of its frozen list.  A row
 * changed outside the program (sqlite3, a hex editor) no longer matches.
 *
 * Owns: the canonical form an entry and a revision are hashed in, sealing
 * them as they are written (store_tx.c, store_history.c, store_approval.c
 * call it inside their transactions), the first hashing of an older list
 * (the migration to schema 10), and checking: everything (verify) or
 * from the last checkpoint on (the editor's start).
 */
#ifndef PERECHEN_STORE_CHAIN_H
#define PERECHEN_STORE_CHAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "store.h"

/* The first entry or revision whose hash no longer matches. */
struct chain_break {
	bool	 found;
	int64_t	 log_id;	/* 0: the log is intact */
	char	 log_at[32];	/* the entry's at_utc */
	int64_t	 revision_id;	/* 0: every revision is intact */
	int64_t	 entries;	/* entries checked */
	int64_t	 revisions;	/* revisions checked */
};

/*
 * Check the chain.  full: every entry and revision; else only those after
 * the checkpoint (whose own hash must still be the one remembered), and
 * when all hold and the list is writable the checkpoint moves to the end
 * (a failure to move it is no error: the next start checks more).  A break
 * is no error: 0 with out->found.  -1 with err when the list cannot be
 * read.
 */
int	store_chain_verify(struct store *s, bool full, struct chain_break *out,
	    struct error *err);

/* Seal log entries from id on (written by this transaction) with the
 * chain's hashes.  Inside the caller's transaction. */
int	store_chain_seal_log(struct store *s, int64_t from_id,
	    struct error *err);
/* Seal revision rev with the hash of its frozen list (after freezing it or
 * completing its header).  Inside the caller's transaction. */
int	store_chain_seal_revision(struct store *s, int64_t rev,
	    struct error *err);
/* Whether revision rev still has the hash of its frozen list (*intact);
 * a change that reseals it checks this first, so as not to seal over a
 * change made outside the program. */
int	store_chain_revision_intact(struct store *s, int64_t rev, bool *intact,
	    struct error *err);
/* The migration to schema 10: hash the whole log and every revision, in
 * the migration's transaction (a revision's kind, schema 11, is not
 * there yet: each has the kind a hash leaves out, store_chain.c). */
int	store_chain_seal_all(struct store *s, struct error *err);

#endif
