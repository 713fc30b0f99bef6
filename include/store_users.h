/*
 * store_users.h - the users of a list and their roles (п. 2.2), kept in
 * the list's database, and the permission check every change runs.
 *
 * Owns: the users and user_units tables (schema 5).  A user is a Unix
 * login (the account of the real uid, never $USER) with one role; a unit
 * editor has one or more units.  The account that creates a database is
 * its first authorised person (store_users_bootstrap).  A database that
 * records no users at all (made before roles existed) is open: everyone
 * may do everything until the first "users add", which also records the
 * one who runs it as an authorised person, so that the list always keeps
 * someone who can manage roles.  The last authorised person can be
 * neither removed nor given another role.
 *
 * Every function of store_edit.h, store_history.h (approve, publish),
 * store_ack.h and store_review.h that changes something calls
 * store_users_permit() inside its transaction before it writes: a refused
 * change writes nothing and logs nothing.
 */
#ifndef PERECHEN_STORE_USERS_H
#define PERECHEN_STORE_USERS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "policy.h"
#include "store.h"
#include "store_edit.h"
#include "strvec.h"

struct user {
	char	*login;
	enum role role;
	struct strvec units;	/* an editor's units; empty otherwise */
	char	*created_utc;	/* when the role was last set */
	char	*created_by;	/* by whom ("" for the creator of the list) */
};

struct users {
	struct user *v;
	size_t	 n;
};

void	users_fini(struct users *u);

/*
 * The account this connection acts for: changes that are given no actor
 * (store_ack_remove) are checked against its role.  app_open_store sets
 * it to the real uid's login.  Copied; at most 63 bytes are kept.
 */
void	store_set_login(struct store *s, const char *login);
/* The login set by store_set_login ("" if none); owned by the store. */
const char *store_login(const struct store *s);

/* Every user, authorised persons first, then editors, then viewers, by
 * login within a role, into out (zeroed by caller). */
int	store_users_list(struct store *s, struct users *out,
	    struct error *err);

/* What the policy needs to know of login: its role and units, or that
 * the list is open.  out is policy_user_init'ed; its fields are replaced. */
int	store_users_lookup(struct store *s, const char *login,
	    struct policy_user *out, struct error *err);

/*
 * May login take action on a record of unit (new_unit: the unit it will
 * have, NULL if unchanged)?  0, or -1 with err saying who may (see
 * policy_check).  Call it inside the change's transaction, before writing.
 */
int	store_users_permit(struct store *s, const char *login,
	    enum policy_action action, const char *unit, const char *new_unit,
	    struct error *err);

/*
 * Record login as the first authorised person of a new list, inside the
 * caller's transaction; does nothing if the list has users already.  Not
 * logged: a new list's change log starts empty.
 */
int	store_users_bootstrap(struct store *s, const char *login,
	    const char *now_utc, struct error *err);

/*
 * Give login the role (and, for an editor, the units, which replace any
 * it had): one transaction, logged (record "пользователь", field "роль").
 * Only an authorised person may, or anyone while the list is open; then
 * who is recorded as an authorised person too and *who_added (may be
 * NULL) is set.  Refuses a malformed login, an editor without units,
 * units for other roles, and taking the role away from the last
 * authorised person.
 */
int	store_users_set(struct store *s, const char *login, enum role role,
	    const struct strvec *units, const struct actor *who,
	    bool *who_added, struct error *err);

/* Remove login from the users: one transaction, logged.  Refuses the last
 * authorised person and a login that is not recorded. */
int	store_users_remove(struct store *s, const char *login,
	    const struct actor *who, struct error *err);

#endif
