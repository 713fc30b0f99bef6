/*
 * store_changed.c - a row of the editor against the latest approved
 * revision (store_changed.h).  The comparisons are change_diff_lists's,
 * field by field, written in SQL against the frozen tables.
 */
#include "store_int.h"

#include "model.h"
#include "store_changed.h"

/*
 * Children compared as sets of (position, values…): positions are 1, 2, …
 * on both sides, so equal sets are equal lists.  Needs by wording and
 * category, contacts by value, as change_needs_text and
 * change_contacts_text compare them.
 */
#define CHANGED_CHILDREN(cols, table, rtable) \
	"EXISTS (SELECT " cols " FROM " table " WHERE touchpoint_id = t.id " \
	"EXCEPT SELECT " cols " FROM " rtable " WHERE revision_id = ?1 AND " \
	"touchpoint_id = t.id) OR EXISTS (SELECT " cols " FROM " rtable \
	" WHERE revision_id = ?1 AND touchpoint_id = t.id EXCEPT SELECT " \
	cols " FROM " table " WHERE touchpoint_id = t.id)"

/* ?1 revision, ?2 touchpoint, ?3 AUDIENCE_INTERNAL. */
static const char changed_tp_sql[] =
	"SELECT r.id IS NULL OR t.name <> r.name OR "
	"coalesce(t.kind, '') <> coalesce(r.kind, '') OR "
	"t.channel <> r.channel OR t.specifics <> r.specifics OR "
	"(t.is_key <> 0) <> (r.is_key <> 0) OR "
	"t.basis_type <> r.basis_type OR t.basis <> r.basis OR "
	"t.unit <> r.unit OR (t.audience = ?3) <> (r.audience = ?3) OR "
	"t.max_transfers IS NOT r.max_transfers OR "
	"coalesce(t.ack_receipt <> 0, -1) <> coalesce(r.ack_receipt <> 0, -1) "
	"OR (t.excluded <> 0) <> (r.excluded <> 0) OR "
	"(t.excluded <> 0 AND t.exclude_reason <> r.exclude_reason) OR "
	CHANGED_CHILDREN("pos, wording, coalesce(category, 0)", "need",
	    "rev_need") " OR "
	CHANGED_CHILDREN("pos, value", "contact", "rev_contact") " "
	"FROM touchpoint t LEFT JOIN rev_touchpoint r ON r.revision_id = ?1 "
	"AND r.id = t.id WHERE t.id = ?2";

/* ?1 revision, ?2 process. */
static const char changed_proc_sql[] =
	"SELECT r.id IS NULL OR p.name <> r.name OR "
	"(p.excluded <> 0) <> (r.excluded <> 0) OR "
	"(p.excluded <> 0 AND p.exclude_reason <> r.exclude_reason) "
	"FROM process p LEFT JOIN rev_process r ON r.revision_id = ?1 AND "
	"r.id = p.id WHERE p.id = ?2";

int
store_changed_revision(struct store *s, int64_t *rev, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT coalesce(max(id), 0) FROM revision",
	    err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*rev = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "чтение редакций", err);
	return 0;
}

/* Run a comparison of one record: *changed from its one row (false if
 * the record is gone). */
static int
store_changed_run(struct store *s, const char *sql, int64_t rev, int64_t id,
    bool *changed, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*changed = false;
	if (rev == 0)
		return 0;
	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int(st, 3, AUDIENCE_INTERNAL);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*changed = sqlite3_column_int(st, 0) != 0;
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "сравнение с утверждённой редакцией", err);
	return 0;
}

int
store_changed_touchpoint(struct store *s, int64_t rev, int64_t tp_id,
    bool *changed, struct error *err)
{
	return store_changed_run(s, changed_tp_sql, rev, tp_id, changed, err);
}

int
store_changed_process(struct store *s, int64_t rev, int64_t proc_id,
    bool *changed, struct error *err)
{
	return store_changed_run(s, changed_proc_sql, rev, proc_id, changed,
	    err);
}
