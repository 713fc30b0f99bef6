/* store_ack.c - acknowledged warnings: add, remove, list. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "store_ack.h"
#include "store_tx.h"
#include "utf8.h"

/* Changes to acknowledgements belong to the caller's transaction. */
static int
require_transaction(struct store *s, struct error *err)
{
	if (sqlite3_get_autocommit(s->db))
		return error_set(err, "изменение подтверждений вне транзакции "
		    "(ошибка программы)");
	return 0;
}

/* Run a statement that answers one integer; -1 with err on failure. */
static int
step_int(struct store *s, sqlite3_stmt *st, const char *doing, int64_t *out,
    struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = 0;
	} else {
		rc = store_fail(s, doing, err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Check that the process exists and, if given, the touchpoint is one of
 * its own. */
static int
check_record(struct store *s, int64_t proc_id, int64_t tp_id,
    struct error *err)
{
	sqlite3_stmt *st;
	int64_t found = 0;

	if (store_prepare(s, &st, "SELECT count(*) FROM process WHERE id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, proc_id);
	if (step_int(s, st, "поиск процесса", &found, err) != 0)
		return -1;
	if (found == 0)
		return error_set(err, "процесса нет в перечне (удалён?)");
	if (tp_id == 0)
		return 0;
	if (store_prepare(s, &st, "SELECT count(*) FROM touchpoint WHERE id = ? "
	    "AND process_id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, tp_id);
	sqlite3_bind_int64(st, 2, proc_id);
	if (step_int(s, st, "поиск точки взаимодействия", &found, err) != 0)
		return -1;
	if (found == 0)
		return error_set(err, "такой точки взаимодействия нет в этом "
		    "процессе");
	return 0;
}

/* Bind the record columns: process id, touchpoint id or NULL. */
static void
bind_record(sqlite3_stmt *st, int idx, int64_t proc_id, int64_t tp_id)
{
	sqlite3_bind_int64(st, idx, proc_id);
	if (tp_id == 0)
		sqlite3_bind_null(st, idx + 1);
	else
		sqlite3_bind_int64(st, idx + 1, tp_id);
}

/* Delete the acknowledgement of rule for the record, counting rows. */
static int
delete_ack(struct store *s, enum rule_id rule, int64_t proc_id,
    int64_t tp_id, int *changed, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "DELETE FROM ack WHERE rule = ? AND "
	    "process_id = ? AND coalesce(touchpoint_id, 0) = coalesce(?, 0)",
	    err) != 0)
		return -1;
	store_bind_text(st, 1, rule_get(rule)->code);
	bind_record(st, 2, proc_id, tp_id);
	if (store_step_done(s, st, "удаление подтверждения", err) != 0)
		return -1;
	*changed = sqlite3_changes(s->db);
	return 0;
}

int
store_ack_add(struct store *s, struct ack *a, struct error *err)
{
	char *reason = utf8_squeeze(a->justification != NULL ?
	    a->justification : "");
	sqlite3_stmt *st;
	int changed, rc = -1;

	if (require_transaction(s, err) != 0 ||
	    store_users_permit(s, a->login, POLICY_ACK, NULL, NULL, err) != 0 ||
	    ack_check_target(a->rule, a->tp_id != 0, err) != 0)
		goto out;
	if (reason[0] == '\0') {
		error_set(err, "нужно обоснование: почему предупреждение "
		    "принимается");
		goto out;
	}
	if (check_record(s, a->proc_id, a->tp_id, err) != 0 ||
	    delete_ack(s, a->rule, a->proc_id, a->tp_id, &changed, err) != 0)
		goto out;
	if (store_prepare(s, &st, "INSERT INTO ack (rule, process_id, "
	    "touchpoint_id, justification, login, created_utc) VALUES (?, ?, "
	    "?, ?, ?, coalesce(nullif(?, ''), "
	    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))", err) != 0)
		goto out;
	store_bind_text(st, 1, rule_get(a->rule)->code);
	bind_record(st, 2, a->proc_id, a->tp_id);
	store_bind_text(st, 4, reason);
	store_bind_text(st, 5, a->login);
	store_bind_text(st, 6, a->created_utc);
	if (store_step_done(s, st, "запись подтверждения", err) != 0)
		goto out;
	a->id = sqlite3_last_insert_rowid(s->db);
	rc = 0;
out:
	free(reason);
	return rc;
}

int
store_ack_remove(struct store *s, enum rule_id rule, int64_t proc_id,
    int64_t tp_id, bool *removed, struct error *err)
{
	int changed;

	if (removed != NULL)
		*removed = false;
	if (require_transaction(s, err) != 0 ||
	    store_users_permit(s, store_login(s), POLICY_ACK, NULL, NULL,
	    err) != 0)
		return -1;
	if (rule_get(rule) == NULL)
		return error_set(err, "нет такого правила; правила: R1–R11");
	if (delete_ack(s, rule, proc_id, tp_id, &changed, err) != 0)
		return -1;
	if (removed != NULL)
		*removed = changed > 0;
	return 0;
}

int
store_ack_list(struct store *s, struct acks *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT a.id, a.rule, a.process_id, "
	    "coalesce(a.touchpoint_id, 0), a.justification, a.login, "
	    "a.created_utc FROM ack a JOIN process p ON p.id = a.process_id "
	    "LEFT JOIN touchpoint t ON t.id = a.touchpoint_id "
	    "ORDER BY p.pos, coalesce(t.pos, 0), a.id", err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum rule_id rule = rule_from_code(
		    (const char *)sqlite3_column_text(st, 1));

		/* Rows of rules this program does not know are kept, unused. */
		if (rule == RULE_NONE)
			continue;
		acks_add(out, sqlite3_column_int64(st, 0), rule,
		    sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
		    (const char *)sqlite3_column_text(st, 4),
		    (const char *)sqlite3_column_text(st, 5),
		    (const char *)sqlite3_column_text(st, 6));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение подтверждений", err);
	return 0;
}
