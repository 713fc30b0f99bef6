/*
 * change.h - what changed in the list, and under which trigger of п. 5.3.
 *
 * Owns: the triggers of actualisation (п. 5.3.1-5.3.4, editorial, import),
 * struct change and the changes list, and working out the changes between
 * two versions of a touchpoint.  The store writes changes in the same
 * transaction as the edit they describe; the reminder counts them.
 */
#ifndef PERECHEN_CHANGE_H
#define PERECHEN_CHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "model.h"

enum trigger {
	TRIGGER_EDIT = 0,	/* редакционное: needs no actualisation */
	TRIGGER_NEW = 1,	/* п. 5.3.1: a touchpoint appeared */
	TRIGGER_KIND = 2,	/* п. 5.3.2: its kind or channel type changed */
	TRIGGER_NEEDS = 3,	/* п. 5.3.3: the needs it meets changed */
	TRIGGER_EXCLUDED = 4,	/* п. 5.3.4: it was excluded */
	TRIGGER_IMPORT = 5	/* the list was loaded from a file */
};
#define TRIGGER_COUNT 6

/* "5.3.1" … "5.3.4", "ред.", "импорт". */
const char *trigger_code(enum trigger t);
/* A Russian phrase: "появление новой точки взаимодействия (п. 5.3.1)". */
const char *trigger_title(enum trigger t);
/* Parse "5.3.1", "3.1"-style or "ред"/"импорт"; -1 if unknown. */
int	trigger_parse(const char *s);
/* True for the triggers after which the list must be actualised (п. 5.3). */
int	trigger_requires_actualisation(enum trigger t);

struct change {
	int64_t	 id;		/* 0 until stored */
	char	*at_utc;	/* "YYYY-MM-DDTHH:MM:SSZ" */
	char	*login;
	char	*record;	/* "точка", "процесс", "перечень" */
	int64_t	 record_id;
	int64_t	 process_id;	/* 0 if none */
	char	*label;		/* the record as named at the time: "2.3 Почта России" */
	char	*field;		/* Russian field name */
	char	*old_value;
	char	*new_value;
	enum trigger trigger;
};

struct changes {
	struct change *v;
	size_t	 n;
	size_t	 cap;
};

void	changes_init(struct changes *c);
void	changes_fini(struct changes *c);
/* Append a change (strings copied; NULL as ""); returns it, owned by c. */
struct change *changes_add(struct changes *c, const char *record,
	    int64_t record_id, int64_t process_id, const char *label,
	    const char *field, const char *old_value, const char *new_value,
	    enum trigger trigger);

/*
 * The changes that turn old into new (old NULL: new was added), appended
 * to out with record "точка", record_id new->id and the given label.
 * Kinds are named from cat (may be NULL).
 */
void	change_diff_touchpoint(const struct touchpoint *old,
	    const struct touchpoint *new, const struct catalog *cat,
	    int64_t process_id, const char *label, struct changes *out);

/*
 * The exclusion changes of process o into n (record "процесс"): out of
 * the list is п. 5.3.4, back in п. 5.3.1, a new reason an edit.  Names and
 * touchpoints are not compared here.
 */
void	change_diff_process(const struct process *o, const struct process *n,
	    const char *label, struct changes *out);

/*
 * The changes that turn list old into list new, matching records by id
 * (a revision's frozen list keeps the ids): grouped by process in the
 * order of new, labelled as new numbers them ("2.3 Почта России").
 */
void	change_diff_lists(const struct list *old, const struct list *new,
	    const struct catalog *cat, struct changes *out);

/*
 * change_diff_lists a process at a time, for lists too large to hold:
 * what a step does not hold it asks lk for — the old version's
 * touchpoint of an id (moved from another process; NULL: none; valid
 * until the next ask), whether the new version has one anywhere.
 * change_diff_step: new process np, the npi-th of its list, against op
 * (NULL: a new process), the opi-th of the old list.  change_diff_gone:
 * old process op, the opi-th, that the new list lacks.  Called for the
 * new list's processes in order, then the old ones gone in theirs, they
 * give the changes in change_diff_lists's order.
 */
struct change_lookup {
	const struct touchpoint *(*old_tp)(void *ctx, int64_t id);
	bool	(*new_has)(void *ctx, int64_t id);
	void	*ctx;
};
void	change_diff_step(const struct process *op, size_t opi,
	    const struct process *np, size_t npi, const struct catalog *cat,
	    const struct change_lookup *lk, struct changes *out);
void	change_diff_gone(const struct process *op, size_t opi,
	    const struct change_lookup *lk, struct changes *out);

/*
 * Whether lists a and b hold the same content: the header (body, title,
 * area), the processes and touchpoints in the same order with every field
 * a revision freezes (contacts with their types, needs with their
 * categories).  The approving order's number and date are not content.
 */
bool	change_lists_equal(const struct list *a, const struct list *b);

/* The needs of tp as one text, a need per line with its clause:
 * "получение консультации (п. 2.6.2)".  Caller frees. */
char	*change_needs_text(const struct touchpoint *tp);
/* Contacts of tp, one per line.  Caller frees. */
char	*change_contacts_text(const struct touchpoint *tp);
/* The kind's name from cat, else its code, else "не указан". */
const char *change_kind_name(const struct catalog *cat, const char *code);

#endif
