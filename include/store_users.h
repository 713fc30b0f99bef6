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
 * The permission check every change runs (store_users_permit) is
 * declared in store_tx.h, which opens every change's transaction with
 * it: a refused change writes nothing and logs nothing.
 */
#ifndef PERECHEN_STORE_USERS_H
#define PERECHEN_STORE_USERS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "policy.h"
#include "store.h"
#include "store_tx.h"
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

/* Every user, authorised persons first, then editors, then viewers, by
 * login within a role, into out (zeroed by caller). */
int	store_users_list(struct store *s, struct users *out,
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
