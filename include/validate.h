/*
 * validate.h - the rules of the Порядок (R1-R11 of domain.md) and their
 * findings; acknowledgements of warnings.
 *
 * Owns: the rule table (id, clause, level), struct finding and the
 * findings list, struct ack and the acks list, and the checks.  Validation
 * is not an error path: a check never fails, it appends findings.  Every
 * message is Russian and cites its clause ("п. 2.8: точка «Почта России»
 * уже есть в процессе «Консультирование»"); data quoted in a message is
 * raw: sanitise it before it reaches a terminal.
 *
 * Which check a caller runs when:
 *   - a form, as the clerk types or leaves a field of a touchpoint:
 *     validate_touchpoint_fields() (R1 name/channel/needs, R3, R4, R6, R9,
 *     R10, R11);
 *   - a form, before saving a touchpoint: the field rules and
 *     validate_touchpoint_in_process() (R2 against the other touchpoints of
 *     its process), then validate_process() on the process as it would be
 *     after the save (R1 name and touchpoints, R5, R7, R8);
 *   - a form, before saving a process: validate_process();
 *   - the findings screen and "perechen check": validate_header() (R0),
 *     validate_list(), then findings_apply_acks().
 * findings_blocking() tells whether the findings forbid saving (any
 * error).  Excluded touchpoints are out of the published list: they count
 * for no rule of their process (R2, R5, R7, R8) and validate_list() does not
 * check their fields.
 */
#ifndef PERECHEN_VALIDATE_H
#define PERECHEN_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "error.h"
#include "model.h"

enum rule_id {
	RULE_NONE = 0,
	RULE_R1,	/* 2.1: process, name, channel type, needs */
	RULE_R2,	/* 2.8: no touchpoint twice in a process */
	RULE_R3,	/* 3.1, 4: the kind fixes the channel type */
	RULE_R4,	/* 2.6: needs are classified */
	RULE_R5,	/* 2.3, 3.2: a key touchpoint per process */
	RULE_R6,	/* 2.4-2.5: the basis is recorded */
	RULE_R7,	/* 2.9.2: a digital touchpoint per process */
	RULE_R8,	/* 2.9.3: an offline alternative per process */
	RULE_R9,	/* 3.2.3: at most two phone transfers */
	RULE_R10,	/* 3.2.4: written channels acknowledge receipt */
	RULE_R11,	/* well-formed contacts */
	RULE_R0		/* 5.1, Прил. 1: the header is filled */
};
#define RULE_COUNT 13	/* RULE_R0 + 1: arrays indexed by enum rule_id */

enum level {
	LEVEL_ERROR = 0,	/* blocks saving */
	LEVEL_WARNING = 1,	/* may be saved and acknowledged */
	LEVEL_HINT = 2		/* an incomplete record; never nags */
};

/* The field a finding is about, for a form to show it beside. */
enum field {
	FIELD_NONE = 0,
	FIELD_NAME,		/* the touchpoint's or the process's name */
	FIELD_KIND,
	FIELD_CHANNEL,
	FIELD_CONTACTS,		/* item = contact index */
	FIELD_NEEDS,		/* item = need index, or FINDING_NONE */
	FIELD_KEY,
	FIELD_BASIS,
	FIELD_TRANSFERS,
	FIELD_ACK_RECEIPT,
	FIELD_ORG,		/* the list's header (R0) */
	FIELD_ORG_GENITIVE,
	FIELD_TITLE
};

struct rule {
	enum rule_id id;
	const char *code;	/* "R1" … "R11" */
	const char *clause;	/* "2.8", "3.1, 4"; "" for R11 (no clause) */
	enum level level;
	const char *title;	/* one Russian line for help screens */
};

/* The rule with id, or NULL for RULE_NONE and values out of range. */
const struct rule *rule_get(enum rule_id id);
/* The rule named "R8" (or "r8"), or RULE_NONE. */
enum rule_id rule_from_code(const char *code);
/* Russian level word: "ошибка", "предупреждение", "подсказка". */
const char *level_label(enum level l);
/* Stable English names for machine output: "error", "warning", "hint";
 * "name", "kind", "channel", "contacts", "needs", "key", "basis",
 * "transfers", "ack_receipt", "org", "org_genitive", "title", "" for
 * FIELD_NONE. */
const char *level_name(enum level l);
const char *field_name(enum field f);

#define FINDING_NONE SIZE_MAX	/* no touchpoint / no item */

struct finding {
	enum rule_id rule;
	enum level level;	/* the rule's level */
	size_t	 proc;		/* process index in the list */
	int64_t	 proc_id;	/* its id (0 when not stored) */
	size_t	 tp;		/* touchpoint index in the process, or
				   FINDING_NONE for process findings */
	int64_t	 tp_id;		/* 0 when none or not stored */
	enum field field;
	size_t	 item;		/* contact or need index, or FINDING_NONE */
	char	*message;	/* owned; cites the clause */
	bool	 acknowledged;	/* a stored acknowledgement matches */
	char	*justification;	/* owned; "" unless acknowledged */
};

struct findings {
	struct finding *v;
	size_t	 n;
	size_t	 cap;
	bool	 errors_only;	/* set by a caller that weighs errors only
				   (the approval's gate): findings_add
				   drops warnings and hints unformatted */
};

void	findings_init(struct findings *f);
void	findings_fini(struct findings *f);
/* Drop every finding, keeping the array for reuse. */
void	findings_reset(struct findings *f);
/*
 * Append a finding of rule at the given place; level comes from the rule,
 * the message from fmt.  Returns the new finding (owned by f; valid until
 * f grows again), or NULL for one errors_only drops.
 */
struct finding *findings_add(struct findings *f, enum rule_id rule,
	    size_t proc, int64_t proc_id, size_t tp, int64_t tp_id,
	    enum field field, size_t item, const char *fmt, ...)
	    PRINTF_LIKE(9, 10);
/* How many findings of level; with unacked_only, acknowledged ones are
 * not counted. */
size_t	findings_count(const struct findings *f, enum level l,
	    bool unacked_only);
/* True if any finding is an error: the record may not be saved. */
bool	findings_blocking(const struct findings *f);

/*
 * Every rule over the whole list: each process (R1, R5, R7, R8), each
 * touchpoint that is not excluded (field rules, and R2 against the
 * touchpoints before it in its process).  Findings come in list order,
 * process findings before the findings of its touchpoints.
 */
void	validate_list(const struct list *l, const struct catalog *cat,
	    struct findings *out);
/* What validate_list() finds in the process p, the pi-th of its list
 * (nothing for an excluded one): for commands that walk a list a process
 * at a time (store_list_each_process). */
void	validate_list_process(const struct process *p, size_t pi,
	    const struct catalog *cat, struct findings *out);

/*
 * R0 over the list's header (п. 5.1, Приложение 1): an error for each of
 * the body, its genitive and the title that is blank (the genitive's
 * message suggests the declension of the body), a warning when the
 * genitive equals the nominative (the grif would read «приказом
 * Министерство …»).  Findings are about the list as a whole: proc and tp
 * are FINDING_NONE, proc_id and tp_id 0, field FIELD_ORG,
 * FIELD_ORG_GENITIVE or FIELD_TITLE; they cannot be acknowledged.
 * validate_list() does not run it: the callers that judge the list as a
 * document (check, the findings screen, approval) do, before it.
 */
void	validate_header(const struct list_header *h, struct findings *out);

/*
 * Field rules of one touchpoint as typed: R1 (name, channel type, at least
 * one need, every need worded: an empty wording prints an empty line), R3, R4, R6, R9, R10, R11.  p is the process it belongs to (or
 * will belong to; NULL if not known yet: findings carry proc_id 0), pi its
 * index, ti the touchpoint's index in p (FINDING_NONE for a new one).
 */
void	validate_touchpoint_fields(const struct process *p, size_t pi,
	    const struct touchpoint *tp, size_t ti, const struct catalog *cat,
	    struct findings *out);

/*
 * Record rule before saving: R2, tp against every other touchpoint of p
 * that is not excluded (p->tps[ti] itself is skipped; pass FINDING_NONE for
 * a touchpoint not in p yet).  An excluded tp duplicates nothing.
 */
void	validate_touchpoint_in_process(const struct process *p, size_t pi,
	    const struct touchpoint *tp, size_t ti, struct findings *out);

/*
 * Process rules: R1 (a name, and at least one touchpoint not excluded: an
 * empty process would print an empty row), R5 (a key touchpoint: tp->key
 * or a kind key by default), R7 (a digital touchpoint), R8 (an offline
 * touchpoint).  A process without touchpoints gets its R1 error only, with
 * FIELD_NONE: R5, R7 and R8 would only restate it.  The
 * channel of a touchpoint without one is its kind's.  cat may be NULL (no
 * kinds known: only tp->key and tp->channel count).  An excluded process
 * (п. 5.3.4) has no findings; validate_list() skips it whole.
 */
void	validate_process(const struct process *p, size_t pi,
	    const struct catalog *cat, struct findings *out);

/* True if findings of this rule may be acknowledged (warnings only). */
bool	rule_ackable(enum rule_id id);

/*
 * An acknowledgement: a warning accepted with a justification.  It names
 * the record the finding is about: the process, and the touchpoint for
 * touchpoint rules (R4) or 0 for process rules (R5, R7, R8).  One
 * acknowledgement of R4 covers every unclassified need of its touchpoint.
 */
struct ack {
	int64_t	 id;
	enum rule_id rule;
	int64_t	 proc_id;
	int64_t	 tp_id;		/* 0 for a process rule */
	char	*justification;	/* owned, never NULL */
	char	*login;		/* owned: who accepted it */
	char	*created_utc;	/* owned: "YYYY-MM-DDTHH:MM:SSZ" */
};

struct acks {
	struct ack *v;
	size_t	 n;
	size_t	 cap;
};

void	acks_init(struct acks *a);
void	acks_fini(struct acks *a);
/* Append a copy (strings copied; NULL as ""); returns it (owned by a). */
struct ack *acks_add(struct acks *a, int64_t id, enum rule_id rule,
	    int64_t proc_id, int64_t tp_id, const char *justification,
	    const char *login, const char *created_utc);
/* The acknowledgement of rule for the record, or NULL. */
const struct ack *acks_find(const struct acks *a, enum rule_id rule,
	    int64_t proc_id, int64_t tp_id);

/*
 * Mark the warnings that an acknowledgement covers (same rule, process id
 * and touchpoint id; records not stored, id 0, never match): acknowledged
 * is set and the justification copied.  Errors and hints are never marked.
 */
void	findings_apply_acks(struct findings *f, const struct acks *a);

/*
 * Whether rule may be acknowledged for this record: 0, or -1 with a
 * Russian reason (an error or a hint; a process rule given a touchpoint;
 * a touchpoint rule without one).
 */
int	ack_check_target(enum rule_id rule, bool has_touchpoint,
	    struct error *err);

#endif
