/* store_status.c - the facts the reminder is computed from. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "store_history.h"
#include "store_status.h"

/*
 * The log entries store_revision_approve and store_revision_publish write
 * (store_history.c), review verdicts (store_review.c) and role changes
 * (store_users.c): bookkeeping of the revisions, not changes of the list.
 */
#define STATUS_BOOKKEEPING "NOT ((record = 'перечень' AND field IN " \
	"('утверждение', 'публикация', 'подтверждение утверждения')) OR " \
	"field = 'проверка' OR record = 'пользователь')"

/* A stored ISO date into *out; a damaged one is an error naming it. */
static int
store_status_date(const char *iso, const char *what, int64_t rev,
    struct date *out, struct error *err)
{
	if (date_parse(iso, out, err) == 0)
		return 0;
	error_prefix(err, "%s редакции %lld", what, (long long)rev);
	return -1;
}

/* The latest revision's order and publication into f. */
static int
store_status_revision(struct store *s, struct reminder_facts *f,
    int64_t *after_id, struct error *err)
{
	struct revision r = { 0 };
	bool found;
	int rc;

	*after_id = 0;
	if (store_revision_latest(s, &r, &found, err) != 0)
		return -1;
	f->approved = found;
	if (!found)
		return 0;
	f->revision = r.id;
	*after_id = r.last_change_id;
	model_set(&f->order_no, r.order_no);
	rc = store_status_date(r.order_date, "дата приказа", r.id,
	    &f->order_date, err);
	f->published = r.published_date[0] != '\0';
	if (rc == 0 && f->published)
		rc = store_status_date(r.published_date, "дата размещения",
		    r.id, &f->published_date, err);
	revision_fini(&r);
	return rc;
}

/* Entries after after_id per trigger, bookkeeping left out. */
static int
store_status_counts(struct store *s, int64_t after_id,
    struct reminder_facts *f, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT trigger, count(*) FROM change_log "
	    "WHERE id > ? AND " STATUS_BOOKKEEPING " GROUP BY trigger",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, after_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int t = sqlite3_column_int(st, 0);

		if (t >= 0 && t < TRIGGER_COUNT)
			f->count[t] = (size_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* The local day of the first entry after after_id that requires
 * actualisation (left as it is if there is none). */
static int
store_status_first(struct store *s, int64_t after_id,
    struct reminder_facts *f, struct error *err)
{
	sqlite3_stmt *st;
	char *at = NULL;
	int rc;

	if (store_prepare(s, &st, "SELECT at_utc FROM change_log WHERE id > ? "
	    "AND trigger <> ? ORDER BY id LIMIT 1", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, after_id);
	sqlite3_bind_int(st, 2, TRIGGER_EDIT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		at = store_column_text(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	if (at != NULL && reminder_local_time(at, &f->first_change, NULL,
	    NULL) != 0)
		rc = error_set(err, "журнал изменений: время «%s» не "
		    "распознано", at);
	else
		rc = 0;
	free(at);
	return rc;
}

int
store_status_facts(struct store *s, struct reminder_facts *f,
    struct error *err)
{
	int64_t after_id;
	int rc;

	reminder_facts_fini(f);
	reminder_facts_init(f);
	/* A deferred read transaction: one snapshot, no write lock. */
	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "чтение журнала изменений", err);
	rc = store_status_revision(s, f, &after_id, err);
	if (rc == 0)
		rc = store_status_counts(s, after_id, f, err);
	if (rc == 0)
		rc = store_status_first(s, after_id, f, err);
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}
