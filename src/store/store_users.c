/* store_users.c - users, their roles and units; the permission check. */
#include "store_int.h"
#include "store_tx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "store_users.h"
#include "utf8.h"

#define LOGIN_MAX 63

void
users_fini(struct users *u)
{
	for (size_t i = 0; i < u->n; i++) {
		free(u->v[i].login);
		strvec_fini(&u->v[i].units);
		free(u->v[i].created_utc);
		free(u->v[i].created_by);
	}
	free(u->v);
	memset(u, 0, sizeof *u);
}

int
store_users_list(struct store *s, struct users *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT login, role, created_utc, created_by "
	    "FROM users ORDER BY CASE role WHEN 'authorised' THEN 0 "
	    "WHEN 'editor' THEN 1 ELSE 2 END, login", err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct user *u;

		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		u = &out->v[out->n++];
		u->login = store_column_text(st, 0);
		u->role = store_users_role(st, 1);
		strvec_init(&u->units);
		u->created_utc = store_column_text(st, 2);
		u->created_by = store_column_text(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение пользователей", err);
	for (size_t i = 0; i < out->n; i++)
		if (store_users_units(s, out->v[i].login, &out->v[i].units,
		    err) != 0)
			return -1;
	return 0;
}

/* Insert login with role, stamped now by created_by. */
static int
store_users_insert(struct store *s, const char *login, enum role role,
    const char *now_utc, const char *created_by, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "INSERT INTO users (login, role, "
	    "created_utc, created_by) VALUES (?, ?, ?, ?) ON CONFLICT (login) "
	    "DO UPDATE SET role = excluded.role, created_utc = "
	    "excluded.created_utc, created_by = excluded.created_by",
	    err) != 0)
		return -1;
	store_bind_text(st, 1, login);
	store_bind_text(st, 2, role_code(role));
	store_bind_text(st, 3, now_utc);
	store_bind_text(st, 4, created_by);
	return store_step_done(s, st, "запись пользователя", err);
}

int
store_users_bootstrap(struct store *s, const char *login, const char *now_utc,
    struct error *err)
{
	int64_t n;

	if (store_users_count(s, ROLE_NONE, "", &n, err) != 0)
		return -1;
	if (n > 0)
		return 0;
	return store_users_insert(s, login, ROLE_AUTHORISED, now_utc, "", err);
}

/* A Unix login: letters, digits, '.', '_', '-' (and a final '$'). */
static int
store_users_check_login(const char *login, struct error *err)
{
	size_t n = strlen(login);

	if (n == 0 || n > LOGIN_MAX)
		return error_set(err, "учётная запись должна быть от 1 до %d "
		    "символов", LOGIN_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = login[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    (c == '-' && i > 0) || (c == '$' && i == n - 1 && i > 0))
			continue;
		return error_set(err, "«%s» — не имя учётной записи Unix "
		    "(латинские буквы, цифры, «.», «_», «-»)", login);
	}
	return 0;
}

/* The units given, squeezed and without repeats, into out; checked
 * against the role. */
static int
store_users_clean_units(enum role role, const struct strvec *units,
    struct strvec *out, struct error *err)
{
	for (size_t i = 0; units != NULL && i < units->n; i++) {
		char *u = utf8_squeeze(units->v[i]);
		bool dup = false;

		if (u[0] == '\0' || strchr(u, '\n') != NULL) {
			free(u);
			return error_set(err, "название подразделения должно "
			    "быть непустой строкой");
		}
		for (size_t j = 0; j < out->n && !dup; j++)
			dup = policy_unit_equal(out->v[j], u);
		if (dup)
			free(u);
		else
			strvec_push_owned(out, u);
	}
	if (role == ROLE_EDITOR && out->n == 0)
		return error_set(err, "редактору подразделения нужно хотя бы "
		    "одно подразделение (--unit)");
	if (role != ROLE_EDITOR && out->n > 0)
		return error_set(err, "подразделения назначаются только "
		    "редактору подразделения, а не роли «%s»",
		    role_title(role));
	return 0;
}

/* Refuse to leave the list without an authorised person. */
static int
store_users_keep_authorised(struct store *s, const char *login,
    struct error *err)
{
	struct policy_user u;
	int64_t others;
	int rc;

	policy_user_init(&u);
	rc = store_users_lookup(s, login, &u, err);
	if (rc == 0 && !u.open && u.role == ROLE_AUTHORISED &&
	    (rc = store_users_count(s, ROLE_AUTHORISED, login, &others,
	    err)) == 0 && others == 0)
		rc = error_set(err, "«%s» — последнее уполномоченное лицо "
		    "перечня: сначала назначьте другое (perechen users add "
		    "ЛОГИН --role уполномоченный)", login);
	policy_user_fini(&u);
	return rc;
}

/* Who login is now, in words for the log ("" if not recorded). */
static char *
store_users_describe(struct store *s, const char *login, struct error *err)
{
	struct policy_user u;
	char *d = NULL;

	policy_user_init(&u);
	if (store_users_lookup(s, login, &u, err) == 0)
		d = u.open || u.role == ROLE_NONE ? xstrdup("") :
		    policy_describe(&u);
	policy_user_fini(&u);
	return d;
}

/* Log login's role going from was to what it is now ("" if removed). */
static int
store_users_log(struct store *s, const char *login, const char *was,
    const struct actor *who, struct error *err)
{
	struct changes ch;
	char *now = store_users_describe(s, login, err);
	int rc;

	if (now == NULL)
		return -1;
	changes_init(&ch);
	changes_add(&ch, "пользователь", 0, 0, login, "роль", was,
	    now[0] != '\0' ? now : "роль снята", TRIGGER_EDIT);
	rc = store_log_changes(s, &ch, who, err);
	changes_fini(&ch);
	free(now);
	return rc;
}

/* Replace the units of login by units. */
static int
store_users_write_units(struct store *s, const char *login,
    const struct strvec *units, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "DELETE FROM user_units WHERE login = ?",
	    err) != 0)
		return -1;
	store_bind_text(st, 1, login);
	if (store_step_done(s, st, "запись подразделений", err) != 0)
		return -1;
	for (size_t i = 0; i < units->n; i++) {
		if (store_prepare(s, &st, "INSERT INTO user_units (login, "
		    "unit) VALUES (?, ?)", err) != 0)
			return -1;
		store_bind_text(st, 1, login);
		store_bind_text(st, 2, units->v[i]);
		if (store_step_done(s, st, "запись подразделений", err) != 0)
			return -1;
	}
	return 0;
}

/* The first user of an open list: who runs it stays in charge. */
static int
store_users_open_list(struct store *s, const char *login, enum role role,
    const struct actor *who, bool *who_added, struct error *err)
{
	int64_t n;

	if (store_users_count(s, ROLE_NONE, "", &n, err) != 0)
		return -1;
	if (n > 0)
		return 0;
	if (strcmp(login, who->login) == 0) {
		if (role != ROLE_AUTHORISED)
			return error_set(err, "в перечне ещё нет "
			    "пользователей: первым назначьте уполномоченное "
			    "лицо — себя (perechen users add %s --role "
			    "уполномоченный)", who->login);
		return 0;
	}
	if (store_users_check_login(who->login, err) != 0 ||
	    store_users_insert(s, who->login, ROLE_AUTHORISED, who->now_utc,
	    who->login, err) != 0 ||
	    store_users_log(s, who->login, "", who, err) != 0)
		return -1;
	if (who_added != NULL)
		*who_added = true;
	return 0;
}

int
store_users_set(struct store *s, const char *login, enum role role,
    const struct strvec *units, const struct actor *who, bool *who_added,
    struct error *err)
{
	struct store_tx tx;
	struct strvec clean;
	char *was = NULL;
	int rc;

	if (who_added != NULL)
		*who_added = false;
	if (role == ROLE_NONE)
		return error_set(err, "роль не указана: уполномоченный, "
		    "редактор или наблюдатель");
	strvec_init(&clean);
	if (store_users_check_login(login, err) != 0 ||
	    store_users_clean_units(role, units, &clean, err) != 0 ||
	    store_tx_begin(&tx, s, who, POLICY_USERS, err) != 0) {
		strvec_fini(&clean);
		return -1;
	}
	rc = 0;
	if (role != ROLE_AUTHORISED)
		rc = store_users_keep_authorised(s, login, err);
	if (rc == 0)
		rc = store_users_open_list(s, login, role, who, who_added, err);
	if (rc == 0 && (was = store_users_describe(s, login, err)) == NULL)
		rc = -1;
	if (rc == 0)
		rc = store_users_insert(s, login, role, who->now_utc,
		    who->login, err);
	if (rc == 0)
		rc = store_users_write_units(s, login, &clean, err);
	if (rc == 0)
		rc = store_users_log(s, login, was, who, err);
	free(was);
	strvec_fini(&clean);
	return store_tx_end(&tx, rc, err);
}

int
store_users_remove(struct store *s, const char *login,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	sqlite3_stmt *st;
	char *was = NULL;
	int rc;

	if (store_tx_begin(&tx, s, who, POLICY_USERS, err) != 0)
		return -1;
	rc = store_users_keep_authorised(s, login, err);
	if (rc == 0 && (was = store_users_describe(s, login, err)) == NULL)
		rc = -1;
	if (rc == 0 && was[0] == '\0')
		rc = error_set(err, "учётной записи «%s» нет среди "
		    "пользователей перечня", login);
	if (rc == 0)
		rc = store_prepare(s, &st, "DELETE FROM users WHERE login = ?",
		    err);
	if (rc == 0) {
		store_bind_text(st, 1, login);
		rc = store_step_done(s, st, "удаление пользователя", err);
	}
	if (rc == 0)
		rc = store_users_log(s, login, was, who, err);
	free(was);
	return store_tx_end(&tx, rc, err);
}
