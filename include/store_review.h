/*
 * store_review.h - review sessions: an authorised person steps through the
 * touchpoints of a scope and accepts each one, returns it for rework with
 * a comment, or skips it (п. 2.2: authorised persons check each entry for
 * completeness and compliance and include it).
 *
 * Owns: the review_session and review_item tables (schema 5), the scopes
 * and verdicts, a touchpoint's standing verdict, and which changed
 * touchpoints approval still waits for.
 *
 * A session is a fixed list of items chosen when it starts, in list
 * order.  Its position is the item to show and is stored, so a session
 * interrupted (quit, dropped link) resumes where it stopped.  Each verdict
 * is stored in its item and written to the change log in the same
 * transaction (record "точка", field "проверка", trigger ред.); the
 * reminder does not count those entries, they are no change of the list.
 *
 * A verdict stands until the touchpoint changes: any logged change of it
 * after the verdict (moving it within its process aside), or a load of the
 * whole list from a file, ends it.  The standing verdict of a touchpoint
 * is its latest "accepted" or "returned" verdict if that still stands.
 * Rows returned for rework stay marked (store_review_returned) until then.
 *
 * "Changed since the last approved revision" compares the touchpoint with
 * its copy frozen in the latest revision, as change_diff_lists does; a
 * touchpoint not in it is new.  No list is held whole: the changed scope
 * walks the revision against the working copy a process pair at a time
 * (store_walk.h), the others read the working copy a process at a time,
 * so memory grows with a process and the touchpoints taken, not the list.
 * Labels number a touchpoint by its places (excluded processes and
 * touchpoints counted), as the editor and `perechen tp` do.  With no revision yet nothing is "changed since": the
 * first approval records the list as it stands.  The "changed" scope
 * leaves out touchpoints whose standing verdict is "accepted": their
 * change has been checked, so a second session after rework takes only
 * what is still to accept.
 *
 * Driving a session (the editor's review mode and "perechen review"):
 *   store_review_current()  the unfinished session of a login, to resume;
 *   store_review_start()    otherwise a new one for a scope;
 *   store_review_get()      progress: position, total, counts per verdict;
 *   store_review_items()    the items, their verdicts and comments;
 *   store_review_detail()   what to show for an item: the record now, its
 *                           findings, its changes since the last revision
 *                           (old → new) and its standing verdict;
 *   store_review_verdict()  accept / return with a comment / skip; the
 *                           position moves past the item;
 *   store_review_seek()     next, back, or jump to an item;
 *   store_review_finish()   close it; the summary is store_review_get()'s
 *                           counts and the returned items' comments.
 * Every change runs the permission check first (POLICY_REVIEW: an
 * authorised person, or anyone while the list is open).
 */
#ifndef PERECHEN_STORE_REVIEW_H
#define PERECHEN_STORE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "change.h"
#include "error.h"
#include "model.h"
#include "store.h"
#include "store_edit.h"
#include "validate.h"

enum review_scope {
	REVIEW_SCOPE_ALL = 0,		/* every touchpoint in the list */
	REVIEW_SCOPE_CHANGED = 1,	/* changed since the last revision
					   and not accepted since */
	REVIEW_SCOPE_UNIT = 2,		/* one unit's touchpoints */
	REVIEW_SCOPE_FINDINGS = 3	/* touchpoints with errors or warnings
					   not accepted */
};

enum verdict {
	VERDICT_PENDING = 0,	/* not looked at yet */
	VERDICT_ACCEPTED = 1,	/* checked and included */
	VERDICT_RETURNED = 2,	/* returned to its unit for rework */
	VERDICT_SKIPPED = 3	/* looked at, no decision */
};
#define VERDICT_COUNT 4

/* Stable codes stored and printed for scripts: "all", "changed", "unit",
 * "findings"; "pending", "accepted", "returned", "skipped". */
const char *review_scope_code(enum review_scope s);
const char *verdict_code(enum verdict v);
/* Russian: "все точки", "изменённые после утверждения", "точки
 * подразделения", "точки с замечаниями"; "не просмотрена", "принята",
 * "возвращена на доработку", "пропущена". */
const char *review_scope_title(enum review_scope s);
const char *verdict_title(enum verdict v);
/* A scope or verdict by its code (also Russian words: "все",
 * "изменённые", "подразделение", "замечания"; "принята", "возвращена",
 * "пропущена"); -1 if unknown. */
int	review_scope_parse(const char *s);
int	verdict_parse(const char *s);

struct review_session {
	int64_t	 id;
	enum review_scope scope;
	char	*unit;		/* REVIEW_SCOPE_UNIT's unit, else "" */
	int64_t	 revision;	/* the latest revision when it started (0) */
	char	*started_by;
	char	*started_utc;
	char	*finished_utc;	/* "" while it is open */
	size_t	 position;	/* the item to show, 0-based; total when
				   past the last */
	size_t	 total;
	size_t	 count[VERDICT_COUNT];	/* items per verdict */
};

struct review_sessions {
	struct review_session *v;
	size_t	 n;
};

void	review_session_fini(struct review_session *r);
void	review_sessions_fini(struct review_sessions *r);

struct review_item {
	int64_t	 tp_id;
	char	*label;		/* "2.3 Почта России" as numbered now, or as
				   when the session started if it is gone */
	bool	 gone;		/* the touchpoint is no longer in the list */
	enum verdict verdict;
	char	*comment;
	char	*login;		/* who gave the verdict ("" if pending) */
	char	*at_utc;
	bool	 stale;		/* the touchpoint changed after the verdict */
};

struct review_items {
	struct review_item *v;
	size_t	 n;
};

void	review_items_fini(struct review_items *r);

/* A touchpoint with its standing verdict (tables, approval). */
struct review_mark {
	int64_t	 tp_id;
	char	*label;		/* "2.3 Почта России" as numbered now */
	enum verdict verdict;	/* VERDICT_PENDING: no verdict stands */
	char	*comment;
	char	*login;
	char	*at_utc;
	int64_t	 session;	/* the session it was given in (0) */
};

struct review_marks {
	struct review_mark *v;
	size_t	 n;
};

void	review_mark_fini(struct review_mark *m);
void	review_marks_fini(struct review_marks *m);

/* What review shows for one touchpoint. */
struct review_detail {
	struct touchpoint tp;	/* as it is now */
	int64_t	 proc_id;
	char	*process;	/* its process's name */
	size_t	 pnum, tnum;	/* its numbers as printed now (1-based) */
	struct findings findings; /* its own, acknowledgements applied;
				   none for an excluded touchpoint */
	int64_t	 revision;	/* the latest revision (0: none) */
	bool	 in_revision;	/* the revision has it */
	struct changes changes;	/* since that revision, old → new */
	struct review_mark standing;
};

void	review_detail_init(struct review_detail *d);
void	review_detail_fini(struct review_detail *d);

/*
 * Start a session for scope (unit: REVIEW_SCOPE_UNIT's unit, else
 * ignored) by who: its items are the scope's touchpoints in list order.
 * One transaction.  Refuses when who has an unfinished session (resume or
 * finish it), and when the scope holds no touchpoint.  *id gets the
 * session.
 */
int	store_review_start(struct store *s, enum review_scope scope,
	    const char *unit, const struct catalog *cat,
	    const struct actor *who, int64_t *id, struct error *err);

/*
 * The touchpoints scope would take now, in list order, each with its
 * standing verdict, into out (zeroed by caller), without starting a
 * session; *rev gets the latest revision (0: none).  For previews ("19
 * точек") and reports.
 */
int	store_review_scope(struct store *s, enum review_scope scope,
	    const char *unit, const struct catalog *cat,
	    struct review_marks *out, int64_t *rev, struct error *err);

/* The newest unfinished session started by login: *found tells. */
int	store_review_current(struct store *s, const char *login, int64_t *id,
	    bool *found, struct error *err);
/* The newest session of all (finished or not): *found tells. */
int	store_review_latest(struct store *s, int64_t *id, bool *found,
	    struct error *err);

/* Session id with its progress into out (zeroed by caller). */
int	store_review_get(struct store *s, int64_t id,
	    struct review_session *out, struct error *err);
/* Every session, newest first, into out (zeroed by caller). */
int	store_review_sessions(struct store *s, struct review_sessions *out,
	    struct error *err);
/* The items of session id in order into out (zeroed by caller). */
int	store_review_items(struct store *s, int64_t id,
	    struct review_items *out, struct error *err);

/* The record, findings, changes since the last revision and standing
 * verdict of touchpoint tp_id into d (review_detail_init'ed, replaced). */
int	store_review_detail(struct store *s, int64_t tp_id,
	    const struct catalog *cat, struct review_detail *d,
	    struct error *err);

/*
 * Record that item index of session id is being shown to who, as it is
 * now (the newest change-log entry): call it before reading what to show
 * (store_review_detail), so that a change landing in between is one the
 * accept refuses rather than one it lets through.  One transaction.
 */
int	store_review_seen(struct store *s, int64_t id, size_t index,
	    const struct actor *who, struct error *err);

/*
 * The verdict on item index (0-based) of session id, by who; comment may
 * be NULL except for VERDICT_RETURNED, which needs one.  Stores it, logs
 * it and sets the position to index + 1: one transaction.  Refuses a
 * finished session and a touchpoint no longer in the list; accepting
 * also refuses an item never shown (store_review_seen) and one whose
 * touchpoint changed after it was shown, naming who changed what and
 * when («точку 2.1 изменил olga 03.12.2026 в 12:04: особенности «…»;
 * просмотрите её снова»): a verdict is about the version seen.
 */
int	store_review_verdict(struct store *s, int64_t id, size_t index,
	    enum verdict v, const char *comment, const struct actor *who,
	    struct error *err);

/* Move session id to position (0 … total; clamped). */
int	store_review_seek(struct store *s, int64_t id, size_t position,
	    const struct actor *who, struct error *err);

/* Close session id (its pending items stay pending). */
int	store_review_finish(struct store *s, int64_t id,
	    const struct actor *who, struct error *err);

/* The standing verdict of touchpoint tp_id into m (zeroed by caller). */
int	store_review_standing(struct store *s, int64_t tp_id,
	    struct review_mark *m, struct error *err);

/* Touchpoints returned for rework that have not changed since, in list
 * order, into out (zeroed by caller): the table marks them. */
int	store_review_returned(struct store *s, struct review_marks *out,
	    struct error *err);

/*
 * Touchpoints changed since the last approved revision whose standing
 * verdict is not "accepted", in list order, into out (zeroed by caller):
 * approval waits for them.  Empty when there is no revision yet.
 */
int	store_review_unaccepted(struct store *s, const struct catalog *cat,
	    struct review_marks *out, struct error *err);

/* A process of the working copy, the index-th in list order; non-zero
 * stops the walk (fill err). */
typedef int (*store_review_each_fn)(void *ctx, const struct process *p,
    size_t index, struct error *err);

/*
 * store_review_unaccepted, and on the same walk each process of the
 * working copy, in list order, given to each (the approval's gate reads
 * the list once, not twice).  *walked false when there is no revision:
 * nothing walked, each never called.
 */
int	store_review_unaccepted_walk(struct store *s,
	    const struct catalog *cat, struct review_marks *out,
	    store_review_each_fn each, void *ctx, bool *walked,
	    struct error *err);

#endif
