/* store_list.c - catalogues, header and whole lists in the database. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store_tx.h"

/* Join a kind's or category's folded patterns back into "a,b,c". */
static char *
join_patterns(const struct strvec *sv)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < sv->n; i++) {
		if (i > 0)
			buf_putc(&b, ',');
		buf_puts(&b, sv->v[i]);
	}
	return buf_detach(&b);
}

static int
insert_kind(struct store *s, sqlite3_stmt *st, const struct kind *k, int pos,
    struct error *err)
{
	char *patterns = join_patterns(&k->patterns);
	int rc;

	sqlite3_reset(st);
	store_bind_text(st, 1, k->code);
	store_bind_text(st, 2, k->name);
	sqlite3_bind_int(st, 3, (int)k->channel);
	store_bind_text(st, 4, k->clause);
	sqlite3_bind_int(st, 5, k->key_default);
	sqlite3_bind_int(st, 6, k->written);
	sqlite3_bind_int(st, 7, k->phone);
	sqlite3_bind_int(st, 8, k->custom);
	store_bind_text(st, 9, patterns);
	sqlite3_bind_int(st, 10, pos);
	rc = sqlite3_step(st);
	free(patterns);
	if (rc != SQLITE_DONE)
		return store_fail(s, "запись каталога видов точек", err);
	return 0;
}

int
store_seed_catalog(struct store *s, const struct catalog *c,
    struct error *err)
{
	sqlite3_stmt *st;

	/* Seeding a new file gives it no list yet (store.c). */
	s->seeding = true;

	if (store_prepare(s, &st, "INSERT OR IGNORE INTO kind (code, name, "
	    "channel, clause, key_default, written, phone, custom, patterns, "
	    "pos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err) != 0)
		return -1;
	for (size_t i = 0; i < c->nkinds; i++)
		if (insert_kind(s, st, &c->kinds[i], (int)i + 1, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (store_prepare(s, &st, "INSERT OR IGNORE INTO need_category (code, "
	    "clause, title, patterns) VALUES (?, ?, ?, ?)", err) != 0)
		return -1;
	for (size_t i = 0; i < c->ncats; i++) {
		char *patterns = join_patterns(&c->cats[i].patterns);
		int rc;

		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, c->cats[i].code);
		store_bind_text(st, 2, c->cats[i].clause);
		store_bind_text(st, 3, c->cats[i].title);
		store_bind_text(st, 4, patterns);
		rc = sqlite3_step(st);
		free(patterns);
		if (rc != SQLITE_DONE) {
			store_fail(s, "запись каталога потребностей", err);
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

int
store_catalog_missing(struct store *s, bool *missing, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "SELECT (SELECT count(*) FROM kind) + "
	    "(SELECT count(*) FROM need_category)", err) != 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_fail(s, "чтение каталогов", err);
		sqlite3_finalize(st);
		return -1;
	}
	*missing = sqlite3_column_int(st, 0) == 0;
	sqlite3_finalize(st);
	return 0;
}

int
store_read_catalog(struct store *s, struct catalog *c, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT code, name, channel, clause, "
	    "key_default, written, phone, custom, patterns FROM kind "
	    "ORDER BY pos, code", err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		catalog_add_kind(c, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (enum channel)sqlite3_column_int(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    sqlite3_column_int(st, 4), sqlite3_column_int(st, 5),
		    sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
		    (const char *)sqlite3_column_text(st, 8));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение каталога видов точек", err);
	if (store_prepare(s, &st, "SELECT code, clause, title, patterns FROM "
	    "need_category ORDER BY code", err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    c->ncats < NEED_CATEGORIES) {
		struct need_category *nc = &c->cats[c->ncats++];
		const char *pat = (const char *)sqlite3_column_text(st, 3);

		nc->code = sqlite3_column_int(st, 0);
		nc->clause = store_column_text(st, 1);
		nc->title = store_column_text(st, 2);
		strvec_init(&nc->patterns);
		/* Stored already folded and comma-joined. */
		while (pat != NULL && *pat != '\0') {
			const char *comma = strchr(pat, ',');
			size_t n = comma ? (size_t)(comma - pat) : strlen(pat);

			strvec_pushn(&nc->patterns, pat, n);
			pat = comma ? comma + 1 : NULL;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(s, "чтение каталога потребностей", err);
	return 0;
}

int
store_get_header(struct store *s, struct list_header *h, struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "SELECT org, title, area, order_no, "
	    "order_date, org_genitive FROM list_header WHERE id = 1",
	    err) != 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_fail(s, "чтение заголовка перечня", err);
		sqlite3_finalize(st);
		return -1;
	}
	list_header_fini(h);
	h->org = store_column_text(st, 0);
	h->title = store_column_text(st, 1);
	h->area = store_column_text(st, 2);
	h->order_no = store_column_text(st, 3);
	h->order_date = store_column_text(st, 4);
	h->org_genitive = store_column_text(st, 5);
	sqlite3_finalize(st);
	return 0;
}

int
store_set_header(struct store *s, const struct list_header *h,
    struct error *err)
{
	sqlite3_stmt *st;

	/* Roles (п. 2.2): the header is the authorised person's. */
	if (store_users_permit(s, store_login(s), POLICY_HEADER_EDIT, NULL,
	    NULL, err) != 0)
		return -1;
	if (store_prepare(s, &st, "UPDATE list_header SET org = ?, title = ?, "
	    "area = ?, order_no = ?, order_date = ?, org_genitive = ?, "
	    "version = version + 1 WHERE id = 1", err) != 0)
		return -1;
	store_bind_text(st, 1, h->org);
	store_bind_text(st, 2, h->title);
	store_bind_text(st, 3, h->area);
	store_bind_text(st, 4, h->order_no);
	store_bind_text(st, 5, h->order_date);
	store_bind_text(st, 6, h->org_genitive);
	return store_step_done(s, st, "запись заголовка перечня", err);
}

int
store_count(struct store *s, size_t *procs, size_t *tps, size_t *needs,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "SELECT (SELECT count(*) FROM process), "
	    "(SELECT count(*) FROM touchpoint), (SELECT count(*) FROM need)",
	    err) != 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_fail(s, "подсчёт записей", err);
		sqlite3_finalize(st);
		return -1;
	}
	if (procs != NULL)
		*procs = (size_t)sqlite3_column_int64(st, 0);
	if (tps != NULL)
		*tps = (size_t)sqlite3_column_int64(st, 1);
	if (needs != NULL)
		*needs = (size_t)sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	return 0;
}

/* One statement without parameters, run to its end. */
static int
run_plain(struct store *s, const char *sql, const char *doing,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	return store_step_done(s, st, doing, err);
}

/*
 * The search index's triggers stand aside (live false) while a whole list
 * is written row by row: each need and contact would rewrite its
 * touchpoint's entry again.  The writer indexes in one pass after.
 */
static int
search_index_live(struct store *s, bool live, struct error *err)
{
	return run_plain(s, live ? "UPDATE search_index SET live = 1" :
	    "UPDATE search_index SET live = 0", "индекс поиска", err);
}

int
store_clear_list(struct store *s, struct error *err)
{
	if (store_users_permit(s, store_login(s), POLICY_IMPORT, NULL, NULL,
	    err) != 0 || search_index_live(s, false, err) != 0)
		return -1;
	/* Contacts and needs go with their touchpoints (ON DELETE CASCADE). */
	if (run_plain(s, "DELETE FROM process", "удаление записей перечня",
	    err) != 0 ||
	    run_plain(s, "DELETE FROM tp_search", "индекс поиска", err) != 0)
		return -1;
	return search_index_live(s, true, err);
}

/* The journal mode asked for, and whether SQLite took it. */
static bool
journal_mode_set(struct store *s, const char *sql, const char *mode)
{
	sqlite3_stmt *st;
	bool taken;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	taken = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL &&
	    strcmp((const char *)sqlite3_column_text(st, 0), mode) == 0;
	sqlite3_finalize(st);
	return taken;
}

void
store_bulk_begin(struct store *s)
{
	/* Another connection may have opened the new file meanwhile: WAL
	 * then stays, as leaving it needs the file to itself. */
	if (s->unfinished && !s->bulk && sqlite3_get_autocommit(s->db))
		s->bulk = journal_mode_set(s, "PRAGMA journal_mode = DELETE",
		    "delete");
}

void
store_bulk_end(struct store *s)
{
	if (s->bulk && sqlite3_get_autocommit(s->db))
		s->bulk = !journal_mode_set(s, "PRAGMA journal_mode = WAL",
		    "wal");
}

/*
 * FTS5 gathers new entries in memory and writes a segment each time they
 * pass its hashsize (1 MiB by default): a whole list indexed in one pass
 * would make a segment every few thousand rows and merge them over and
 * over.  With BULK_HASHSIZE it makes one segment per this many bytes
 * (about 150,000 touchpoints).  The default is put back, its row removed,
 * in the same transaction: the index's settings stay as they were.
 */
#define BULK_HASHSIZE "33554432"
#define FTS5_HASHSIZE "1048576"

static int
search_index_hashsize(struct store *s, bool bulk, struct error *err)
{
	if (run_plain(s, bulk ? "INSERT INTO tp_search (tp_search, rank) "
	    "VALUES ('hashsize', " BULK_HASHSIZE ")" : "INSERT INTO tp_search "
	    "(tp_search, rank) VALUES ('hashsize', " FTS5_HASHSIZE ")",
	    "индекс поиска", err) != 0)
		return -1;
	return bulk ? 0 : run_plain(s, "DELETE FROM tp_search_config "
	    "WHERE k = 'hashsize'", "индекс поиска", err);
}

/* Index, in one pass, the touchpoints written after id after. */
static int
search_index_add_after(struct store *s, int64_t after, struct error *err)
{
	sqlite3_stmt *st;

	if (search_index_hashsize(s, true, err) != 0 ||
	    store_prepare(s, &st, "INSERT INTO tp_search (rowid, body) "
	    "SELECT id, body FROM tp_search_text WHERE id > ?1", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	if (store_step_done(s, st, "индекс поиска", err) != 0)
		return -1;
	return search_index_hashsize(s, false, err);
}

/* Kind codes remembered as present: past it, each is asked again. */
#define KINDS_KNOWN_MAX 256
/*
 * Rows written by one statement: each statement run costs its cursors
 * opened and closed and its triggers' conditions tested, once per
 * statement and not per row.  A process's last rows, fewer, go one by one.
 */
#define BATCH_ROWS 32
#define TP_COLS 16
#define NEED_COLS 5

#define TP_INSERT "INSERT INTO touchpoint (id, process_id, pos, name, kind, " \
	"channel, specifics, is_key, basis_type, basis, unit, audience, " \
	"max_transfers, ack_receipt, excluded, exclude_reason) VALUES "
#define TP_ROW "(?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define NEED_INSERT "INSERT INTO need (id, touchpoint_id, pos, wording, " \
	"category) VALUES "
#define NEED_ROW "(?, ?, ?, ?, nullif(?, 0))"

/*
 * The statements store_insert_list reuses for every row, the kind codes
 * already made sure of (a list names a few kinds many times), and the
 * ids the next touchpoint and need get: those SQLite would give them
 * (one past the largest), set here so that a need can name its
 * touchpoint before the touchpoint's statement has run.
 */
struct inserter {
	sqlite3_stmt *proc, *tp, *tps, *contact, *need, *needs, *kind;
	struct strvec kinds;
	int64_t	 next_tp, next_need;
};

static void
inserter_fini(struct inserter *in)
{
	strvec_fini(&in->kinds);
	sqlite3_finalize(in->proc);
	sqlite3_finalize(in->tp);
	sqlite3_finalize(in->tps);
	sqlite3_finalize(in->contact);
	sqlite3_finalize(in->need);
	sqlite3_finalize(in->needs);
	sqlite3_finalize(in->kind);
}

/* head, then row n times, comma-separated. */
static int
prepare_rows(struct store *s, sqlite3_stmt **st, const char *head,
    const char *row, int n, struct error *err)
{
	struct buf sql;
	int rc;

	buf_init(&sql);
	buf_puts(&sql, head);
	for (int i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&sql, ", ");
		buf_puts(&sql, row);
	}
	rc = store_prepare(s, st, sql.data, err);
	buf_fini(&sql);
	return rc;
}

/* The largest id sql finds (0 if none). */
static int
largest_id(struct store *s, const char *sql, int64_t *id, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "запись перечня", err);
	return 0;
}

static int
inserter_init(struct store *s, struct inserter *in, struct error *err)
{
	memset(in, 0, sizeof *in);
	strvec_init(&in->kinds);
	if (largest_id(s, "SELECT coalesce(max(id), 0) FROM touchpoint",
	    &in->next_tp, err) != 0 || largest_id(s, "SELECT "
	    "coalesce(max(id), 0) FROM need", &in->next_need, err) != 0)
		return -1;
	in->next_tp++;
	in->next_need++;
	if (store_prepare(s, &in->proc, "INSERT INTO process (pos, name, "
	    "excluded, exclude_reason) VALUES ((SELECT coalesce(max(pos), 0) "
	    "+ 1 FROM process), ?, ?, ?)", err) != 0 ||
	    prepare_rows(s, &in->tp, TP_INSERT, TP_ROW, 1, err) != 0 ||
	    prepare_rows(s, &in->tps, TP_INSERT, TP_ROW, BATCH_ROWS,
	    err) != 0 ||
	    store_prepare(s, &in->contact, "INSERT INTO contact (touchpoint_id, "
	    "pos, type, value) VALUES (?, ?, ?, ?)", err) != 0 ||
	    prepare_rows(s, &in->need, NEED_INSERT, NEED_ROW, 1, err) != 0 ||
	    prepare_rows(s, &in->needs, NEED_INSERT, NEED_ROW, BATCH_ROWS,
	    err) != 0 ||
	    store_prepare(s, &in->kind, "INSERT OR IGNORE INTO kind (code, name, "
	    "channel, custom, pos) VALUES (?, ?, ?, 1, "
	    "(SELECT coalesce(max(pos), 0) + 1 FROM kind))", err) != 0) {
		inserter_fini(in);
		return -1;
	}
	return 0;
}

/*
 * Bind text the caller keeps until the statement has been stepped and
 * reset: every insert below binds all its parameters anew before each
 * step, so SQLite need not copy each cell of a whole list.
 */
static void
bind_borrowed(sqlite3_stmt *st, int idx, const char *text)
{
	sqlite3_bind_text(st, idx, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static void
bind_tri(sqlite3_stmt *st, int idx, int value)
{
	if (value == TRI_UNKNOWN)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int(st, idx, value);
}

/* Step a reused insert statement and return the new row id, or -1. */
static int64_t
step_insert(struct store *s, sqlite3_stmt *st, const char *doing,
    struct error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, doing, err);
		return -1;
	}
	return sqlite3_last_insert_rowid(s->db);
}

static bool
kind_known(const struct inserter *in, const char *code)
{
	for (size_t i = 0; i < in->kinds.n; i++)
		if (strcmp(in->kinds.v[i], code) == 0)
			return true;
	return false;
}

/* A kind unknown to this database becomes a custom kind named by its code. */
static int
ensure_kind(struct store *s, struct inserter *in, const struct touchpoint *tp,
    struct error *err)
{
	if (tp->kind[0] == '\0' || kind_known(in, tp->kind))
		return 0;
	bind_borrowed(in->kind, 1, tp->kind);
	bind_borrowed(in->kind, 2, tp->kind);
	sqlite3_bind_int(in->kind, 3,
	    tp->channel == CHANNEL_OFFLINE ? CHANNEL_OFFLINE : CHANNEL_DIGITAL);
	if (step_insert(s, in->kind, "запись вида точки", err) < 0)
		return -1;
	if (in->kinds.n < KINDS_KNOWN_MAX)
		strvec_push(&in->kinds, tp->kind);
	return 0;
}

/* Touchpoint tp, number pos of process proc_id, as the row of st whose
 * first parameter is base + 1. */
static void
bind_touchpoint(sqlite3_stmt *st, int base, int64_t proc_id, int pos,
    const struct touchpoint *tp)
{
	sqlite3_bind_int64(st, base + 1, tp->id);
	sqlite3_bind_int64(st, base + 2, proc_id);
	sqlite3_bind_int(st, base + 3, pos);
	bind_borrowed(st, base + 4, tp->name);
	bind_borrowed(st, base + 5, tp->kind);
	sqlite3_bind_int(st, base + 6, (int)tp->channel);
	bind_borrowed(st, base + 7, tp->specifics);
	sqlite3_bind_int(st, base + 8, tp->key);
	sqlite3_bind_int(st, base + 9, (int)tp->basis_type);
	bind_borrowed(st, base + 10, tp->basis);
	bind_borrowed(st, base + 11, tp->unit);
	sqlite3_bind_int(st, base + 12, (int)tp->audience);
	bind_tri(st, base + 13, tp->max_transfers);
	bind_tri(st, base + 14, tp->ack_receipt);
	sqlite3_bind_int(st, base + 15, tp->excluded);
	bind_borrowed(st, base + 16, tp->exclude_reason);
}

/* p's touchpoints, their ids given, BATCH_ROWS a statement. */
static int
insert_touchpoints(struct store *s, struct inserter *in, struct process *p,
    struct error *err)
{
	size_t j = 0;

	for (size_t i = 0; i < p->ntps; i++) {
		if (ensure_kind(s, in, &p->tps[i], err) != 0)
			return -1;
		p->tps[i].id = in->next_tp++;
	}
	for (; p->ntps - j >= BATCH_ROWS; j += BATCH_ROWS) {
		for (int r = 0; r < BATCH_ROWS; r++)
			bind_touchpoint(in->tps, r * TP_COLS, p->id,
			    (int)(j + (size_t)r) + 1, &p->tps[j + (size_t)r]);
		if (step_insert(s, in->tps, "запись точки взаимодействия",
		    err) < 0)
			return -1;
	}
	for (; j < p->ntps; j++) {
		bind_touchpoint(in->tp, 0, p->id, (int)j + 1, &p->tps[j]);
		if (step_insert(s, in->tp, "запись точки взаимодействия",
		    err) < 0)
			return -1;
	}
	return 0;
}

/* A need waiting for its statement: whose, which. */
struct need_row {
	const struct touchpoint *tp;
	size_t	 i;
};

static void
bind_need(sqlite3_stmt *st, int base, struct need_row row)
{
	const struct need *n = &row.tp->needs[row.i];

	sqlite3_bind_int64(st, base + 1, n->id);
	sqlite3_bind_int64(st, base + 2, row.tp->id);
	sqlite3_bind_int(st, base + 3, (int)row.i + 1);
	bind_borrowed(st, base + 4, n->wording);
	sqlite3_bind_int(st, base + 5, n->category);
}

/* The needs in rows (n of them): all at once if BATCH_ROWS, else one by
 * one. */
static int
insert_need_rows(struct store *s, struct inserter *in,
    const struct need_row *rows, int n, struct error *err)
{
	if (n == BATCH_ROWS) {
		for (int r = 0; r < n; r++)
			bind_need(in->needs, r * NEED_COLS, rows[r]);
		return step_insert(s, in->needs, "запись потребности",
		    err) < 0 ? -1 : 0;
	}
	for (int r = 0; r < n; r++) {
		bind_need(in->need, 0, rows[r]);
		if (step_insert(s, in->need, "запись потребности", err) < 0)
			return -1;
	}
	return 0;
}

/* p's needs, in the order of its touchpoints, their ids given. */
static int
insert_needs(struct store *s, struct inserter *in, struct process *p,
    struct error *err)
{
	struct need_row rows[BATCH_ROWS];
	int n = 0;

	for (size_t j = 0; j < p->ntps; j++) {
		struct touchpoint *tp = &p->tps[j];

		for (size_t i = 0; i < tp->nneeds; i++) {
			tp->needs[i].id = in->next_need++;
			rows[n++] = (struct need_row){ tp, i };
			if (n < BATCH_ROWS)
				continue;
			if (insert_need_rows(s, in, rows, n, err) != 0)
				return -1;
			n = 0;
		}
	}
	return insert_need_rows(s, in, rows, n, err);
}

static int
insert_contacts(struct store *s, struct inserter *in,
    const struct touchpoint *tp, struct error *err)
{
	for (size_t i = 0; i < tp->ncontacts; i++) {
		sqlite3_bind_int64(in->contact, 1, tp->id);
		sqlite3_bind_int(in->contact, 2, (int)i + 1);
		sqlite3_bind_int(in->contact, 3, (int)tp->contacts[i].type);
		bind_borrowed(in->contact, 4, tp->contacts[i].value);
		if (step_insert(s, in->contact, "запись контакта", err) < 0)
			return -1;
	}
	return 0;
}

/* A list being appended process by process (store_insert_begin). */
struct store_insert {
	struct store *s;
	struct inserter in;
	int64_t	 last;		/* the last touchpoint before it */
};

int
store_insert_begin(struct store *s, struct store_insert **out,
    struct error *err)
{
	struct store_insert *ins = xcalloc(1, sizeof *ins);

	ins->s = s;
	/* Roles (п. 2.2): whole lists are loaded by an authorised person. */
	if (store_users_permit(s, store_login(s), POLICY_IMPORT, NULL, NULL,
	    err) != 0 || search_index_live(s, false, err) != 0 ||
	    inserter_init(s, &ins->in, err) != 0) {
		free(ins);
		return -1;
	}
	ins->last = ins->in.next_tp - 1;
	*out = ins;
	return 0;
}

int
store_insert_process(struct store_insert *ins, struct process *p,
    struct error *err)
{
	struct inserter *in = &ins->in;

	store_bind_text(in->proc, 1, p->name);
	sqlite3_bind_int(in->proc, 2, p->excluded);
	store_bind_text(in->proc, 3, p->exclude_reason);
	if ((p->id = step_insert(ins->s, in->proc, "запись процесса",
	    err)) < 0 || insert_touchpoints(ins->s, in, p, err) != 0)
		return -1;
	for (size_t j = 0; j < p->ntps; j++)
		if (insert_contacts(ins->s, in, &p->tps[j], err) != 0)
			return -1;
	return insert_needs(ins->s, in, p, err);
}

int
store_insert_end(struct store_insert *ins, int rc, struct error *err)
{
	inserter_fini(&ins->in);
	if (rc == 0)
		rc = search_index_add_after(ins->s, ins->last, err);
	if (rc == 0)
		rc = search_index_live(ins->s, true, err);
	free(ins);
	return rc;
}

int
store_insert_list(struct store *s, struct list *l, struct error *err)
{
	struct store_insert *ins;
	int rc = 0;

	if (store_insert_begin(s, &ins, err) != 0)
		return -1;
	for (size_t i = 0; i < l->nprocs && rc == 0; i++)
		rc = store_insert_process(ins, &l->procs[i], err);
	return store_insert_end(ins, rc, err);
}

static int
column_tri(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return TRI_UNKNOWN;
	return sqlite3_column_int(st, col);
}

static const char *
column_str(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t != NULL ? (const char *)t : "";
}

/*
 * The statements that read one version of the list a process at a time:
 * ?1 is the revision (unused for the working copy), ?2 the process.  A
 * process's contacts and needs come in one indexed query each, in the
 * order of its touchpoints, so a list of any size costs four short
 * queries per process and holds one process.  CROSS JOIN keeps the
 * touchpoints outside: the planner would otherwise walk all the
 * revision's needs by (revision_id) for every process.
 */
static const char *const cursor_sql[2][4] = {
	{
		"SELECT id, name, version, excluded, exclude_reason "
		"FROM process ORDER BY pos, id",
		"SELECT id, name, coalesce(kind, ''), channel, specifics, "
		"is_key, basis_type, basis, unit, audience, max_transfers, "
		"ack_receipt, excluded, exclude_reason, version "
		"FROM touchpoint WHERE process_id = ?2 ORDER BY pos, id",
		"SELECT c.touchpoint_id, c.type, c.value FROM touchpoint t "
		"CROSS JOIN contact c ON c.touchpoint_id = t.id "
		"WHERE t.process_id = ?2 ORDER BY t.pos, t.id, c.pos, c.id",
		"SELECT n.touchpoint_id, n.id, n.wording, "
		"coalesce(n.category, 0) FROM touchpoint t "
		"CROSS JOIN need n ON n.touchpoint_id = t.id "
		"WHERE t.process_id = ?2 ORDER BY t.pos, t.id, n.pos, n.id",
	}, {
		"SELECT id, name, 0, excluded, exclude_reason "
		"FROM rev_process WHERE revision_id = ?1 ORDER BY pos, id",
		"SELECT id, name, coalesce(kind, ''), channel, specifics, "
		"is_key, basis_type, basis, unit, audience, max_transfers, "
		"ack_receipt, excluded, exclude_reason, 0 "
		"FROM rev_touchpoint WHERE revision_id = ?1 AND process_id = ?2 "
		"ORDER BY pos, id",
		"SELECT c.touchpoint_id, c.type, c.value FROM rev_touchpoint t "
		"CROSS JOIN rev_contact c ON c.revision_id = t.revision_id AND "
		"c.touchpoint_id = t.id WHERE t.revision_id = ?1 AND "
		"t.process_id = ?2 ORDER BY t.pos, t.id, c.pos",
		"SELECT n.touchpoint_id, n.id, n.wording, "
		"coalesce(n.category, 0) FROM rev_touchpoint t "
		"CROSS JOIN rev_need n ON n.revision_id = t.revision_id AND "
		"n.touchpoint_id = t.id WHERE t.revision_id = ?1 AND "
		"t.process_id = ?2 ORDER BY t.pos, t.id, n.pos",
	}
};

enum { CUR_PROCS, CUR_TPS, CUR_CONTACTS, CUR_NEEDS };

struct list_cursor {
	struct store *s;
	sqlite3_stmt *st[4];
	int64_t	 rev;
};

static void
cursor_fini(struct list_cursor *c)
{
	for (int i = 0; i < 4; i++)
		sqlite3_finalize(c->st[i]);
}

static int
cursor_init(struct list_cursor *c, struct store *s, int64_t rev,
    struct error *err)
{
	memset(c, 0, sizeof *c);
	c->s = s;
	c->rev = rev;
	for (int i = 0; i < 4; i++) {
		if (store_prepare(s, &c->st[i], cursor_sql[rev > 0][i],
		    err) != 0) {
			cursor_fini(c);
			return -1;
		}
		sqlite3_bind_int64(c->st[i], 1, rev);
	}
	return 0;
}

static void
cursor_read_touchpoint(sqlite3_stmt *st, struct process *p)
{
	struct touchpoint *tp = process_add_touchpoint(p, column_str(st, 1));

	tp->id = sqlite3_column_int64(st, 0);
	model_set(&tp->kind, column_str(st, 2));
	tp->channel = (enum channel)sqlite3_column_int(st, 3);
	model_set(&tp->specifics, column_str(st, 4));
	tp->key = sqlite3_column_int(st, 5) != 0;
	tp->basis_type = (enum basis_type)sqlite3_column_int(st, 6);
	model_set(&tp->basis, column_str(st, 7));
	model_set(&tp->unit, column_str(st, 8));
	tp->audience = (enum audience)sqlite3_column_int(st, 9);
	tp->max_transfers = column_tri(st, 10);
	tp->ack_receipt = column_tri(st, 11);
	tp->excluded = sqlite3_column_int(st, 12) != 0;
	model_set(&tp->exclude_reason, column_str(st, 13));
	tp->version = sqlite3_column_int64(st, 14);
}

/* The touchpoint id among p's, found from *at on: children come in the
 * order of their touchpoints, so the search only moves forward. */
static struct touchpoint *
cursor_find_tp(struct process *p, int64_t id, size_t *at)
{
	for (; *at < p->ntps; (*at)++)
		if (p->tps[*at].id == id)
			return &p->tps[*at];
	return NULL;
}

/* Step st (bound to the process): contacts, or needs. */
static int
cursor_read_children(struct list_cursor *c, sqlite3_stmt *st, bool needs,
    struct process *p, struct error *err)
{
	size_t at = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct touchpoint *tp = cursor_find_tp(p,
		    sqlite3_column_int64(st, 0), &at);

		if (tp == NULL)
			continue;
		if (needs)
			touchpoint_add_need(tp, column_str(st, 2),
			    sqlite3_column_int(st, 3))->id =
			    sqlite3_column_int64(st, 1);
		else
			touchpoint_add_contact(tp,
			    (enum contact_type)sqlite3_column_int(st, 1),
			    column_str(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(c->s, "чтение перечня", err);
	return 0;
}

/* A process's own row (id, name, version, excluded, reason) into p. */
static void
cursor_read_head(sqlite3_stmt *st, struct process *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->name = xstrdup(column_str(st, 1));
	p->version = sqlite3_column_int64(st, 2);
	p->excluded = sqlite3_column_int(st, 3) != 0;
	p->exclude_reason = xstrdup(column_str(st, 4));
}

/* The touchpoints, contacts and needs of p (its id set) into p. */
static int
cursor_read_process(struct list_cursor *c, struct process *p,
    struct error *err)
{
	sqlite3_stmt *st = c->st[CUR_TPS];
	int rc;

	for (int i = CUR_TPS; i <= CUR_NEEDS; i++)
		sqlite3_bind_int64(c->st[i], 2, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cursor_read_touchpoint(st, p);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(c->s, "чтение перечня", err);
	if (cursor_read_children(c, c->st[CUR_CONTACTS], false, p, err) != 0)
		return -1;
	return cursor_read_children(c, c->st[CUR_NEEDS], true, p, err);
}

int
store_list_each_process(struct store *s, int64_t rev, store_process_fn fn,
    void *ctx, struct error *err)
{
	struct list_cursor c;
	sqlite3_stmt *st;
	size_t index = 0;
	int rc;

	if (cursor_init(&c, s, rev, err) != 0)
		return -1;
	st = c.st[CUR_PROCS];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct process p;

		cursor_read_head(st, &p);
		if (cursor_read_process(&c, &p, err) != 0 ||
		    fn(ctx, &p, index++, err) != 0) {
			process_fini(&p);
			cursor_fini(&c);
			return -1;
		}
		process_fini(&p);
	}
	cursor_fini(&c);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение перечня", err);
	return 0;
}

int
store_list_processes_excluded(struct store *s, int64_t rev, int64_t **ids,
    bool **excluded, size_t *n, struct error *err)
{
	static const char *const sql[2] = {
		"SELECT id, excluded FROM process ORDER BY pos, id",
		"SELECT id, excluded FROM rev_process WHERE revision_id = ?1 "
		"ORDER BY pos, id",
	};
	sqlite3_stmt *st;
	size_t cap = 16;
	int rc;

	*ids = xreallocarray(NULL, cap, sizeof **ids);
	*excluded = xreallocarray(NULL, cap, sizeof **excluded);
	*n = 0;
	if (store_prepare(s, &st, sql[rev > 0], err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
			*excluded = xreallocarray(*excluded, cap,
			    sizeof **excluded);
		}
		(*ids)[*n] = sqlite3_column_int64(st, 0);
		(*excluded)[(*n)++] = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "чтение перечня", err);
	return 0;
}

int
store_list_processes(struct store *s, int64_t rev, int64_t **ids, size_t *n,
    size_t *printed, struct error *err)
{
	bool *excluded;
	int rc;

	rc = store_list_processes_excluded(s, rev, ids, &excluded, n, err);
	*printed = 0;
	for (size_t i = 0; rc == 0 && i < *n; i++)
		*printed += !excluded[i];
	free(excluded);
	return rc;
}

int
store_list_process(struct store *s, int64_t rev, int64_t id,
    struct process *p, bool *found, struct error *err)
{
	static const char *const sql[2] = {
		"SELECT id, name, version, excluded, exclude_reason "
		"FROM process WHERE id = ?2",
		"SELECT id, name, 0, excluded, exclude_reason "
		"FROM rev_process WHERE revision_id = ?1 AND id = ?2",
	};
	struct list_cursor c;
	sqlite3_stmt *st;
	int rc;

	*found = false;
	memset(p, 0, sizeof *p);
	if (store_prepare(s, &st, sql[rev > 0], err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		cursor_read_head(st, p);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение перечня", err);
	if (!*found)
		return 0;
	if (cursor_init(&c, s, rev, err) != 0)
		return -1;
	rc = cursor_read_process(&c, p, err);
	cursor_fini(&c);
	return rc;
}

int
store_list_touchpoint(struct store *s, int64_t rev, int64_t id,
    struct process *holder, bool *found, struct error *err)
{
	static const char *const sql[2][3] = {
		{
			"SELECT id, name, coalesce(kind, ''), channel, "
			"specifics, is_key, basis_type, basis, unit, audience, "
			"max_transfers, ack_receipt, excluded, exclude_reason, "
			"version FROM touchpoint WHERE id = ?2",
			"SELECT touchpoint_id, type, value FROM contact "
			"WHERE touchpoint_id = ?2 ORDER BY pos, id",
			"SELECT touchpoint_id, id, wording, "
			"coalesce(category, 0) FROM need "
			"WHERE touchpoint_id = ?2 ORDER BY pos, id",
		}, {
			"SELECT id, name, coalesce(kind, ''), channel, "
			"specifics, is_key, basis_type, basis, unit, audience, "
			"max_transfers, ack_receipt, excluded, exclude_reason, "
			"0 FROM rev_touchpoint WHERE revision_id = ?1 AND id = ?2",
			"SELECT touchpoint_id, type, value FROM rev_contact "
			"WHERE revision_id = ?1 AND touchpoint_id = ?2 "
			"ORDER BY pos",
			"SELECT touchpoint_id, id, wording, "
			"coalesce(category, 0) FROM rev_need "
			"WHERE revision_id = ?1 AND touchpoint_id = ?2 "
			"ORDER BY pos",
		}
	};
	struct list_cursor c;
	size_t before = holder->ntps;
	int rc;

	*found = false;
	memset(&c, 0, sizeof c);
	c.s = s;
	for (int i = 0; i < 3; i++) {
		if (store_prepare(s, &c.st[i], sql[rev > 0][i], err) != 0) {
			cursor_fini(&c);
			return -1;
		}
		sqlite3_bind_int64(c.st[i], 1, rev);
		sqlite3_bind_int64(c.st[i], 2, id);
	}
	while ((rc = sqlite3_step(c.st[0])) == SQLITE_ROW)
		cursor_read_touchpoint(c.st[0], holder);
	if (rc != SQLITE_DONE)
		rc = store_fail(s, "чтение перечня", err);
	else if ((*found = holder->ntps > before))
		rc = cursor_read_children(&c, c.st[1], false, holder, err) != 0 ||
		    cursor_read_children(&c, c.st[2], true, holder, err) != 0 ?
		    -1 : 0;
	else
		rc = 0;
	cursor_fini(&c);
	return rc;
}

int
store_list_header(struct store *s, int64_t rev, struct list_header *h,
    struct error *err)
{
	sqlite3_stmt *st;

	if (rev <= 0)
		return store_get_header(s, h, err);
	if (store_prepare(s, &st, "SELECT org, title, area, org_genitive "
	    "FROM rev_header WHERE revision_id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return error_set(err, "редакции %lld нет", (long long)rev);
	}
	model_set(&h->org, column_str(st, 0));
	model_set(&h->title, column_str(st, 1));
	model_set(&h->area, column_str(st, 2));
	model_set(&h->org_genitive, column_str(st, 3));
	sqlite3_finalize(st);
	return 0;
}

/* Collects the processes streamed into a list, taking them over. */
static int
collect_process(void *ctx, struct process *p, size_t index,
    struct error *err)
{
	struct list *l = ctx;
	struct process *q = list_add_process(l, "");

	(void)index;
	(void)err;
	process_fini(q);
	*q = *p;
	memset(p, 0, sizeof *p);
	return 0;
}

int
store_list_load(struct store *s, int64_t rev, struct list *l,
    struct error *err)
{
	if (store_list_header(s, rev, &l->hdr, err) != 0)
		return -1;
	return store_list_each_process(s, rev, collect_process, l, err);
}

int
store_load_list(struct store *s, struct list *l, struct error *err)
{
	return store_list_load(s, 0, l, err);
}
