/* store_edit.c - changes to the list, each one transaction with its log. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "merge.h"
#include "store_edit.h"
#include "store_tx.h"
#include "validate.h"

/* Run a query that returns one integer; *out is untouched if no row. */
static int
query_int64(struct store *s, const char *sql, int64_t a, int64_t b,
    int64_t *out, int *found, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) > 1)
		sqlite3_bind_int64(st, 2, b);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение перечня", err);
	return 0;
}

int
store_process_find(struct store *s, int pnum, int64_t *proc_id,
    struct error *err)
{
	int64_t n = 0;
	int found;

	if (query_int64(s, "SELECT id FROM process WHERE pos = ?", pnum, 0,
	    proc_id, &found, err) != 0)
		return -1;
	if (found)
		return 0;
	if (query_int64(s, "SELECT count(*) FROM process WHERE ? = ?", 1, 1,
	    &n, &found, err) != 0)
		return -1;
	return error_set(err, "процесса № %d нет: в перечне процессов %lld",
	    pnum, (long long)n);
}

int
store_touchpoint_find(struct store *s, int pnum, int tnum, int64_t *tp_id,
    struct error *err)
{
	int64_t proc_id, n = 0;
	int found;

	if (store_process_find(s, pnum, &proc_id, err) != 0)
		return -1;
	if (query_int64(s, "SELECT id FROM touchpoint WHERE process_id = ? "
	    "AND pos = ?", proc_id, tnum, tp_id, &found, err) != 0)
		return -1;
	if (found)
		return 0;
	if (query_int64(s, "SELECT count(*) FROM touchpoint WHERE "
	    "process_id = ? AND ? = 1", proc_id, 1, &n, &found, err) != 0)
		return -1;
	return error_set(err, "точки %d.%d нет: в процессе № %d точек %lld",
	    pnum, tnum, pnum, (long long)n);
}

static int
column_tri(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? TRI_UNKNOWN :
	    sqlite3_column_int(st, col);
}

/* Contacts and needs of tp->id, appended to tp. */
static int
load_children(struct store *s, struct touchpoint *tp, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT type, value FROM contact WHERE "
	    "touchpoint_id = ? ORDER BY pos, id", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, tp->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		touchpoint_add_contact(tp,
		    (enum contact_type)sqlite3_column_int(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение контактов", err);
	if (store_prepare(s, &st, "SELECT id, wording, coalesce(category, 0) "
	    "FROM need WHERE touchpoint_id = ? ORDER BY pos, id", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, tp->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		touchpoint_add_need(tp, (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2))->id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение потребностей", err);
	return 0;
}

int
store_touchpoint_load(struct store *s, int64_t id, struct touchpoint *tp,
    int64_t *proc_id, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT process_id, name, coalesce(kind, ''), "
	    "channel, specifics, is_key, basis_type, basis, unit, audience, "
	    "max_transfers, ack_receipt, excluded, exclude_reason, version "
	    "FROM touchpoint WHERE id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			error_set(err, "точка взаимодействия удалена другим "
			    "пользователем");
		else
			store_fail(s, "чтение точки взаимодействия", err);
		sqlite3_finalize(st);
		return -1;
	}
	touchpoint_fini(tp);
	touchpoint_init(tp);
	tp->id = id;
	if (proc_id != NULL)
		*proc_id = sqlite3_column_int64(st, 0);
	model_set(&tp->name, (const char *)sqlite3_column_text(st, 1));
	model_set(&tp->kind, (const char *)sqlite3_column_text(st, 2));
	tp->channel = (enum channel)sqlite3_column_int(st, 3);
	model_set(&tp->specifics, (const char *)sqlite3_column_text(st, 4));
	tp->key = sqlite3_column_int(st, 5) != 0;
	tp->basis_type = (enum basis_type)sqlite3_column_int(st, 6);
	model_set(&tp->basis, (const char *)sqlite3_column_text(st, 7));
	model_set(&tp->unit, (const char *)sqlite3_column_text(st, 8));
	tp->audience = (enum audience)sqlite3_column_int(st, 9);
	tp->max_transfers = column_tri(st, 10);
	tp->ack_receipt = column_tri(st, 11);
	tp->excluded = sqlite3_column_int(st, 12) != 0;
	model_set(&tp->exclude_reason, (const char *)sqlite3_column_text(st, 13));
	tp->version = sqlite3_column_int64(st, 14);
	sqlite3_finalize(st);
	return load_children(s, tp, err);
}

int
store_process_load(struct store *s, int64_t id, struct process *p,
    struct error *err)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if (store_prepare(s, &st, "SELECT name, version, excluded, "
	    "exclude_reason FROM process WHERE id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return error_set(err, "процесс удалён другим пользователем");
	}
	p->id = id;
	p->name = store_column_text(st, 0);
	p->version = sqlite3_column_int64(st, 1);
	p->excluded = sqlite3_column_int(st, 2) != 0;
	p->exclude_reason = store_column_text(st, 3);
	sqlite3_finalize(st);
	if (store_prepare(s, &st, "SELECT id FROM touchpoint WHERE "
	    "process_id = ? ORDER BY pos, id", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		return store_fail(s, "чтение процесса", err);
	}
	rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct touchpoint *tp = process_add_touchpoint(p, "");

		rc = store_touchpoint_load(s, ids[i], tp, NULL, err);
	}
	free(ids);
	return rc;
}

/* "2.3 Почта России": the record as the printed list numbers it. */
static char *
touchpoint_label(struct store *s, int64_t id, const char *name)
{
	sqlite3_stmt *st;
	char *label = NULL;

	if (sqlite3_prepare_v2(s->db, "SELECT p.pos, t.pos FROM touchpoint t "
	    "JOIN process p ON p.id = t.process_id WHERE t.id = ?", -1, &st,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			label = xasprintf("%d.%d %s", sqlite3_column_int(st, 0),
			    sqlite3_column_int(st, 1), name);
		sqlite3_finalize(st);
	}
	return label != NULL ? label : xstrdup(name);
}

/* A kind this list does not know yet becomes a custom kind of it. */
static int
ensure_kind(struct store *s, const struct touchpoint *tp, struct error *err)
{
	sqlite3_stmt *st;

	if (tp->kind[0] == '\0')
		return 0;
	if (store_prepare(s, &st, "INSERT OR IGNORE INTO kind (code, name, "
	    "channel, custom, pos) VALUES (?, ?, ?, 1, (SELECT coalesce(max(pos), "
	    "0) + 1 FROM kind))", err) != 0)
		return -1;
	store_bind_text(st, 1, tp->kind);
	store_bind_text(st, 2, tp->kind);
	sqlite3_bind_int(st, 3, tp->channel == CHANNEL_OFFLINE ?
	    CHANNEL_OFFLINE : CHANNEL_DIGITAL);
	return store_step_done(s, st, "запись вида точки", err);
}

static void
bind_tri(sqlite3_stmt *st, int idx, int v)
{
	if (v == TRI_UNKNOWN)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int(st, idx, v);
}

/* Bind the fields of tp to parameters 1..14 in the order of the SQL
 * of write_touchpoint. */
static void
bind_fields(sqlite3_stmt *st, const struct touchpoint *tp)
{
	store_bind_text(st, 1, tp->name);
	store_bind_text(st, 2, tp->kind);
	sqlite3_bind_int(st, 3, (int)tp->channel);
	store_bind_text(st, 4, tp->specifics);
	sqlite3_bind_int(st, 5, tp->key);
	sqlite3_bind_int(st, 6, (int)tp->basis_type);
	store_bind_text(st, 7, tp->basis);
	store_bind_text(st, 8, tp->unit);
	sqlite3_bind_int(st, 9, (int)tp->audience);
	bind_tri(st, 10, tp->max_transfers);
	bind_tri(st, 11, tp->ack_receipt);
	sqlite3_bind_int(st, 12, tp->excluded);
	store_bind_text(st, 13, tp->exclude_reason);
}

static int
insert_touchpoint(struct store *s, int64_t proc_id, struct touchpoint *tp,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "INSERT INTO touchpoint (name, kind, channel, "
	    "specifics, is_key, basis_type, basis, unit, audience, "
	    "max_transfers, ack_receipt, excluded, exclude_reason, process_id, "
	    "pos) VALUES (?, nullif(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?14, (SELECT coalesce(max(pos), 0) + 1 FROM touchpoint WHERE "
	    "process_id = ?14))", err) != 0)
		return -1;
	bind_fields(st, tp);
	sqlite3_bind_int64(st, 14, proc_id);
	if (store_step_done(s, st, "запись точки взаимодействия", err) != 0)
		return -1;
	tp->id = sqlite3_last_insert_rowid(s->db);
	tp->version = 1;
	return 0;
}

static int
update_touchpoint(struct store *s, struct touchpoint *tp, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "UPDATE touchpoint SET name = ?, kind = "
	    "nullif(?, ''), channel = ?, specifics = ?, is_key = ?, "
	    "basis_type = ?, basis = ?, unit = ?, audience = ?, "
	    "max_transfers = ?, ack_receipt = ?, excluded = ?, "
	    "exclude_reason = ?, version = version + 1 "
	    "WHERE id = ?14 AND version = ?15", err) != 0)
		return -1;
	bind_fields(st, tp);
	sqlite3_bind_int64(st, 14, tp->id);
	sqlite3_bind_int64(st, 15, tp->version);
	if (store_step_done(s, st, "запись точки взаимодействия", err) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return error_set(err, "точку «%s» уже изменил другой "
		    "пользователь; откройте её заново и повторите правку",
		    tp->name);
	tp->version++;
	return 0;
}

/* Replace the contacts and needs of tp in the database. */
static int
write_children(struct store *s, struct touchpoint *tp, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "DELETE FROM contact WHERE touchpoint_id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, tp->id);
	if (store_step_done(s, st, "запись контактов", err) != 0)
		return -1;
	if (store_prepare(s, &st, "DELETE FROM need WHERE touchpoint_id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, tp->id);
	if (store_step_done(s, st, "запись потребностей", err) != 0)
		return -1;
	for (size_t i = 0; i < tp->ncontacts; i++) {
		if (store_prepare(s, &st, "INSERT INTO contact (touchpoint_id, "
		    "pos, type, value) VALUES (?, ?, ?, ?)", err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, tp->id);
		sqlite3_bind_int(st, 2, (int)i + 1);
		sqlite3_bind_int(st, 3, (int)tp->contacts[i].type);
		store_bind_text(st, 4, tp->contacts[i].value);
		if (store_step_done(s, st, "запись контактов", err) != 0)
			return -1;
	}
	for (size_t i = 0; i < tp->nneeds; i++) {
		if (store_prepare(s, &st, "INSERT INTO need (touchpoint_id, pos, "
		    "wording, category) VALUES (?, ?, ?, nullif(?, 0))",
		    err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, tp->id);
		sqlite3_bind_int(st, 2, (int)i + 1);
		store_bind_text(st, 3, tp->needs[i].wording);
		sqlite3_bind_int(st, 4, tp->needs[i].category);
		if (store_step_done(s, st, "запись потребностей", err) != 0)
			return -1;
		tp->needs[i].id = sqlite3_last_insert_rowid(s->db);
	}
	return 0;
}

/* Write tp and log what changed against old (NULL for a new one);
 * inside tx. */
static int
save_locked(struct store_tx *tx, int64_t proc_id, struct touchpoint *tp,
    const struct touchpoint *old, const struct catalog *cat,
    struct error *err)
{
	struct store *s = tx->s;
	struct changes ch;
	char *label;
	int rc;

	if (ensure_kind(s, tp, err) != 0)
		return -1;
	rc = tp->id == 0 ? insert_touchpoint(s, proc_id, tp, err) :
	    update_touchpoint(s, tp, err);
	if (rc != 0 || write_children(s, tp, err) != 0)
		return -1;
	changes_init(&ch);
	label = touchpoint_label(s, tp->id, tp->name);
	change_diff_touchpoint(old, tp, cat, proc_id, label, &ch);
	rc = store_tx_log(tx, &ch, err);
	free(label);
	changes_fini(&ch);
	return rc;
}

/* Who saved touchpoint id last and when ("03.12.2026 в 12:04", local
 * time): the other clerk of a conflict.  Caller frees both. */
static void
last_editor(struct store *s, int64_t id, char **login, char **at)
{
	sqlite3_stmt *st;

	*login = NULL;
	*at = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT login, strftime('%d.%m.%Y в "
	    "%H:%M', at_utc, 'localtime') FROM change_log WHERE record = "
	    "'точка' AND record_id = ? AND "
	    "field <> 'проверка' ORDER BY id DESC LIMIT 1", -1, &st,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*login = store_column_text(st, 0);
			*at = store_column_text(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (*login == NULL)
		*login = xstrdup("другой пользователь");
	if (*at == NULL)
		*at = xstrdup("");
}

/* The refusal of a save whose fields another clerk changed too: each
 * field with both values, nothing saved. */
static int
conflict_error(struct store *s, const struct touchpoint *now,
    const struct changes *conflicts, struct error *err)
{
	struct buf b;
	char *login, *at;

	last_editor(s, now->id, &login, &at);
	buf_init(&b);
	for (size_t i = 0; i < conflicts->n; i++)
		buf_printf(&b, "%s«%s»: у него «%s», у вас «%s»",
		    i > 0 ? "; " : "", conflicts->v[i].field,
		    conflicts->v[i].old_value, conflicts->v[i].new_value);
	error_set(err, "точку «%s» тем временем изменил %s%s%s, и те же "
	    "поля, что и вы: %s; ничего не сохранено — откройте точку заново",
	    now->name, login, at[0] ? " " : "", at, b.data);
	buf_fini(&b);
	free(login);
	free(at);
	return -1;
}

/*
 * tp was edited from base, but the stored touchpoint now is newer: take
 * over what the other clerk changed alone; a field both changed refuses
 * (conflicts get them).  On success tp carries now's version and is
 * saved against it.
 */
static int
merge_with(struct store *s, const struct touchpoint *base,
    struct touchpoint *tp, const struct touchpoint *now,
    const struct catalog *cat, struct changes *conflicts, struct error *err)
{
	struct changes local;
	struct changes *c = conflicts != NULL ? conflicts : &local;
	int rc = 0;

	changes_init(&local);
	if (touchpoint_merge(base, tp, now, cat, c) > 0)
		rc = conflict_error(s, now, c, err);
	else
		tp->version = now->version;
	changes_fini(&local);
	return rc;
}

/*
 * The clerk checked their own version before saving; a merge with another
 * clerk's change makes a record neither of them saw (a name showing a
 * contact the other removed).  Its field rules must hold too, or nothing
 * is saved.
 */
static int
check_merged(const struct touchpoint *tp, const struct catalog *cat,
    struct error *err)
{
	struct findings f;
	int rc = 0;

	findings_init(&f);
	validate_touchpoint_fields(NULL, 0, tp, FINDING_NONE, cat, &f);
	for (size_t i = 0; i < f.n && rc == 0; i++)
		if (f.v[i].level == LEVEL_ERROR)
			rc = error_set(err, "точку «%s» тем временем изменил "
			    "другой пользователь, и вместе с его изменением "
			    "запись нарушила бы правила: %s; ничего не "
			    "сохранено — перечитайте точку", tp->name,
			    f.v[i].message);
	findings_fini(&f);
	return rc;
}

int
store_touchpoint_save_merged(struct store *s, int64_t proc_id,
    const struct touchpoint *base, struct touchpoint *tp,
    const struct catalog *cat, const struct actor *who,
    struct changes *conflicts, struct error *err)
{
	struct store_tx tx;
	struct touchpoint old;
	int rc;

	if (store_tx_begin(&tx, s, who, tp->id == 0 ? POLICY_TOUCHPOINT_ADD :
	    POLICY_TOUCHPOINT_EDIT, err) != 0)
		return -1;
	touchpoint_init(&old);
	if (tp->id == 0) {
		rc = store_tx_permit(&tx, tp->unit, NULL, err);
		if (rc == 0)
			rc = save_locked(&tx, proc_id, tp, NULL, cat, err);
	} else if ((rc = store_touchpoint_load(s, tp->id, &old, &proc_id,
	    err)) == 0 && (rc = store_tx_permit(&tx, old.unit, tp->unit,
	    err)) == 0) {
		if (old.version != tp->version && base != NULL) {
			rc = merge_with(s, base, tp, &old, cat, conflicts, err);
			if (rc == 0)
				rc = check_merged(tp, cat, err);
		}
		if (rc == 0)
			rc = save_locked(&tx, proc_id, tp, &old, cat, err);
	}
	touchpoint_fini(&old);
	return store_tx_end(&tx, rc, err);
}

int
store_touchpoint_save(struct store *s, int64_t proc_id, struct touchpoint *tp,
    const struct catalog *cat, const struct actor *who, struct error *err)
{
	return store_touchpoint_save_merged(s, proc_id, NULL, tp, cat, who,
	    NULL, err);
}

/* Load, flip the excluded flag, save: one transaction. */
static int
set_excluded(struct store *s, int64_t id, bool excluded, const char *reason,
    const struct catalog *cat, const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct touchpoint old, tp;
	int64_t proc_id;
	int rc;

	if (store_tx_begin(&tx, s, who, POLICY_TOUCHPOINT_EDIT, err) != 0)
		return -1;
	touchpoint_init(&old);
	touchpoint_init(&tp);
	rc = store_touchpoint_load(s, id, &old, &proc_id, err);
	if (rc == 0)
		rc = store_tx_permit(&tx, old.unit, NULL, err);
	if (rc == 0 && old.excluded == excluded)
		rc = error_set(err, excluded ? "точка «%s» уже исключена" :
		    "точка «%s» не исключена", old.name);
	if (rc == 0 && (rc = store_touchpoint_load(s, id, &tp, NULL,
	    err)) == 0) {
		tp.excluded = excluded;
		model_set(&tp.exclude_reason, excluded ? reason : "");
		rc = save_locked(&tx, proc_id, &tp, &old, cat, err);
	}
	touchpoint_fini(&old);
	touchpoint_fini(&tp);
	return store_tx_end(&tx, rc, err);
}

int
store_touchpoint_exclude(struct store *s, int64_t id, const char *reason,
    const struct catalog *cat, const struct actor *who, struct error *err)
{
	if (reason == NULL || reason[0] == '\0')
		return error_set(err, "укажите причину исключения точки "
		    "(п. 5.3.4)");
	return set_excluded(s, id, true, reason, cat, who, err);
}

int
store_touchpoint_restore(struct store *s, int64_t id,
    const struct catalog *cat, const struct actor *who, struct error *err)
{
	return set_excluded(s, id, false, "", cat, who, err);
}

static int log_one(struct store_tx *tx, const char *record, int64_t id,
    int64_t proc_id, const char *label, const char *field,
    const char *old_value, const char *new_value, struct error *err);

int
store_touchpoint_in_revision(struct store *s, int64_t id, bool *held,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	/* By revision, then the frozen table's key: revisions are few, and
	 * rev_touchpoint has no index on id alone. */
	if (store_prepare(s, &st, "SELECT EXISTS (SELECT 1 FROM revision r "
	    "WHERE EXISTS (SELECT 1 FROM rev_touchpoint t WHERE "
	    "t.revision_id = r.id AND t.id = ?1))", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*held = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error_set(err, "не удалось прочитать утверждённые "
		    "редакции: %s", sqlite3_errmsg(s->db));
	return 0;
}

/* Delete touchpoint id (its children go by ON DELETE CASCADE) and move
 * the ones after it in its process up by one. */
static int
delete_touchpoint(struct store *s, int64_t id, int64_t proc_id, int pos,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "DELETE FROM touchpoint WHERE id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (store_step_done(s, st, "удаление точки", err) != 0)
		return -1;
	if (store_prepare(s, &st, "UPDATE touchpoint SET pos = pos - 1, "
	    "version = version + 1 WHERE process_id = ? AND pos > ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, proc_id);
	sqlite3_bind_int(st, 2, pos);
	return store_step_done(s, st, "нумерация точек", err);
}

/* The touchpoint's place in its process, for closing the gap. */
static int
touchpoint_pos(struct store *s, int64_t id, int *pos, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT pos FROM touchpoint WHERE id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*pos = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : error_set(err, "точка удалена другим "
	    "пользователем");
}

/* The checks of a withdrawal, inside its transaction. */
static int
withdraw_allowed(int64_t id, int64_t version, const struct touchpoint *tp,
    struct store *s, struct error *err)
{
	bool held;

	if (tp->version != version)
		return error_set(err, "точку «%s» после добавления изменили "
		    "(другой пользователь или правка вне редактора)",
		    tp->name);
	if (store_touchpoint_in_revision(s, id, &held, err) != 0)
		return -1;
	if (held)
		return error_set(err, "точка «%s» есть в утверждённой "
		    "редакции: её можно только исключить (п. 5.3.4)",
		    tp->name);
	return 0;
}

/* Open the transaction of a change to touchpoint id, loaded into tp
 * (touchpoint_init'ed here, freed by the caller) with its process; the
 * role check against its unit is done.  0; -1 with no transaction open;
 * 1 with err when the transaction is open but failed (end it). */
static int
touchpoint_tx_begin(struct store_tx *tx, struct store *s, int64_t id,
    struct touchpoint *tp, int64_t *proc_id, const struct actor *who,
    struct error *err)
{
	touchpoint_init(tp);
	if (store_tx_begin(tx, s, who, POLICY_TOUCHPOINT_EDIT, err) != 0)
		return -1;
	if (store_touchpoint_load(s, id, tp, proc_id, err) != 0 ||
	    store_tx_permit(tx, tp->unit, NULL, err) != 0)
		return 1;
	return 0;
}

int
store_touchpoint_withdraw(struct store *s, int64_t id, int64_t version,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct touchpoint tp;
	int64_t proc_id;
	int pos = 0, rc;
	char *label = NULL;

	if ((rc = touchpoint_tx_begin(&tx, s, id, &tp, &proc_id, who,
	    err)) < 0) {
		touchpoint_fini(&tp);
		return -1;
	}
	if (rc == 0)
		rc = withdraw_allowed(id, version, &tp, s, err);
	if (rc == 0) {
		/* The label as the log knew it, before the row goes. */
		label = touchpoint_label(s, id, tp.name);
		rc = touchpoint_pos(s, id, &pos, err);
	}
	if (rc == 0)
		rc = delete_touchpoint(s, id, proc_id, pos, err);
	if (rc == 0)
		rc = log_one(&tx, "точка", id, proc_id, label, "новая точка",
		    tp.name, "добавление отозвано", err);
	free(label);
	touchpoint_fini(&tp);
	return store_tx_end(&tx, rc, err);
}

/*
 * Swap the position of row id with its neighbour in direction delta, in
 * table ("touchpoint" within its process, or "process").  *moved is 0 at
 * either end.
 */
static int
swap_position(struct store *s, const char *table, int64_t id, int delta,
    int *from, int *to, struct error *err)
{
	static const char *const sql[2][2] = {
		{ "SELECT pos, (SELECT id FROM process WHERE pos = p.pos + ?2) "
		  "FROM process p WHERE id = ?1",
		  "UPDATE process SET pos = ?2, version = version + 1 "
		  "WHERE id = ?1" },
		{ "SELECT pos, (SELECT id FROM touchpoint u WHERE "
		  "u.process_id = t.process_id AND u.pos = t.pos + ?2) "
		  "FROM touchpoint t WHERE id = ?1",
		  "UPDATE touchpoint SET pos = ?2, version = version + 1 "
		  "WHERE id = ?1" },
	};
	int k = strcmp(table, "process") == 0 ? 0 : 1;
	sqlite3_stmt *st;
	int64_t other = 0;

	if (store_prepare(s, &st, sql[k][0], err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, delta);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return error_set(err, "запись удалена другим пользователем");
	}
	*from = sqlite3_column_int(st, 0);
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		other = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	*to = *from + delta;
	if (other == 0)
		return error_set(err, delta < 0 ? "запись уже первая" :
		    "запись уже последняя");
	for (int i = 0; i < 2; i++) {
		if (store_prepare(s, &st, sql[k][1], err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, i == 0 ? id : other);
		sqlite3_bind_int(st, 2, i == 0 ? *to : *from);
		if (store_step_done(s, st, "перестановка записей", err) != 0)
			return -1;
	}
	return 0;
}

static int
log_one(struct store_tx *tx, const char *record, int64_t id, int64_t proc_id,
    const char *label, const char *field, const char *old_value,
    const char *new_value, struct error *err)
{
	struct changes ch;
	int rc;

	changes_init(&ch);
	changes_add(&ch, record, id, proc_id, label, field, old_value,
	    new_value, TRIGGER_EDIT);
	rc = store_tx_log(tx, &ch, err);
	changes_fini(&ch);
	return rc;
}

int
store_touchpoint_move(struct store *s, int64_t id, int delta,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct touchpoint tp;
	int64_t proc_id;
	int from, to, rc;
	char a[16], b[16], *label;

	if ((rc = touchpoint_tx_begin(&tx, s, id, &tp, &proc_id, who,
	    err)) < 0) {
		touchpoint_fini(&tp);
		return -1;
	}
	if (rc == 0)
		rc = swap_position(s, "touchpoint", id, delta, &from, &to, err);
	if (rc == 0) {
		snprintf(a, sizeof a, "%d", from);
		snprintf(b, sizeof b, "%d", to);
		label = touchpoint_label(s, id, tp.name);
		rc = log_one(&tx, "точка", id, proc_id, label,
		    "место в процессе", a, b, err);
		free(label);
	}
	touchpoint_fini(&tp);
	return store_tx_end(&tx, rc, err);
}

/* "3 Профилактический визит". */
static char *
process_label(struct store *s, int64_t id, const char *name)
{
	int64_t pos = 0;
	int found = 0;

	if (query_int64(s, "SELECT pos FROM process WHERE id = ?", id, 0, &pos,
	    &found, NULL) != 0 || !found)
		return xstrdup(name);
	return xasprintf("%lld %s", (long long)pos, name);
}

int
store_process_add(struct store *s, const char *name, const struct actor *who,
    int64_t *proc_id, struct error *err)
{
	struct store_tx tx;
	sqlite3_stmt *st;
	char *label;
	int rc;

	if (name == NULL || name[0] == '\0')
		return error_set(err, "п. 2.1: у процесса должно быть название");
	if (store_tx_begin(&tx, s, who, POLICY_PROCESS_EDIT, err) != 0)
		return -1;
	rc = store_prepare(s, &st, "INSERT INTO process (pos, name) VALUES "
	    "((SELECT coalesce(max(pos), 0) + 1 FROM process), ?)", err);
	if (rc == 0) {
		store_bind_text(st, 1, name);
		rc = store_step_done(s, st, "запись процесса", err);
	}
	if (rc == 0) {
		*proc_id = sqlite3_last_insert_rowid(s->db);
		label = process_label(s, *proc_id, name);
		rc = log_one(&tx, "процесс", *proc_id, *proc_id, label,
		    "новый процесс", "", name, err);
		free(label);
	}
	return store_tx_end(&tx, rc, err);
}

int
store_process_rename(struct store *s, int64_t id, const char *name,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct process p;
	sqlite3_stmt *st;
	char *label;
	int rc;

	if (name == NULL || name[0] == '\0')
		return error_set(err, "п. 2.1: у процесса должно быть название");
	if (store_tx_begin(&tx, s, who, POLICY_PROCESS_EDIT, err) != 0)
		return -1;
	memset(&p, 0, sizeof p);
	rc = store_process_load(s, id, &p, err);
	if (rc == 0 && (rc = store_prepare(s, &st, "UPDATE process SET name = ?, "
	    "version = version + 1 WHERE id = ?", err)) == 0) {
		store_bind_text(st, 1, name);
		sqlite3_bind_int64(st, 2, id);
		rc = store_step_done(s, st, "запись процесса", err);
	}
	if (rc == 0) {
		label = process_label(s, id, name);
		rc = log_one(&tx, "процесс", id, id, label, "название", p.name,
		    name, err);
		free(label);
	}
	process_fini(&p);
	return store_tx_end(&tx, rc, err);
}

int
store_process_move(struct store *s, int64_t id, int delta,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct process p;
	int from, to, rc;
	char a[16], b[16], *label;

	if (store_tx_begin(&tx, s, who, POLICY_PROCESS_EDIT, err) != 0)
		return -1;
	memset(&p, 0, sizeof p);
	rc = store_process_load(s, id, &p, err);
	if (rc == 0)
		rc = swap_position(s, "process", id, delta, &from, &to, err);
	if (rc == 0) {
		snprintf(a, sizeof a, "%d", from);
		snprintf(b, sizeof b, "%d", to);
		label = process_label(s, id, p.name);
		rc = log_one(&tx, "процесс", id, id, label, "№ процесса", a, b,
		    err);
		free(label);
	}
	process_fini(&p);
	return store_tx_end(&tx, rc, err);
}

/* Write the excluded flag and reason of process id, log it (п. 5.3.4 out,
 * п. 5.3.1 back in); inside tx. */
static int
write_process_exclusion(struct store_tx *tx, const struct process *old,
    bool excluded, const char *reason, struct error *err)
{
	struct store *s = tx->s;
	struct process now;
	struct changes ch;
	sqlite3_stmt *st;
	char *label;
	int rc;

	if (store_prepare(s, &st, "UPDATE process SET excluded = ?, "
	    "exclude_reason = ?, version = version + 1 WHERE id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int(st, 1, excluded);
	store_bind_text(st, 2, reason);
	sqlite3_bind_int64(st, 3, old->id);
	if (store_step_done(s, st, "запись процесса", err) != 0)
		return -1;
	now = *old;
	now.excluded = excluded;
	now.exclude_reason = (char *)reason;
	changes_init(&ch);
	label = process_label(s, old->id, old->name);
	change_diff_process(old, &now, label, &ch);
	rc = store_tx_log(tx, &ch, err);
	free(label);
	changes_fini(&ch);
	return rc;
}

/* Load process id, check the role and the flag, flip it: one
 * transaction. */
static int
set_process_excluded(struct store *s, int64_t id, bool excluded,
    const char *reason, const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct process p;
	int rc;

	if (store_tx_begin(&tx, s, who, POLICY_PROCESS_EDIT, err) != 0)
		return -1;
	memset(&p, 0, sizeof p);
	rc = store_process_load(s, id, &p, err);
	if (rc == 0 && p.excluded == excluded)
		rc = error_set(err, excluded ? "процесс «%s» уже исключён" :
		    "процесс «%s» не исключён", p.name);
	if (rc == 0)
		rc = write_process_exclusion(&tx, &p, excluded, reason, err);
	process_fini(&p);
	return store_tx_end(&tx, rc, err);
}

int
store_process_exclude(struct store *s, int64_t id, const char *reason,
    const struct actor *who, struct error *err)
{
	if (reason == NULL || reason[0] == '\0')
		return error_set(err, "укажите причину исключения процесса "
		    "(п. 5.3.4)");
	return set_process_excluded(s, id, true, reason, who, err);
}

int
store_process_restore(struct store *s, int64_t id, const struct actor *who,
    struct error *err)
{
	return set_process_excluded(s, id, false, "", who, err);
}

/* Log each field of the header that differs between old and h. */
static void
header_changes(const struct list_header *old, const struct list_header *h,
    struct changes *ch)
{
	const char *fields[] = { "орган", "заглавие", "направление",
	    "орган в родительном падеже" };
	const char *a[] = { old->org, old->title, old->area,
	    old->org_genitive };
	const char *b[] = { h->org, h->title, h->area, h->org_genitive };

	for (int i = 0; i < 4; i++)
		if (strcmp(a[i], b[i]) != 0)
			changes_add(ch, "перечень", 1, 0, "заголовок", fields[i],
			    a[i], b[i], TRIGGER_EDIT);
}

int
store_header_edit(struct store *s,
    void (*apply)(struct list_header *h, void *arg), void *arg,
    const struct actor *who, struct list_header *h, struct error *err)
{
	struct store_tx tx;
	struct list_header old;
	struct changes ch;
	int rc;

	if (store_tx_begin(&tx, s, who, POLICY_HEADER_EDIT, err) != 0)
		return -1;
	list_header_init(&old);
	changes_init(&ch);
	rc = store_get_header(s, &old, err);
	if (rc == 0)
		rc = store_get_header(s, h, err);
	if (rc == 0) {
		apply(h, arg);
		rc = store_set_header(s, h, err);
	}
	if (rc == 0) {
		header_changes(&old, h, &ch);
		rc = store_tx_log(&tx, &ch, err);
	}
	changes_fini(&ch);
	list_header_fini(&old);
	return store_tx_end(&tx, rc, err);
}

/* store_header_edit's apply for a whole header given. */
static void
header_replace(struct list_header *h, void *arg)
{
	const struct list_header *with = arg;

	model_set(&h->org, with->org);
	model_set(&h->title, with->title);
	model_set(&h->area, with->area);
	model_set(&h->org_genitive, with->org_genitive);
}

int
store_header_save(struct store *s, const struct list_header *h,
    const struct actor *who, struct error *err)
{
	struct list_header saved;
	int rc;

	list_header_init(&saved);
	rc = store_header_edit(s, header_replace, (void *)h, who, &saved, err);
	list_header_fini(&saved);
	return rc;
}
