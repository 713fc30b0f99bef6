/*
 * store_setting.h - settings kept in the list's database.
 *
 * Owns: the setting table (schema 4): text values under text keys, such
 * as the printed document's page and grif ("page.size", "grif.wording").
 * Which keys exist and what their values mean is the caller's business;
 * the store only keeps them.  A key that was never set is absent, and the
 * caller's default applies.
 */
#ifndef PERECHEN_STORE_SETTING_H
#define PERECHEN_STORE_SETTING_H

#include <stdbool.h>

#include "error.h"
#include "store.h"
#include "strvec.h"

/*
 * The value of key into *value (caller frees) and *found true; a key not
 * set leaves *value NULL and *found false.
 */
int	store_setting_get(struct store *s, const char *key, char **value,
	    bool *found, struct error *err);
/* Set key to value (replacing any), in one transaction of its own. */
int	store_setting_set(struct store *s, const char *key, const char *value,
	    struct error *err);
/* Forget key, in one transaction; *removed (may be NULL) says if it was
 * set. */
int	store_setting_unset(struct store *s, const char *key, bool *removed,
	    struct error *err);
/* Every key set and its value, by key, appended to keys and values
 * (initialised by the caller; the same index pairs them). */
int	store_setting_list(struct store *s, struct strvec *keys,
	    struct strvec *values, struct error *err);

#endif
