/*
 * policy.h - who may do what to the list (п. 2.2).
 *
 * Owns: the roles (уполномоченное лицо, редактор подразделения,
 * наблюдатель), the actions that change the list, and the decision whether
 * a user may take an action on a record of a unit, with a Russian message
 * that says who may when the answer is no.  Pure: the store reads a user's
 * role and units from its tables and asks here; the editor can ask the
 * same question before it opens a form.
 *
 * A list that records no users at all (a database made before roles
 * existed) is open: everyone may do everything until the first user is
 * added.  A login that is not recorded in a list that has users may only
 * read it.
 */
#ifndef PERECHEN_POLICY_H
#define PERECHEN_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "strvec.h"

enum role {
	ROLE_NONE = 0,		/* not recorded in the list's users */
	ROLE_AUTHORISED = 1,	/* уполномоченное лицо: checks, includes,
				   approves, manages roles (п. 2.2) */
	ROLE_EDITOR = 2,	/* редактор подразделения: the touchpoints of
				   the units assigned (п. 2.2) */
	ROLE_VIEWER = 3		/* наблюдатель: reads only */
};

enum policy_action {
	POLICY_TOUCHPOINT_EDIT,	/* change, exclude, restore or move a
				   touchpoint of a unit */
	POLICY_TOUCHPOINT_ADD,	/* add a touchpoint of a unit */
	POLICY_PROCESS_EDIT,	/* add, rename, move, exclude or restore a
				   process */
	POLICY_HEADER_EDIT,	/* the list's header */
	POLICY_REVIEW,		/* review sessions and their verdicts */
	POLICY_APPROVE,		/* approve or publish a revision */
	POLICY_ACK,		/* accept a warning with a justification */
	POLICY_USERS,		/* add, change or remove users */
	POLICY_IMPORT,		/* load the list from a file */
	POLICY_SETTINGS		/* settings of the printed document */
};

/* What the policy knows of the one who acts. */
struct policy_user {
	char	*login;		/* owned */
	enum role role;
	struct strvec units;	/* an editor's units, as recorded */
	bool	 open;		/* the list records no users: all allowed */
};

void	policy_user_init(struct policy_user *u);
void	policy_user_fini(struct policy_user *u);

/* Stable codes stored in the database: "authorised", "editor", "viewer";
 * "" for ROLE_NONE. */
const char *role_code(enum role r);
/* Russian: "уполномоченное лицо", "редактор подразделения",
 * "наблюдатель"; "нет роли" for ROLE_NONE. */
const char *role_title(enum role r);
/*
 * A role as a clerk types it, in Russian or English, any case:
 * уполномоченный (уполномоченное лицо) | authorised (authorized),
 * редактор | editor, наблюдатель | viewer; also the stored codes.
 * ROLE_NONE if it names none.
 */
enum role role_parse(const char *s);

/* True if two unit names are the same unit: case (and ё/е) and runs of
 * spaces do not matter. */
bool	policy_unit_equal(const char *a, const char *b);
/* True if unit is one of u's units. */
bool	policy_has_unit(const struct policy_user *u, const char *unit);

/*
 * Who u is, in words for a message or a listing: "уполномоченное лицо",
 * "редактор подразделения «отдел А»", "редактор подразделений «А», «Б»",
 * "наблюдатель", "учётная запись «ivanov» без роли в перечне", or
 * "перечень открыт для всех (пользователи не назначены)".  Caller frees.
 */
char	*policy_describe(const struct policy_user *u);

/*
 * May u take action on a record of unit?  unit is the record's unit as
 * stored (touchpoint actions; NULL or "" for none), new_unit the unit the
 * record will have after a touchpoint edit (NULL: unchanged).  Returns 0,
 * or -1 with err saying who may and who u is: «изменять точки
 * подразделения «отдел Б» может редактор этого подразделения или
 * уполномоченное лицо; вы — редактор подразделения «отдел А»».
 */
int	policy_check(const struct policy_user *u, enum policy_action action,
	    const char *unit, const char *new_unit, struct error *err);

#endif
