/*
 * store_status.c - the facts the reminder is computed from: what differs
 * between the working copy and the latest approved revision (compared in
 * SQL, table against frozen table, by the records' ids), and since when
 * (from the change log's old and new values).
 */
#include "store_int.h"

#include <stdio.h>
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

/*
 * The records to compare.  Every edit of the list logs each record it
 * changes (store_edit.c), so after the revision only the records its log
 * entries name can differ, and comparing those alone keeps the reminder
 * as quick for 100 000 touchpoints as for 20.  A load from a file
 * replaces the list with one entry for all: after one, every record is
 * compared.  ?6 is the revision's last log entry.
 */
#define STATUS_NAMED(rec) "(SELECT record_id FROM change_log WHERE " \
	"id > ?6 AND record = '" rec "')"
#define STATUS_NAMED_TP STATUS_NAMED("точка")
#define STATUS_NAMED_PROC STATUS_NAMED("процесс")

/* The working and frozen rows of each table, all or the named only. */
#define STATUS_ALL(table) "(SELECT * FROM " table ")"
#define STATUS_FROZEN(table) "(SELECT * FROM " table " WHERE " \
	"revision_id = ?1)"
#define STATUS_SOME(table, col, named) "(SELECT * FROM " table " WHERE " \
	col " IN " named ")"
#define STATUS_FROZEN_SOME(table, col, named) "(SELECT * FROM " table \
	" WHERE revision_id = ?1 AND " col " IN " named ")"

/* Both in the list: a touchpoint in the revision and in the working copy,
 * excluded from neither (the diff tells nothing else about it). */
#define STATUS_BOTH_IN "t.excluded = 0 AND r.excluded = 0"
#define STATUS_REV_TP "rev_touchpoint r ON r.revision_id = ?1 AND r.id = t.id"

/* Touchpoints whose children differ, as (tp): both sides compared as
 * sets of (position, values…) - the positions are 1, 2, … on both, so
 * this compares the order as well. */
#define STATUS_CHILDREN_DIFF(cols, w, r) "(SELECT tp FROM (" \
	"SELECT touchpoint_id AS tp, " cols " FROM " w " EXCEPT " \
	"SELECT touchpoint_id, " cols " FROM " r ") UNION SELECT tp FROM (" \
	"SELECT touchpoint_id AS tp, " cols " FROM " r " EXCEPT " \
	"SELECT touchpoint_id, " cols " FROM " w "))"
/* Needs by wording and category, contacts by value, as the diff does. */
#define STATUS_NEED_COLS "pos, wording, coalesce(category, 0)"
#define STATUS_CONTACT_COLS "pos, value"

/*
 * The net difference under п. 5.3, one row (trigger, is a process, id) per
 * record and trigger, exactly as change_diff_lists and "perechen diff"
 * count it: a touchpoint that came into the list (new, or back from an
 * exclusion) 5.3.1; one that left it (excluded, or gone) 5.3.4; one in
 * the list on both sides with another kind or channel 5.3.2 (once), with
 * other needs 5.3.3; a process excluded or brought back.  TP, PROC: the
 * working rows compared; RTP, RPROC: the frozen ones; NEED, RNEED: the
 * needs.  ?1 revision, ?2 TRIGGER_NEW, ?3 TRIGGER_EXCLUDED, ?4
 * TRIGGER_KIND, ?5 TRIGGER_NEEDS.
 */
#define STATUS_DIFF_SQL(TP, RTP, PROC, NEED, RNEED) \
	"SELECT CASE WHEN t.excluded <> 0 THEN ?3 ELSE ?2 END, 0, t.id " \
	"FROM " TP " t LEFT JOIN " STATUS_REV_TP " " \
	"WHERE CASE WHEN r.id IS NULL THEN t.excluded = 0 " \
	"ELSE (r.excluded <> 0) <> (t.excluded <> 0) END " \
	"UNION ALL " \
	"SELECT ?3, 0, r.id FROM " RTP " r WHERE r.excluded = 0 AND " \
	"NOT EXISTS (SELECT 1 FROM touchpoint t WHERE t.id = r.id) " \
	"UNION ALL " \
	"SELECT ?4, 0, t.id FROM " TP " t JOIN " STATUS_REV_TP " " \
	"WHERE " STATUS_BOTH_IN " AND (coalesce(t.kind, '') <> " \
	"coalesce(r.kind, '') OR t.channel <> r.channel) " \
	"UNION ALL " \
	"SELECT ?5, 0, t.id FROM " STATUS_CHILDREN_DIFF(STATUS_NEED_COLS, \
	NEED, RNEED) " d JOIN touchpoint t ON t.id = d.tp JOIN " \
	STATUS_REV_TP " WHERE " STATUS_BOTH_IN " " \
	"UNION ALL " \
	"SELECT CASE WHEN p.excluded <> 0 THEN ?3 ELSE ?2 END, 1, p.id " \
	"FROM " PROC " p JOIN rev_process r ON r.revision_id = ?1 AND " \
	"r.id = p.id WHERE (p.excluded <> 0) <> (r.excluded <> 0)"

/*
 * The editorial differences, as many as the diff lists: each other field
 * of a touchpoint in the list on both sides, its contacts, and of a
 * process its being new, renamed, gone, or a new reason for an exclusion
 * it keeps.  ?1 revision, ?2 AUDIENCE_INTERNAL.
 */
#define STATUS_EDIT_SQL(TP, PROC, RPROC, CONTACT, RCONTACT) \
	"SELECT (SELECT coalesce(sum((t.name <> r.name) + " \
	"(t.specifics <> r.specifics) + ((t.is_key <> 0) <> (r.is_key <> 0)) + " \
	"(t.basis_type <> r.basis_type) + (t.basis <> r.basis) + " \
	"(t.unit <> r.unit) + ((t.audience = ?2) <> (r.audience = ?2)) + " \
	"(t.max_transfers IS NOT r.max_transfers) + " \
	"(coalesce(t.ack_receipt <> 0, -1) <> coalesce(r.ack_receipt <> 0, " \
	"-1))), 0) FROM " TP " t JOIN " STATUS_REV_TP " WHERE " \
	STATUS_BOTH_IN ") + " \
	"(SELECT count(*) FROM " STATUS_CHILDREN_DIFF(STATUS_CONTACT_COLS, \
	CONTACT, RCONTACT) " d JOIN touchpoint t ON t.id = d.tp JOIN " \
	STATUS_REV_TP " WHERE " STATUS_BOTH_IN ") + " \
	"(SELECT count(*) FROM " PROC " p WHERE NOT EXISTS (SELECT 1 FROM " \
	"rev_process r WHERE r.revision_id = ?1 AND r.id = p.id)) + " \
	"(SELECT coalesce(sum((p.name <> r.name) + (p.excluded <> 0 AND " \
	"r.excluded <> 0 AND p.exclude_reason <> r.exclude_reason)), 0) " \
	"FROM " PROC " p JOIN rev_process r ON r.revision_id = ?1 AND " \
	"r.id = p.id) + " \
	"(SELECT count(*) FROM " RPROC " r WHERE NOT EXISTS (SELECT 1 FROM " \
	"process p WHERE p.id = r.id))"

/* [0]: every record (after a load from a file); [1]: the named only. */
static const char *const status_diff_sql[2] = {
	STATUS_DIFF_SQL(STATUS_ALL("touchpoint"),
	    STATUS_FROZEN("rev_touchpoint"), STATUS_ALL("process"),
	    STATUS_ALL("need"), STATUS_FROZEN("rev_need")),
	STATUS_DIFF_SQL(STATUS_SOME("touchpoint", "id", STATUS_NAMED_TP),
	    STATUS_FROZEN_SOME("rev_touchpoint", "id", STATUS_NAMED_TP),
	    STATUS_SOME("process", "id", STATUS_NAMED_PROC),
	    STATUS_SOME("need", "touchpoint_id", STATUS_NAMED_TP),
	    STATUS_FROZEN_SOME("rev_need", "touchpoint_id", STATUS_NAMED_TP)),
};
static const char *const status_edit_sql[2] = {
	STATUS_EDIT_SQL(STATUS_ALL("touchpoint"), STATUS_ALL("process"),
	    STATUS_FROZEN("rev_process"), STATUS_ALL("contact"),
	    STATUS_FROZEN("rev_contact")),
	STATUS_EDIT_SQL(STATUS_SOME("touchpoint", "id", STATUS_NAMED_TP),
	    STATUS_SOME("process", "id", STATUS_NAMED_PROC),
	    STATUS_FROZEN_SOME("rev_process", "id", STATUS_NAMED_PROC),
	    STATUS_SOME("contact", "touchpoint_id", STATUS_NAMED_TP),
	    STATUS_FROZEN_SOME("rev_contact", "touchpoint_id",
	    STATUS_NAMED_TP)),
};

/* The revision the reminder stands on, and the bounds of its log. */
struct status_scope {
	bool	 found;
	bool	 latest;	/* no revision was approved after it */
	int64_t	 after;		/* its last change-log entry */
	char	 cut[REMINDER_UTC_BUFSZ]; /* entries before this only; "" all */
	char	 day[DATE_BUFSZ]; /* the day as of which (ISO), "" now */
};

/*
 * The slots of a record's state the log tells: whether it is in the list,
 * its kind (and, in entries written before a kind and its channel were
 * one change, its channel on its own), its needs.
 */
enum status_slot {
	SLOT_PRESENCE, SLOT_KIND, SLOT_CHANNEL, SLOT_NEEDS, SLOT_COUNT
};

/* One slot of one record as the log after the revision tells it. */
struct status_value {
	bool	 seen;
	char	*rev;		/* its value in the revision */
	char	*cur;		/* its value after the last entry */
	char	 start[REMINDER_UTC_BUFSZ]; /* the entry that began its present
				 * difference; "" while it equals rev */
};

/* One record's difference under one trigger, by the log. */
struct status_diff {
	int	 process;	/* 1 for a process, 0 for a touchpoint */
	int64_t	 id;
	int	 trigger;
	char	 start[REMINDER_UTC_BUFSZ];
};

struct status_diffs {
	struct status_diff *v;
	size_t	 n;
	size_t	 cap;
};

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

/* The revision's cycle (п. 5.4) into f: none if it recorded none. */
static int
store_status_cycle_facts(const char *start, const char *due, int64_t rev,
    struct reminder_facts *f, struct error *err)
{
	f->cycle = start[0] != '\0';
	if (!f->cycle)
		return 0;
	if (store_status_date(start, "начало актуализации", rev,
	    &f->cycle_start, err) != 0)
		return -1;
	f->cycle_due_known = due[0] != '\0';
	if (f->cycle_due_known && store_status_date(due, "срок актуализации",
	    rev, &f->cycle_due, err) != 0)
		return -1;
	return 0;
}

/* The row of the revision in force into f and sc. */
static int
store_status_read_revision(sqlite3_stmt *st, struct status_scope *sc,
    struct reminder_facts *f, struct error *err)
{
	const char *pub = (const char *)sqlite3_column_text(st, 4);
	int64_t id = sqlite3_column_int64(st, 0);

	sc->found = f->approved = true;
	sc->latest = sqlite3_column_int(st, 7) != 0;
	sc->after = sqlite3_column_int64(st, 3);
	f->revision = id;
	model_set(&f->order_no, (const char *)sqlite3_column_text(st, 1));
	if (store_status_date((const char *)sqlite3_column_text(st, 2),
	    "дата приказа", id, &f->order_date, err) != 0)
		return -1;
	/* As of a past day, a publication after it had not happened. */
	f->published = pub[0] != '\0' && (sc->day[0] == '\0' ||
	    strcmp(pub, sc->day) <= 0);
	if (f->published && store_status_date(pub, "дата размещения", id,
	    &f->published_date, err) != 0)
		return -1;
	return store_status_cycle_facts(
	    (const char *)sqlite3_column_text(st, 5),
	    (const char *)sqlite3_column_text(st, 6), id, f, err);
}

/* The revision in force on sc->day (its order dated by then; the latest
 * if no day), its order, publication and cycle into f. */
static int
store_status_revision(struct store *s, struct status_scope *sc,
    struct reminder_facts *f, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT id, order_no, order_date, "
	    "last_change_id, published_date, cycle_start, cycle_due, "
	    "id = (SELECT max(id) FROM revision) FROM revision "
	    "WHERE ?1 = '' OR order_date <= ?1 ORDER BY id DESC LIMIT 1",
	    err) != 0)
		return -1;
	store_bind_text(st, 1, sc->day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = store_status_read_revision(st, sc, f, err) == 0 ?
		    SQLITE_DONE : -1;
	sqlite3_finalize(st);
	if (rc == -1)
		return -1;
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение редакций", err);
	return 0;
}

/* Entries after the revision and before the cut per trigger into f,
 * bookkeeping left out. */
static int
store_status_log_counts(struct store *s, const struct status_scope *sc,
    size_t *count, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT trigger, count(*) FROM change_log "
	    "WHERE id > ?1 AND (?2 = '' OR at_utc < ?2) AND "
	    STATUS_BOOKKEEPING " GROUP BY trigger", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, sc->after);
	store_bind_text(st, 2, sc->cut);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int t = sqlite3_column_int(st, 0);

		if (t >= 0 && t < TRIGGER_COUNT)
			count[t] = (size_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* The time of the first entry after the revision (and before the cut)
 * that requires actualisation into at ("" if none). */
static int
store_status_first_entry(struct store *s, const struct status_scope *sc,
    char *at, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	at[0] = '\0';
	if (store_prepare(s, &st, "SELECT at_utc FROM change_log WHERE id > ?1 "
	    "AND (?2 = '' OR at_utc < ?2) AND trigger <> ?3 AND "
	    STATUS_BOOKKEEPING " ORDER BY id LIMIT 1", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, sc->after);
	store_bind_text(st, 2, sc->cut);
	sqlite3_bind_int(st, 3, TRIGGER_EDIT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(at, REMINDER_UTC_BUFSZ, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* Whether the log has entries at or after the cut (after the revision):
 * then the tables show a later state than the day asked about. */
static int
store_status_later_entries(struct store *s, const struct status_scope *sc,
    bool *later, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*later = false;
	if (sc->cut[0] == '\0')
		return 0;
	if (store_prepare(s, &st, "SELECT 1 FROM change_log WHERE id > ?1 AND "
	    "at_utc >= ?2 LIMIT 1", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, sc->after);
	store_bind_text(st, 2, sc->cut);
	rc = sqlite3_step(st);
	*later = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* The slot an entry's field belongs to, or -1. */
static int
status_slot_of(const char *field)
{
	static const struct {
		const char *field;
		enum status_slot slot;
	} slots[] = {
		{ "новая точка", SLOT_PRESENCE },
		{ "исключение", SLOT_PRESENCE },
		{ "вид точки", SLOT_KIND },
		{ "тип канала", SLOT_CHANNEL },
		{ "потребности", SLOT_NEEDS },
	};

	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
		if (strcmp(field, slots[i].field) == 0)
			return (int)slots[i].slot;
	return -1;
}

/*
 * An entry's value as the state of its slot: for presence "в перечне" or
 * "вне перечня" (a new touchpoint was out before, in after; an exclusion
 * reads "исключена: причина", a return "возвращена в перечень"), for the
 * others the value itself.
 */
static const char *
status_state(enum status_slot slot, const char *field, const char *value,
    bool before)
{
	static const char excluded[] = "исключ";

	if (slot != SLOT_PRESENCE)
		return value;
	if (strcmp(field, "новая точка") == 0)
		return before ? "вне перечня" : "в перечне";
	return strncmp(value, excluded, strlen(excluded)) == 0 ?
	    "вне перечня" : "в перечне";
}

/*
 * Apply one entry to its slot.  The revision's value is the old value of
 * the first entry after it (every change of the list is logged with what
 * it replaced); an entry that brings the value back to it ends the
 * difference, and the next one that departs from it starts a new one.
 */
static void
status_apply(struct status_value *v, enum status_slot slot, const char *field,
    const char *at, const char *old_value, const char *new_value)
{
	if (!v->seen) {
		v->seen = true;
		v->rev = xstrdup(status_state(slot, field, old_value, true));
		v->cur = xstrdup(v->rev);
	}
	model_set(&v->cur, status_state(slot, field, new_value, false));
	if (strcmp(v->cur, v->rev) == 0)
		v->start[0] = '\0';
	else if (v->start[0] == '\0')
		snprintf(v->start, sizeof v->start, "%s", at);
}

/* Append one record's difference under trigger t begun at start. */
static void
status_diffs_add(struct status_diffs *d, int process, int64_t id, int t,
    const char *start)
{
	struct status_diff *x;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	x = &d->v[d->n++];
	x->process = process;
	x->id = id;
	x->trigger = t;
	snprintf(x->start, sizeof x->start, "%s", start);
}

/* The earlier of two log times, "" being none. */
static const char *
status_earlier(const char *a, const char *b)
{
	if (a[0] == '\0')
		return b;
	if (b[0] == '\0')
		return a;
	return strcmp(a, b) <= 0 ? a : b;
}

/* The changes of a record in the list on both sides: kind, needs. */
static void
status_record_changes(const struct status_value *v, int process, int64_t id,
    struct status_diffs *d)
{
	const char *kind = "";

	/* Kind and channel are one change: it began when the first of them
	 * that still differs did.  Logs written before they were one change
	 * name the channel in entries of its own; where a later entry,
	 * naming both, brings both back, such a channel entry stays
	 * unanswered and its earlier start stands: a stricter deadline, as
	 * the log cannot tell more. */
	if (v[SLOT_KIND].seen)
		kind = v[SLOT_KIND].start;
	if (v[SLOT_CHANNEL].seen)
		kind = status_earlier(kind, v[SLOT_CHANNEL].start);
	if (kind[0] != '\0')
		status_diffs_add(d, process, id, TRIGGER_KIND, kind);
	if (v[SLOT_NEEDS].seen && v[SLOT_NEEDS].start[0] != '\0')
		status_diffs_add(d, process, id, TRIGGER_NEEDS,
		    v[SLOT_NEEDS].start);
}

/* Empty the slots for the next record. */
static void
status_values_clear(struct status_value *v)
{
	for (int i = 0; i < SLOT_COUNT; i++) {
		free(v[i].rev);
		free(v[i].cur);
		memset(&v[i], 0, sizeof v[i]);
	}
}

/* What the log says of one record when its entries are read: its
 * differences per trigger into d; the slots are emptied. */
static void
status_record_done(struct status_value *v, int process, int64_t id,
    struct status_diffs *d)
{
	const struct status_value *in = &v[SLOT_PRESENCE];

	/* As the diff tells it: a record that came into the list or left it
	 * is that change alone; one out of it on both sides is none. */
	if (in->seen && in->start[0] != '\0')
		status_diffs_add(d, process, id, strcmp(in->cur, "в перечне") ==
		    0 ? TRIGGER_NEW : TRIGGER_EXCLUDED, in->start);
	else if (!in->seen || strcmp(in->rev, "в перечне") == 0)
		status_record_changes(v, process, id, d);
	status_values_clear(v);
}

static int
status_diff_cmp(const void *a, const void *b)
{
	const struct status_diff *x = a, *y = b;

	if (x->process != y->process)
		return x->process - y->process;
	if (x->id != y->id)
		return (x->id > y->id) - (x->id < y->id);
	return x->trigger - y->trigger;
}

/*
 * Replay the log after the revision (before the cut) record by record:
 * which records differ from the revision by it, under which trigger, and
 * since which entry.  One query, ordered by record: its size is the
 * activity since the approval, not the size of the list.
 */
static int
store_status_replay(struct store *s, const struct status_scope *sc,
    struct status_diffs *d, struct error *err)
{
	struct status_value v[SLOT_COUNT];
	sqlite3_stmt *st;
	int64_t id = 0;
	int process = -1, rc;

	memset(v, 0, sizeof v);
	if (store_prepare(s, &st, "SELECT record = 'процесс', record_id, field, "
	    "at_utc, old_value, new_value FROM change_log WHERE id > ?1 AND "
	    "(?2 = '' OR at_utc < ?2) AND record IN ('точка', 'процесс') AND "
	    "field IN ('новая точка', 'исключение', 'вид точки', "
	    "'тип канала', 'потребности') ORDER BY record, record_id, id",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, sc->after);
	store_bind_text(st, 2, sc->cut);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *field = (const char *)sqlite3_column_text(st, 2);
		int slot = status_slot_of(field);

		if (process != sqlite3_column_int(st, 0) ||
		    id != sqlite3_column_int64(st, 1)) {
			if (process >= 0)
				status_record_done(v, process, id, d);
			process = sqlite3_column_int(st, 0);
			id = sqlite3_column_int64(st, 1);
		}
		if (slot >= 0)
			status_apply(&v[slot], (enum status_slot)slot, field,
			    (const char *)sqlite3_column_text(st, 3),
			    (const char *)sqlite3_column_text(st, 4),
			    (const char *)sqlite3_column_text(st, 5));
	}
	if (process >= 0)
		status_record_done(v, process, id, d);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, status_diff_cmp);
	return 0;
}

/* The log's start of the difference key names, or NULL if the log does
 * not tell one. */
static const char *
status_diffs_find(const struct status_diffs *d, const struct status_diff *key)
{
	const struct status_diff *hit;

	if (d->n == 0)
		return NULL;
	hit = bsearch(key, d->v, d->n, sizeof *d->v, status_diff_cmp);
	return hit != NULL ? hit->start : NULL;
}

/* What the earliest difference began with: the earliest start, and
 * whether some difference has none the log tells. */
struct status_start {
	char	 at[REMINDER_UTC_BUFSZ];
	bool	 untold;
};

static void
status_start_take(struct status_start *sa, const char *at)
{
	if (at == NULL || at[0] == '\0') {
		sa->untold = true;
		return;
	}
	if (sa->at[0] == '\0' || strcmp(at, sa->at) < 0)
		snprintf(sa->at, sizeof sa->at, "%s", at);
}

/* Whether the list was loaded from a file after the revision: then any
 * record may differ, named in the log or not. */
static int
store_status_loaded(struct store *s, int64_t after, bool *loaded,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT 1 FROM change_log WHERE id > ?1 AND "
	    "trigger = ?2 LIMIT 1", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, TRIGGER_IMPORT);
	rc = sqlite3_step(st);
	*loaded = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* Prepare one of the comparisons (the editorial one if edits) with its
 * parameters bound. */
static int
store_status_prepare(struct store *s, const char *sql, bool edits,
    const struct status_scope *sc, const struct reminder_facts *f,
    sqlite3_stmt **st, struct error *err)
{
	if (store_prepare(s, st, sql, err) != 0)
		return -1;
	sqlite3_bind_int64(*st, 1, f->revision);
	if (edits) {
		sqlite3_bind_int(*st, 2, AUDIENCE_INTERNAL);
	} else {
		sqlite3_bind_int(*st, 2, TRIGGER_NEW);
		sqlite3_bind_int(*st, 3, TRIGGER_EXCLUDED);
		sqlite3_bind_int(*st, 4, TRIGGER_KIND);
		sqlite3_bind_int(*st, 5, TRIGGER_NEEDS);
	}
	/* Absent from the statements comparing every record: a no-op. */
	sqlite3_bind_int64(*st, 6, sc->after);
	return 0;
}

/* The editorial differences into f->count[TRIGGER_EDIT]. */
static int
store_status_edits(struct store *s, int which, const struct status_scope *sc,
    struct reminder_facts *f, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_status_prepare(s, status_edit_sql[which], true, sc, f, &st,
	    err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		f->count[TRIGGER_EDIT] = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "сравнение с редакцией", err);
	return 0;
}

/*
 * The net difference from the tables: per trigger into f->count, and for
 * each record that differs the start the log tells (from d) into sa.
 */
static int
store_status_tables(struct store *s, const struct status_scope *sc,
    const struct status_diffs *d, struct reminder_facts *f,
    struct status_start *sa, struct error *err)
{
	sqlite3_stmt *st;
	bool loaded;
	int which, rc;

	if (store_status_loaded(s, sc->after, &loaded, err) != 0)
		return -1;
	which = loaded ? 0 : 1;
	if (store_status_prepare(s, status_diff_sql[which], false, sc, f,
	    &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct status_diff key = { 0 };

		key.trigger = sqlite3_column_int(st, 0);
		key.process = sqlite3_column_int(st, 1);
		key.id = sqlite3_column_int64(st, 2);
		if (key.trigger < 0 || key.trigger >= TRIGGER_COUNT)
			continue;
		f->count[key.trigger]++;
		status_start_take(sa, status_diffs_find(d, &key));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "сравнение с редакцией", err);
	return store_status_edits(s, which, sc, f, err);
}

/*
 * As of a day the tables have moved on from: the differences the log
 * tells up to it, and as before the entries it cannot tell apart (an
 * import, editorial edits) counted one each.
 */
static int
store_status_as_logged(struct store *s, const struct status_scope *sc,
    const struct status_diffs *d, struct reminder_facts *f,
    struct status_start *sa, struct error *err)
{
	size_t logged[TRIGGER_COUNT] = { 0 };

	for (size_t i = 0; i < d->n; i++) {
		f->count[d->v[i].trigger]++;
		status_start_take(sa, d->v[i].start);
	}
	if (store_status_log_counts(s, sc, logged, err) != 0)
		return -1;
	f->count[TRIGGER_EDIT] = logged[TRIGGER_EDIT];
	f->count[TRIGGER_IMPORT] = logged[TRIGGER_IMPORT];
	if (logged[TRIGGER_IMPORT] > 0)
		sa->untold = true;
	return 0;
}

/* A change-log time as its local day into *out. */
static int
store_status_local_day(const char *at, struct date *out, struct error *err)
{
	if (reminder_local_time(at, out, NULL, NULL) == 0)
		return 0;
	return error_set(err, "журнал изменений: время «%s» не распознано", at);
}

/*
 * The day the difference began into f->first_change.  Where the log does
 * not tell a difference's start (an import, a change written around the
 * program), the first entry after the revision that requires
 * actualisation stands for it, or with none the order's date: an earlier
 * day, so a stricter deadline, never a later one.
 */
static int
store_status_first(struct store *s, const struct status_scope *sc,
    struct status_start *sa, struct reminder_facts *f, struct error *err)
{
	char first[REMINDER_UTC_BUFSZ];

	if (reminder_pending(f) == 0)
		return 0;
	if (sa->untold) {
		if (store_status_first_entry(s, sc, first, err) != 0)
			return -1;
		if (first[0] == '\0') {
			f->first_change = f->order_date;
			return 0;
		}
		status_start_take(sa, first);
	}
	return store_status_local_day(sa->at, &f->first_change, err);
}

/* The facts on an approved list: the difference and its start. */
static int
store_status_difference(struct store *s, const struct status_scope *sc,
    struct reminder_facts *f, struct error *err)
{
	struct status_diffs d = { 0 };
	struct status_start sa = { .at = "" };
	bool later;
	int rc;

	rc = store_status_later_entries(s, sc, &later, err);
	if (rc == 0)
		rc = store_status_replay(s, sc, &d, err);
	if (rc == 0 && sc->latest && !later)
		rc = store_status_tables(s, sc, &d, f, &sa, err);
	else if (rc == 0)
		rc = store_status_as_logged(s, sc, &d, f, &sa, err);
	if (rc == 0)
		rc = store_status_first(s, sc, &sa, f, err);
	free(d.v);
	return rc;
}

/* The facts on a list never approved: its entries so far. */
static int
store_status_unapproved(struct store *s, const struct status_scope *sc,
    struct reminder_facts *f, struct error *err)
{
	char first[REMINDER_UTC_BUFSZ];

	if (store_status_log_counts(s, sc, f->count, err) != 0 ||
	    store_status_first_entry(s, sc, first, err) != 0)
		return -1;
	if (first[0] == '\0')
		return 0;
	return store_status_local_day(first, &f->first_change, err);
}

/* The bounds of the day asked about (NULL: now) into sc. */
static int
store_status_scope(const struct date *day, struct status_scope *sc,
    struct error *err)
{
	memset(sc, 0, sizeof *sc);
	if (day == NULL)
		return 0;
	date_format_iso(*day, sc->day);
	if (date_cmp(*day, (struct date){ DATE_YEAR_MAX, 12, 31 }) == 0)
		return 0;
	if (reminder_day_start_utc(date_add_days(*day, 1), sc->cut) != 0)
		return error_set(err, "дату %s нельзя перевести во время "
		    "журнала изменений", sc->day);
	return 0;
}

int
store_status_gather(struct store *s, const struct date *day,
    struct reminder_facts *f, struct error *err)
{
	struct status_scope sc;

	reminder_facts_fini(f);
	reminder_facts_init(f);
	if (store_status_scope(day, &sc, err) != 0 ||
	    store_status_revision(s, &sc, f, err) != 0)
		return -1;
	if (!sc.found)
		return store_status_unapproved(s, &sc, f, err);
	return store_status_difference(s, &sc, f, err);
}

/* Gather in a deferred read transaction: one snapshot, no write lock. */
static int
store_status_read(struct store *s, const struct date *day,
    struct reminder_facts *f, struct error *err)
{
	bool began;
	int rc;

	if (store_read_begin(s, &began, err) != 0)
		return -1;
	rc = store_status_gather(s, day, f, err);
	store_read_end(s, began);
	return rc;
}

int
store_status_facts(struct store *s, struct reminder_facts *f,
    struct error *err)
{
	return store_status_read(s, NULL, f, err);
}

int
store_status_facts_on(struct store *s, struct date day,
    struct reminder_facts *f, struct error *err)
{
	return store_status_read(s, &day, f, err);
}
