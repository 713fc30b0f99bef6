/* store_history.c - the change log read back; approved revisions. */
#include "store_int.h"
#include "store_chain.h"
#include "store_tx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "reminder.h"
#include "store_approval.h"
#include "store_history.h"
#include "store_users.h"

void
revision_fini(struct revision *r)
{
	free(r->order_no);
	free(r->order_date);
	free(r->approved_utc);
	free(r->approved_by);
	free(r->published_date);
	free(r->published_url);
	free(r->published_utc);
	free(r->published_by);
	free(r->cycle_start);
	free(r->cycle_due);
	memset(r, 0, sizeof *r);
}

void
revisions_fini(struct revisions *r)
{
	for (size_t i = 0; i < r->n; i++)
		revision_fini(&r->v[i]);
	free(r->v);
	memset(r, 0, sizeof *r);
}

int
store_log_query(struct store *s, const struct log_filter *f,
    struct changes *out, struct error *err)
{
	struct buf sql;
	sqlite3_stmt *st;
	int rc;

	buf_init(&sql);
	buf_puts(&sql, "SELECT id, at_utc, login, record, record_id, "
	    "coalesce(process_id, 0), label, field, old_value, new_value, "
	    "trigger FROM change_log WHERE id > ?1 "
	    "AND (?2 = '' OR at_utc >= ?2) AND (?3 = '' OR at_utc < ?3) "
	    "AND (?4 < 0 OR trigger = ?4) AND (?5 IS NULL OR login = ?5) "
	    "AND (?7 = 0 OR id < ?7) ");
	buf_puts(&sql, f->oldest_first ? "ORDER BY id" : "ORDER BY id DESC");
	buf_puts(&sql, " LIMIT ?6");
	rc = store_prepare(s, &st, sql.data, err);
	buf_fini(&sql);
	if (rc != 0)
		return -1;
	sqlite3_bind_int64(st, 1, f->after_id);
	store_bind_text(st, 2, f->since_utc);
	store_bind_text(st, 3, f->until_utc);
	sqlite3_bind_int(st, 4, f->trigger);
	if (f->login != NULL)
		store_bind_text(st, 5, f->login);
	sqlite3_bind_int64(st, 6, f->limit > 0 ? (int64_t)f->limit : -1);
	sqlite3_bind_int64(st, 7, f->before_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct change *c = changes_add(out,
		    (const char *)sqlite3_column_text(st, 3),
		    sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
		    (const char *)sqlite3_column_text(st, 6),
		    (const char *)sqlite3_column_text(st, 7),
		    (const char *)sqlite3_column_text(st, 8),
		    (const char *)sqlite3_column_text(st, 9),
		    (enum trigger)sqlite3_column_int(st, 10));

		c->id = sqlite3_column_int64(st, 0);
		model_set(&c->at_utc, (const char *)sqlite3_column_text(st, 1));
		model_set(&c->login, (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

int
store_log_last_id(struct store *s, int64_t *id, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "SELECT coalesce(max(id), 0) FROM change_log",
	    err) != 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_fail(s, "чтение журнала изменений", err);
	}
	*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Copy the working list into the revision's frozen tables. */
static int
freeze(struct store *s, int64_t rev, struct error *err)
{
	static const char *const sql[] = {
		"INSERT INTO rev_header (revision_id, org, title, area, "
		"org_genitive) SELECT ?1, org, title, area, org_genitive "
		"FROM list_header WHERE id = 1",
		"INSERT INTO rev_process (revision_id, id, pos, name, excluded, "
		"exclude_reason) SELECT ?1, id, pos, name, excluded, "
		"exclude_reason FROM process",
		"INSERT INTO rev_touchpoint (revision_id, id, process_id, pos, "
		"name, kind, channel, specifics, is_key, basis_type, basis, unit, "
		"audience, max_transfers, ack_receipt, excluded, exclude_reason) "
		"SELECT ?1, id, process_id, pos, name, kind, channel, specifics, "
		"is_key, basis_type, basis, unit, audience, max_transfers, "
		"ack_receipt, excluded, exclude_reason FROM touchpoint",
		"INSERT INTO rev_contact (revision_id, touchpoint_id, pos, type, "
		"value) SELECT ?1, touchpoint_id, pos, type, value FROM contact",
		"INSERT INTO rev_need (revision_id, touchpoint_id, id, pos, "
		"wording, category) SELECT ?1, touchpoint_id, id, pos, wording, "
		"category FROM need",
	};

	/* Read inside the approval's transaction: nothing is frozen
	 * without the header an annex needs (R0). */
	if (store_approval_header(s, err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;

		if (store_prepare(s, &st, sql[i], err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, rev);
		if (store_step_done(s, st, "сохранение редакции", err) != 0)
			return -1;
	}
	return 0;
}

static int
set_header_order(struct store *s, const char *no, const char *date,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "UPDATE list_header SET order_no = ?, "
	    "order_date = ?, version = version + 1 WHERE id = 1", err) != 0)
		return -1;
	store_bind_text(st, 1, no);
	store_bind_text(st, 2, date);
	return store_step_done(s, st, "запись реквизитов приказа", err);
}

/* An ISO date as the clerk reads it (ДД.ММ.ГГГГ) into buf; as it is
 * if it is not one. */
static const char *
shown_date(const char *iso, char *buf)
{
	struct date d;

	if (date_parse(iso, &d, NULL) != 0)
		return iso;
	return date_format(d, buf);
}

/* The confirmation that the list is approved with unreviewed changes,
 * logged before the approval so that the revision includes it. */
static int
log_unreviewed(struct store *s, const char *note, const struct actor *who,
    struct error *err)
{
	struct changes ch;
	int rc;

	if (note == NULL || note[0] == '\0')
		return 0;
	changes_init(&ch);
	changes_add(&ch, "перечень", 0, 0, "перечень",
	    "подтверждение утверждения", "", note, TRIGGER_EDIT);
	rc = store_log_changes(s, &ch, who, err);
	changes_fini(&ch);
	return rc;
}

int
store_revision_approve(struct store *s, const char *order_no,
    const char *order_date, const struct actor *who, int64_t *rev_id,
    struct error *err)
{
	return store_revision_approve_unreviewed(s, order_no, order_date, NULL,
	    NULL, who, rev_id, err);
}

/*
 * The cycle the approval closes, as ISO days into start and due ("" for
 * none): the changes under п. 5.3 since the revision before and the 10th
 * working day after they began (п. 5.4), or due "" without cal.  Inside
 * the approval's transaction, so no change slips between.
 */
static int
approval_cycle(struct store *s, const struct calendar *cal, char *start,
    char *due, struct error *err)
{
	struct reminder_facts f;
	struct calendar_note note;
	struct date d;
	int rc;

	start[0] = due[0] = '\0';
	reminder_facts_init(&f);
	rc = store_status_gather(s, NULL, &f, err);
	if (rc == 0 && f.approved && reminder_pending(&f) > 0) {
		date_format_iso(f.first_change, start);
		if (cal != NULL) {
			rc = calendar_add_working_days(cal, f.first_change,
			    REMINDER_WORKING_DAYS, &d, &note, err);
			if (rc == 0)
				date_format_iso(d, due);
		}
	}
	reminder_facts_fini(&f);
	return rc;
}

/* Write the revision row of an approval (approving the list if asked
 * to, or if it is the first: nothing came before to amend); *last gets
 * the log entry before its own. */
static int
insert_revision(struct store *s, const char *order_no, const char *order_date,
    const struct calendar *cal, const struct actor *who, bool approves,
    int64_t *last, int64_t *rev_id, struct error *err)
{
	char start[DATE_BUFSZ], due[DATE_BUFSZ];
	sqlite3_stmt *st;

	if (approval_cycle(s, cal, start, due, err) != 0 ||
	    store_log_last_id(s, last, err) != 0 ||
	    store_prepare(s, &st, "INSERT INTO revision (order_no, "
	    "order_date, approved_utc, approved_by, last_change_id, "
	    "cycle_start, cycle_due, approves) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "?8 OR NOT EXISTS (SELECT 1 FROM revision))", err) != 0)
		return -1;
	store_bind_text(st, 1, order_no);
	store_bind_text(st, 2, order_date);
	store_bind_text(st, 3, who->now_utc);
	store_bind_text(st, 4, who->login);
	/* The approval's own log entry belongs to it too. */
	sqlite3_bind_int64(st, 5, *last + 1);
	store_bind_text(st, 6, start);
	store_bind_text(st, 7, due);
	sqlite3_bind_int(st, 8, approves);
	if (store_step_done(s, st, "запись редакции", err) != 0)
		return -1;
	*rev_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* Whether revision rev approves the list (the log entry says so). */
static int
revision_approves(struct store *s, int64_t rev, bool *approves,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT approves FROM revision WHERE id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	rc = sqlite3_step(st);
	*approves = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "чтение редакции", err);
	return 0;
}

static int
revision_approve_locked(struct store_tx *tx, const char *order_no,
    const char *order_date, const char *note, const struct calendar *cal,
    bool approves, int64_t *rev_id, struct error *err)
{
	struct store *s = tx->s;
	struct changes ch;
	int64_t last;
	char *what, day[DATE_BUFSZ];
	int rc;

	if (order_no == NULL || order_no[0] == '\0')
		return error_set(err, "укажите номер приказа об утверждении");
	rc = log_unreviewed(s, note, tx->who, err);
	if (rc == 0)
		rc = insert_revision(s, order_no, order_date, cal, tx->who,
		    approves, &last, rev_id, err);
	if (rc == 0)
		rc = freeze(s, *rev_id, err);
	if (rc == 0)
		rc = store_chain_seal_revision(s, *rev_id, err);
	if (rc == 0)
		rc = set_header_order(s, order_no, order_date, err);
	if (rc == 0)
		rc = revision_approves(s, *rev_id, &approves, err);
	if (rc != 0)
		return -1;
	changes_init(&ch);
	what = xasprintf("редакция %lld: приказ от %s № %s (%s)",
	    (long long)*rev_id, shown_date(order_date, day), order_no,
	    approves ? "утверждение" : "изменение");
	changes_add(&ch, "перечень", *rev_id, 0, "перечень", "утверждение", "",
	    what, TRIGGER_EDIT);
	rc = store_tx_log(tx, &ch, err);
	/* The entry's id must be the one recorded as included. */
	if (rc == 0 && ch.v[0].id != last + 1)
		rc = error_set(err, "журнал изменений изменился во время "
		    "утверждения; повторите");
	changes_fini(&ch);
	free(what);
	return rc;
}

int
store_revision_approve_unreviewed(struct store *s, const char *order_no,
    const char *order_date, const char *note, const struct calendar *cal,
    const struct actor *who, int64_t *rev_id, struct error *err)
{
	struct store_tx tx;

	if (store_tx_begin(&tx, s, who, POLICY_APPROVE, err) != 0)
		return -1;
	return store_tx_end(&tx, revision_approve_locked(&tx, order_no,
	    order_date, note, cal, false, rev_id, err), err);
}

int
store_revision_approve_in(struct store_tx *tx, const char *order_no,
    const char *order_date, int64_t *rev_id, struct error *err)
{
	if (store_users_permit(tx->s, tx->who->login, POLICY_APPROVE, NULL,
	    NULL, err) != 0)
		return -1;
	return revision_approve_locked(tx, order_no, order_date, NULL, NULL,
	    true, rev_id, err);
}

/* What the clerk consented to no longer describes the list (the
 * editor's confirmation, given on a gate shown earlier): ask again about
 * all that holds it back now. */
static int
consent_outdated(const struct store_approval_gate *g, const char *seen,
    const char *note)
{
	if (seen == NULL || note == NULL || strcmp(seen, note) == 0)
		return 0;
	return (g->errors > 0 ? APPROVAL_ASK_ERRORS : 0) |
	    (g->unaccepted.n > 0 ? APPROVAL_ASK_UNREVIEWED : 0);
}

int
store_revision_approve_checked(struct store *s,
    const struct store_approval_request *rq,
    const struct actor *who, struct store_approval_gate *g, int64_t *rev,
    struct error *err)
{
	struct store_tx tx;
	char *note = NULL;
	size_t tps;
	int ask;

	if (store_tx_begin(&tx, s, who, POLICY_APPROVE, err) != 0)
		return -1;
	ask = store_count(s, NULL, &tps, NULL, err);
	/* Nothing to approve says so before what the header lacks. */
	if (ask == 0)
		ask = approval_check_list(tps, err);
	if (ask == 0)
		ask = store_approval_gate(s, g, err);
	if (ask == 0)
		ask = approval_preconditions(tps, g->errors, g->unaccepted.n,
		    &rq->consent, err);
	if (ask == 0) {
		note = store_approval_note(g);
		ask = consent_outdated(g, rq->seen_note, note);
	}
	if (ask != 0) {
		free(note);
		store_tx_end(&tx, -1, err);
		return ask;
	}
	ask = revision_approve_locked(&tx, rq->order_no, rq->order_date,
	    note, rq->cal, rq->approves, rev, err);
	free(note);
	return store_tx_end(&tx, ask, err);
}

int
store_revision_publish(struct store *s, int64_t rev_id, const char *date,
    const char *url, const struct actor *who, struct error *err)
{
	return store_revision_publish_seen(s, rev_id, 0, date, url, who, err);
}

int
store_revision_publish_seen(struct store *s, int64_t rev_id,
    int64_t seen_latest, const char *date, const char *url,
    const struct actor *who, struct error *err)
{
	struct store_tx tx;
	struct revision r = { 0 };
	struct changes ch;
	sqlite3_stmt *st;
	bool found;
	char *what, day[DATE_BUFSZ];
	int rc;

	if (store_tx_begin(&tx, s, who, POLICY_APPROVE, err) != 0)
		return -1;
	rc = store_revision_latest(s, &r, &found, err);
	if (rc == 0 && !found)
		rc = error_set(err, "перечень ещё не утверждён: сначала "
		    "«perechen approve» (п. 5.1)");
	if (rc == 0 && seen_latest != 0 && r.id != seen_latest)
		rc = error_set(err, "тем временем утверждена редакция %lld "
		    "(приказ № %s): проверьте, какую редакцию размещаете, и "
		    "повторите", (long long)r.id, r.order_no);
	if (rc == 0 && rev_id == 0)
		rev_id = r.id;
	if (rc == 0)
		rc = store_prepare(s, &st, "UPDATE revision SET published_date = "
		    "?, published_url = ?, published_utc = ?, published_by = ? "
		    "WHERE id = ?", err);
	if (rc == 0) {
		store_bind_text(st, 1, date);
		store_bind_text(st, 2, url);
		store_bind_text(st, 3, who->now_utc);
		store_bind_text(st, 4, who->login);
		sqlite3_bind_int64(st, 5, rev_id);
		rc = store_step_done(s, st, "запись публикации", err);
		if (rc == 0 && sqlite3_changes(s->db) == 0)
			rc = error_set(err, "редакции %lld нет",
			    (long long)rev_id);
	}
	if (rc == 0) {
		changes_init(&ch);
		what = xasprintf("редакция %lld размещена на сайте %s%s%s",
		    (long long)rev_id, shown_date(date, day), url[0] ? ": " : "",
		    url);
		changes_add(&ch, "перечень", rev_id, 0, "перечень",
		    "публикация", "", what, TRIGGER_EDIT);
		rc = store_tx_log(&tx, &ch, err);
		changes_fini(&ch);
		free(what);
	}
	revision_fini(&r);
	return store_tx_end(&tx, rc, err);
}

static const char revision_columns[] = "SELECT id, order_no, order_date, "
    "approved_utc, approved_by, last_change_id, published_date, "
    "published_url, published_utc, published_by, cycle_start, cycle_due, "
    "approves FROM revision ";

static void
read_revision(sqlite3_stmt *st, struct revision *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->order_no = store_column_text(st, 1);
	r->order_date = store_column_text(st, 2);
	r->approved_utc = store_column_text(st, 3);
	r->approved_by = store_column_text(st, 4);
	r->last_change_id = sqlite3_column_int64(st, 5);
	r->published_date = store_column_text(st, 6);
	r->published_url = store_column_text(st, 7);
	r->published_utc = store_column_text(st, 8);
	r->published_by = store_column_text(st, 9);
	r->cycle_start = store_column_text(st, 10);
	r->cycle_due = store_column_text(st, 11);
	r->approves = sqlite3_column_int(st, 12) != 0;
}

int
store_revisions_list(struct store *s, struct revisions *out,
    struct error *err)
{
	char sql[sizeof revision_columns + 32];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "%sORDER BY id", revision_columns);
	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		read_revision(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение редакций", err);
	return 0;
}

int
store_revision_latest(struct store *s, struct revision *r, bool *found,
    struct error *err)
{
	char sql[sizeof revision_columns + 32];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "%sORDER BY id DESC LIMIT 1",
	    revision_columns);
	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_revision(st, r);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение редакций", err);
	return 0;
}

int
store_revision_load_list(struct store *s, int64_t rev, struct list *l,
    struct error *err)
{
	if (rev <= 0)
		return error_set(err, "редакции %lld нет", (long long)rev);
	return store_list_load(s, rev, l, err);
}
