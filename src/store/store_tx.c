/* store_tx.c - the transaction every change runs in: the role check
 * first, the log between the kill points, commit or rollback. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_chain.h"
#include "store_tx.h"

void
store_set_fault_hook(struct store *s, void (*hook)(const char *, void *),
    void *arg)
{
	s->fault_hook = hook;
	s->fault_arg = arg;
}

static void
fault_point(struct store *s, const char *where)
{
	if (s->fault_hook != NULL)
		s->fault_hook(where, s->fault_arg);
}

int
store_log_changes(struct store *s, struct changes *c, const struct actor *who,
    struct error *err)
{
	sqlite3_stmt *st;

	if (c->n == 0)
		return 0;
	if (store_prepare(s, &st, "INSERT INTO change_log (at_utc, login, "
	    "record, record_id, process_id, label, field, old_value, "
	    "new_value, trigger) VALUES (?, ?, ?, ?, nullif(?, 0), ?, ?, ?, "
	    "?, ?)", err) != 0)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		struct change *ch = &c->v[i];

		model_set(&ch->at_utc, who->now_utc);
		model_set(&ch->login, who->login);
		sqlite3_reset(st);
		store_bind_text(st, 1, ch->at_utc);
		store_bind_text(st, 2, ch->login);
		store_bind_text(st, 3, ch->record);
		sqlite3_bind_int64(st, 4, ch->record_id);
		sqlite3_bind_int64(st, 5, ch->process_id);
		store_bind_text(st, 6, ch->label);
		store_bind_text(st, 7, ch->field);
		store_bind_text(st, 8, ch->old_value);
		store_bind_text(st, 9, ch->new_value);
		sqlite3_bind_int(st, 10, (int)ch->trigger);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(s, "запись журнала изменений", err);
		}
		ch->id = sqlite3_last_insert_rowid(s->db);
	}
	sqlite3_finalize(st);
	/* Every entry is sealed where it is written: no path adds one to
	 * the log without its hash. */
	return store_chain_seal_log(s, c->v[0].id, err);
}

void
store_set_login(struct store *s, const char *login)
{
	snprintf(s->login, sizeof s->login, "%s", login != NULL ? login : "");
}

const char *
store_login(const struct store *s)
{
	return s->login;
}

/* The role stored as code; ROLE_NONE for a code this program lacks. */
enum role
store_users_role(sqlite3_stmt *st, int col)
{
	const char *code = (const char *)sqlite3_column_text(st, col);

	for (int r = ROLE_AUTHORISED; r <= ROLE_VIEWER; r++)
		if (code != NULL && strcmp(code, role_code((enum role)r)) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

/* Append the units of login to units. */
int
store_users_units(struct store *s, const char *login, struct strvec *units,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT unit FROM user_units WHERE login = ? "
	    "ORDER BY rowid", err) != 0)
		return -1;
	store_bind_text(st, 1, login);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		strvec_push(units, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение подразделений пользователя", err);
	return 0;
}

/* How many users hold role (ROLE_NONE: any), leaving out one login. */
int
store_users_count(struct store *s, enum role role, const char *except,
    int64_t *n, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT count(*) FROM users WHERE "
	    "(?1 = '' OR role = ?1) AND login <> ?2", err) != 0)
		return -1;
	store_bind_text(st, 1, role_code(role));
	store_bind_text(st, 2, except);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "чтение пользователей", err);
	return 0;
}

int
store_users_lookup(struct store *s, const char *login,
    struct policy_user *out, struct error *err)
{
	sqlite3_stmt *st;
	int64_t n;
	int rc;

	policy_user_fini(out);
	policy_user_init(out);
	model_set(&out->login, login);
	if (store_users_count(s, ROLE_NONE, "", &n, err) != 0)
		return -1;
	if (n == 0) {
		out->open = true;
		return 0;
	}
	if (store_prepare(s, &st, "SELECT role FROM users WHERE login = ?",
	    err) != 0)
		return -1;
	store_bind_text(st, 1, login);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		out->role = store_users_role(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение пользователей", err);
	if (out->role == ROLE_EDITOR)
		return store_users_units(s, login, &out->units, err);
	return 0;
}

int
store_users_permit(struct store *s, const char *login,
    enum policy_action action, const char *unit, const char *new_unit,
    struct error *err)
{
	struct policy_user u;
	int rc;

	policy_user_init(&u);
	rc = store_users_lookup(s, login != NULL ? login : "", &u, err);
	if (rc == 0 && !u.open && (login == NULL || login[0] == '\0'))
		rc = error_set(err, "неизвестно, от чьего имени изменение "
		    "(ошибка программы)");
	if (rc == 0)
		rc = policy_check(&u, action, unit, new_unit, err);
	policy_user_fini(&u);
	return rc;
}


/* Actions whose permission depends on the record's unit: checked by
 * store_tx_permit once the record is read. */
static bool
unit_scoped(enum policy_action action)
{
	return action == POLICY_TOUCHPOINT_EDIT ||
	    action == POLICY_TOUCHPOINT_ADD;
}

int
store_tx_begin(struct store_tx *tx, struct store *s, const struct actor *who,
    enum policy_action action, struct error *err)
{
	tx->s = s;
	tx->who = who;
	tx->action = action;
	tx->permitted = false;
	if (store_begin(s, err) != 0)
		return -1;
	if (unit_scoped(action))
		return 0;
	if (store_tx_permit(tx, NULL, NULL, err) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
store_tx_permit(struct store_tx *tx, const char *unit, const char *new_unit,
    struct error *err)
{
	if (store_users_permit(tx->s, tx->who->login, tx->action, unit,
	    new_unit, err) != 0)
		return -1;
	tx->permitted = true;
	return 0;
}

/* The error of a change written before its role was checked: a fault of
 * the program, never of the clerk, so the change is dropped. */
static int
unchecked(struct error *err)
{
	return error_set(err, "изменение не сохранено: права не проверены "
	    "(ошибка программы)");
}

int
store_tx_log(struct store_tx *tx, struct changes *ch, struct error *err)
{
	int rc;

	if (!tx->permitted)
		return unchecked(err);
	fault_point(tx->s, "after-change");
	rc = store_log_changes(tx->s, ch, tx->who, err);
	if (rc == 0)
		fault_point(tx->s, "after-log");
	return rc;
}

int
store_tx_end(struct store_tx *tx, int rc, struct error *err)
{
	if (rc == 0 && !tx->permitted)
		rc = unchecked(err);
	if (rc == 0 && store_commit(tx->s, err) == 0)
		return 0;
	store_rollback(tx->s);
	return -1;
}

