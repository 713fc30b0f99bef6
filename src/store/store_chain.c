/* store_chain.c - the change log's hash chain and the revisions' hashes
 * (SHA-256 by nettle). */
#include "store_int.h"

#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "store_chain.h"

#define HASH_LEN	SHA256_DIGEST_SIZE

/* The log's columns in the order they are hashed; the stored hash last. */
#define LOG_COLUMNS	"id, at_utc, login, record, record_id, process_id, " \
			"label, field, old_value, new_value, trigger"
#define LOG_NCOLUMNS	11

/* The frozen tables of a revision, each in an order that depends on its
 * content only.  SELECT *: a column a later schema adds is hashed too
 * (that migration must then reseal the revisions). */
static const char *const revision_parts[] = {
	"SELECT id, order_no, order_date, approved_utc, approved_by, "
	"last_change_id, cycle_start, cycle_due FROM revision WHERE id = ?1",
	"SELECT * FROM rev_header WHERE revision_id = ?1",
	"SELECT * FROM rev_process WHERE revision_id = ?1 ORDER BY id",
	"SELECT * FROM rev_touchpoint WHERE revision_id = ?1 ORDER BY id",
	"SELECT * FROM rev_contact WHERE revision_id = ?1 ORDER BY "
	"touchpoint_id, pos, type, value",
	"SELECT * FROM rev_need WHERE revision_id = ?1 ORDER BY "
	"touchpoint_id, pos, id",
};

#define NPARTS (sizeof revision_parts / sizeof revision_parts[0])

/*
 * A revision's kind (schema 11: its order approved the list anew or
 * amended it) is hashed only where it departs from the reading lists of
 * schema 10 migrate to: the first revision approving, every later one
 * amending.  So every hash sealed before schema 11 still holds without
 * resealing (which would also bless whatever was changed beside the
 * program before the migration), and yet the kind of every revision, old
 * or new, is covered: changing it either way adds or drops this part, and
 * the hash no longer matches.  A row: the kind departs.
 */
static const char revision_kind_departs[] =
	"SELECT approves FROM revision WHERE id = ?1 AND approves <> "
	"(id = (SELECT min(id) FROM revision))";

static void
hash_bytes(struct sha256_ctx *h, char type, const void *data, size_t len)
{
	uint8_t head[9];

	head[0] = (uint8_t)type;
	for (int i = 0; i < 8; i++)
		head[1 + i] = (uint8_t)((uint64_t)len >> (56 - 8 * i));
	sha256_update(h, sizeof head, head);
	if (len > 0)
		sha256_update(h, len, data);
}

/* v in decimal as %lld writes it, into buf (21 bytes at least); its
 * length.  By hand: snprintf was most of the time hashing a revision
 * took, one integer a column. */
static size_t
decimal(char *buf, int64_t v)
{
	char tmp[20];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t n = 0, len = 0;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		buf[len++] = '-';
	while (n > 0)
		buf[len++] = tmp[--n];
	return len;
}

/*
 * The canonical form every hash is taken over, one row's columns
 * [0, n) in turn: a type byte ('N' NULL, 'I' integer, 'R' real, 'T'
 * text, 'B' blob), then the value's length as 8 bytes big-endian and its
 * bytes (an integer in decimal, a real as %.17g, text as UTF-8).  The
 * lengths make the borders between columns part of the hash ("ab", "c"
 * is not "a", "bc"), the types keep 1 from '1'.  Never change it: every
 * stored hash was taken over this form.
 */
static void
hash_row(struct sha256_ctx *h, sqlite3_stmt *st, int n)
{
	char num[64];

	for (int col = 0; col < n; col++) {
		switch (sqlite3_column_type(st, col)) {
		case SQLITE_NULL:
			hash_bytes(h, 'N', NULL, 0);
			break;
		case SQLITE_INTEGER:
			hash_bytes(h, 'I', num, decimal(num,
			    sqlite3_column_int64(st, col)));
			break;
		case SQLITE_FLOAT:
			snprintf(num, sizeof num, "%.17g",
			    sqlite3_column_double(st, col));
			hash_bytes(h, 'R', num, strlen(num));
			break;
		case SQLITE_BLOB:
			hash_bytes(h, 'B', sqlite3_column_blob(st, col),
			    (size_t)sqlite3_column_bytes(st, col));
			break;
		default:
			hash_bytes(h, 'T', sqlite3_column_text(st, col),
			    (size_t)sqlite3_column_bytes(st, col));
			break;
		}
	}
}

/* An entry's hash: the tag, the previous entry's hash, the entry. */
static void
entry_hash(const uint8_t prev[HASH_LEN], sqlite3_stmt *st,
    uint8_t out[HASH_LEN])
{
	struct sha256_ctx h;

	sha256_init(&h);
	hash_bytes(&h, 'T', "perechen-log-1", 14);
	sha256_update(&h, HASH_LEN, prev);
	hash_row(&h, st, LOG_NCOLUMNS);
	sha256_digest(&h, HASH_LEN, out);
}

/* Whether column col holds exactly hash. */
static bool
column_is(sqlite3_stmt *st, int col, const uint8_t hash[HASH_LEN])
{
	return sqlite3_column_type(st, col) == SQLITE_BLOB &&
	    sqlite3_column_bytes(st, col) == HASH_LEN &&
	    memcmp(sqlite3_column_blob(st, col), hash, HASH_LEN) == 0;
}

/* The stored hash of the newest entry before id (zeros if none). */
static int
hash_before(struct store *s, int64_t id, uint8_t out[HASH_LEN],
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, HASH_LEN);
	if (store_prepare(s, &st, "SELECT hash FROM change_log WHERE id < ? "
	    "ORDER BY id DESC LIMIT 1", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == HASH_LEN)
		memcpy(out, sqlite3_column_blob(st, 0), HASH_LEN);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

static int
store_hash(struct store *s, const char *sql, int64_t id,
    const uint8_t hash[HASH_LEN], struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	sqlite3_bind_blob(st, 1, hash, HASH_LEN, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	return store_step_done(s, st, "запись контрольной суммы журнала", err);
}

int
store_chain_seal_log(struct store *s, int64_t from_id, struct error *err)
{
	uint8_t prev[HASH_LEN], h[HASH_LEN];
	sqlite3_stmt *st;
	int rc;

	if (hash_before(s, from_id, prev, err) != 0 ||
	    store_prepare(s, &st, "SELECT " LOG_COLUMNS " FROM change_log "
	    "WHERE id >= ? ORDER BY id", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, from_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		entry_hash(prev, st, h);
		if (store_hash(s, "UPDATE change_log SET hash = ?1 WHERE id = "
		    "?2", sqlite3_column_int64(st, 0), h, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		memcpy(prev, h, HASH_LEN);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "запись контрольной суммы журнала", err);
	return 0;
}

/* The kind of revision rev into h where it departs from the first
 * revision approving and the later ones amending; nothing otherwise. */
static int
revision_kind_hash(struct store *s, int64_t rev, struct sha256_ctx *h,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, revision_kind_departs, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		hash_bytes(h, 'K', NULL, 0);
		hash_row(h, st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение редакции", err);
	return 0;
}

/* The hash of revision rev's frozen list; with_kind: and its kind (false
 * only in the migration to schema 10, which runs before the kind's
 * column exists and when every revision has the kind it implies). */
static int
revision_hash(struct store *s, int64_t rev, bool with_kind,
    uint8_t out[HASH_LEN], struct error *err)
{
	struct sha256_ctx h;

	sha256_init(&h);
	hash_bytes(&h, 'T', "perechen-revision-1", 19);
	for (size_t i = 0; i < NPARTS; i++) {
		sqlite3_stmt *st;
		int rc;

		if (store_prepare(s, &st, revision_parts[i], err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, rev);
		/* Each part's rows counted: a row moved between parts or
		 * dropped changes the hash. */
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			hash_bytes(&h, 'P', &(uint8_t){ (uint8_t)i }, 1);
			hash_row(&h, st, sqlite3_column_count(st));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, "чтение редакции", err);
		hash_bytes(&h, 'E', NULL, 0);
	}
	if (with_kind && revision_kind_hash(s, rev, &h, err) != 0)
		return -1;
	sha256_digest(&h, HASH_LEN, out);
	return 0;
}

/* Seal revision rev, with its kind or without (revision_hash). */
static int
seal_revision(struct store *s, int64_t rev, bool with_kind,
    struct error *err)
{
	uint8_t h[HASH_LEN];

	if (revision_hash(s, rev, with_kind, h, err) != 0)
		return -1;
	return store_hash(s, "UPDATE revision SET hash = ?1 WHERE id = ?2",
	    rev, h, err);
}

int
store_chain_seal_revision(struct store *s, int64_t rev, struct error *err)
{
	return seal_revision(s, rev, true, err);
}

int
store_chain_revision_intact(struct store *s, int64_t rev, bool *intact,
    struct error *err)
{
	uint8_t h[HASH_LEN];
	sqlite3_stmt *st;
	int rc;

	*intact = false;
	if (revision_hash(s, rev, true, h, err) != 0 ||
	    store_prepare(s, &st, "SELECT hash FROM revision WHERE id = ?",
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*intact = column_is(st, 0, h);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение редакции", err);
	return 0;
}

int
store_chain_seal_all(struct store *s, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_chain_seal_log(s, 0, err) != 0 ||
	    store_prepare(s, &st, "SELECT id FROM revision ORDER BY id",
	    err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (seal_revision(s, sqlite3_column_int64(st, 0), false,
		    err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "запись контрольной суммы редакции", err);
	/* All of it was just hashed: the editor's first check starts after
	 * it, so a long log opens as fast after the migration as before. */
	if (store_prepare(s, &st, "INSERT OR REPLACE INTO chain_checkpoint "
	    "(id, log_id, hash, revision_id) SELECT 1, id, hash, (SELECT "
	    "coalesce(max(id), 0) FROM revision) FROM change_log ORDER BY id "
	    "DESC LIMIT 1", err) != 0)
		return -1;
	return store_step_done(s, st, "запись контрольной суммы журнала", err);
}

/* Where the last check ended: the entry, its hash, the revision. */
struct checkpoint {
	int64_t	 log_id;
	uint8_t	 hash[HASH_LEN];
	int64_t	 revision_id;
};

static int
checkpoint_read(struct store *s, struct checkpoint *cp, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(cp, 0, sizeof *cp);
	if (store_prepare(s, &st, "SELECT log_id, hash, revision_id FROM "
	    "chain_checkpoint WHERE id = 1", err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 1) == HASH_LEN) {
		cp->log_id = sqlite3_column_int64(st, 0);
		memcpy(cp->hash, sqlite3_column_blob(st, 1), HASH_LEN);
		cp->revision_id = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* The entry at the checkpoint, recomputed from the one before it, still
 * has the hash remembered: the chain goes on from there. */
static int
checkpoint_holds(struct store *s, const struct checkpoint *cp,
    struct chain_break *out, struct error *err)
{
	uint8_t prev[HASH_LEN], h[HASH_LEN];
	sqlite3_stmt *st;
	int rc;

	if (cp->log_id == 0)
		return 0;
	if (hash_before(s, cp->log_id, prev, err) != 0 ||
	    store_prepare(s, &st, "SELECT " LOG_COLUMNS ", hash FROM "
	    "change_log WHERE id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, cp->log_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		entry_hash(prev, st, h);
	if (rc == SQLITE_DONE || (rc == SQLITE_ROW && (memcmp(h, cp->hash,
	    HASH_LEN) != 0 || !column_is(st, LOG_NCOLUMNS, h)))) {
		out->found = true;
		out->log_id = cp->log_id;
		if (rc == SQLITE_ROW)
			snprintf(out->log_at, sizeof out->log_at, "%s",
			    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* Recompute the entries after cp's; the first whose stored hash differs
 * goes into out.  cp ends at the last entry checked. */
static int
verify_log(struct store *s, struct checkpoint *cp, struct chain_break *out,
    struct error *err)
{
	uint8_t h[HASH_LEN];
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT " LOG_COLUMNS ", hash FROM "
	    "change_log WHERE id > ? ORDER BY id", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, cp->log_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		entry_hash(cp->hash, st, h);
		if (!column_is(st, LOG_NCOLUMNS, h)) {
			out->found = true;
			out->log_id = sqlite3_column_int64(st, 0);
			snprintf(out->log_at, sizeof out->log_at, "%s",
			    (const char *)sqlite3_column_text(st, 1));
			break;
		}
		cp->log_id = sqlite3_column_int64(st, 0);
		memcpy(cp->hash, h, HASH_LEN);
		out->entries++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* The revisions after cp's, each against its stored hash. */
static int
verify_revisions(struct store *s, struct checkpoint *cp,
    struct chain_break *out, struct error *err)
{
	uint8_t h[HASH_LEN];
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT id, hash FROM revision WHERE id > ? "
	    "ORDER BY id", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, cp->revision_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t rev = sqlite3_column_int64(st, 0);

		if (revision_hash(s, rev, true, h, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		if (!column_is(st, 1, h)) {
			out->found = true;
			out->revision_id = rev;
			break;
		}
		cp->revision_id = rev;
		out->revisions++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение редакций", err);
	return 0;
}

/* Remember cp, if the list may be written and nobody holds it now. */
static void
checkpoint_move(struct store *s, const struct checkpoint *cp)
{
	sqlite3_stmt *st;

	if (store_is_readonly(s) || sqlite3_db_readonly(s->db, "main") == 1)
		return;
	store_set_busy_timeout(s, 0);
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO "
	    "chain_checkpoint (id, log_id, hash, revision_id) VALUES "
	    "(1, ?, ?, ?)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, cp->log_id);
		sqlite3_bind_blob(st, 2, cp->hash, HASH_LEN, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, cp->revision_id);
		if (sqlite3_step(st) == SQLITE_DONE)
			sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
		sqlite3_finalize(st);
	}
	store_rollback(s);
	store_set_busy_timeout(s, STORE_BUSY_TIMEOUT_MS);
}

int
store_chain_verify(struct store *s, bool full, struct chain_break *out,
    struct error *err)
{
	struct checkpoint cp;

	memset(out, 0, sizeof *out);
	memset(&cp, 0, sizeof cp);
	if (!full && (checkpoint_read(s, &cp, err) != 0 ||
	    checkpoint_holds(s, &cp, out, err) != 0))
		return -1;
	if (!out->found && verify_log(s, &cp, out, err) != 0)
		return -1;
	if (!out->found && verify_revisions(s, &cp, out, err) != 0)
		return -1;
	/* Only when it went further: opening the editor writes nothing
	 * when nobody changed the list since. */
	if (!out->found && (out->entries > 0 || out->revisions > 0))
		checkpoint_move(s, &cp);
	return 0;
}
