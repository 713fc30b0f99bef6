/* store_setting.c - settings kept in the list's database (schema 4). */
#include "store_int.h"
#include "store_setting.h"
#include "store_tx.h"

#include <stdlib.h>

int
store_setting_get(struct store *s, const char *key, char **value,
    bool *found, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*value = NULL;
	*found = false;
	if (store_prepare(s, &st, "SELECT value FROM setting WHERE key = ?",
	    err) != 0)
		return -1;
	store_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = store_column_text(st, 0);
		*found = true;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение настроек", err);
	return 0;
}

/* Run one statement binding key (and value, if not NULL) in a
 * transaction of its own, for the connection's account (store_login):
 * the printed form is the authorised person's (п. 2.2).  *changed counts
 * the rows it touched. */
static int
store_setting_change(struct store *s, const char *sql, const char *key,
    const char *value, int *changed, struct error *err)
{
	const struct actor who = { store_login(s), "" };
	struct store_tx tx;
	sqlite3_stmt *st;
	int rc;

	if (store_tx_begin(&tx, s, &who, POLICY_SETTINGS, err) != 0)
		return -1;
	rc = store_prepare(s, &st, sql, err);
	if (rc == 0) {
		store_bind_text(st, 1, key);
		if (value != NULL)
			store_bind_text(st, 2, value);
		rc = store_step_done(s, st, "запись настройки", err);
	}
	if (rc == 0)
		*changed = sqlite3_changes(s->db);
	return store_tx_end(&tx, rc, err);
}

int
store_setting_set(struct store *s, const char *key, const char *value,
    struct error *err)
{
	int changed;

	return store_setting_change(s, "INSERT INTO setting (key, value) "
	    "VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
	    key, value, &changed, err);
}

int
store_setting_unset(struct store *s, const char *key, bool *removed,
    struct error *err)
{
	int changed = 0;

	if (store_setting_change(s, "DELETE FROM setting WHERE key = ?1", key,
	    NULL, &changed, err) != 0)
		return -1;
	if (removed != NULL)
		*removed = changed > 0;
	return 0;
}

int
store_setting_list(struct store *s, struct strvec *keys,
    struct strvec *values, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT key, value FROM setting ORDER BY "
	    "key", err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		strvec_push_owned(keys, store_column_text(st, 0));
		strvec_push_owned(values, store_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение настроек", err);
	return 0;
}
