/* store.c - opening, migrating and transactions of a list's database. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "buf.h"
#include "store_chain.h"

#define BUSY_TIMEOUT_MS STORE_BUSY_TIMEOUT_MS
/* PRAGMA application_id of a file being created, until its first list
 * is committed ("PRCN"): a file left with it by a killed import holds no
 * list and is removed at the next start. */
#define UNFINISHED_ID 0x5052434e

/* A trigger tp_search_<name> that refreshes touchpoint id's entry in
 * the search index after event (8 -> 9; terse: the step must stay
 * within the 4095 bytes C11 promises for a string). */
#define SEARCH_TRIGGER(name, event, id) \
	"CREATE TRIGGER IF NOT EXISTS tp_search_" name " AFTER " event \
	" WHEN(SELECT live FROM search_index)BEGIN " \
	"DELETE FROM tp_search WHERE rowid=" id ";" \
	"INSERT INTO tp_search(rowid,body)SELECT id,body FROM tp_search_text " \
	"WHERE id=" id ";END;"

/*
 * Forward migrations: migrations[i] takes the schema from version i to i+1.
 * Schema text carries no data, so it runs through sqlite3_exec(); every
 * statement that carries data is prepared and bound.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the list, its catalogues and its records. */
	"CREATE TABLE list_header ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  org TEXT NOT NULL DEFAULT '',"
	"  title TEXT NOT NULL DEFAULT '',"
	"  area TEXT NOT NULL DEFAULT '',"
	"  order_no TEXT NOT NULL DEFAULT '',"
	"  order_date TEXT NOT NULL DEFAULT '',"
	"  version INTEGER NOT NULL DEFAULT 1);"
	"INSERT INTO list_header (id) VALUES (1);"
	"CREATE TABLE need_category ("
	"  code INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 9),"
	"  clause TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  patterns TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE kind ("
	"  code TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  channel INTEGER NOT NULL CHECK (channel IN (1, 2)),"
	"  clause TEXT NOT NULL DEFAULT '',"
	"  key_default INTEGER NOT NULL DEFAULT 0,"
	"  written INTEGER NOT NULL DEFAULT 0,"
	"  phone INTEGER NOT NULL DEFAULT 0,"
	"  custom INTEGER NOT NULL DEFAULT 0,"
	"  patterns TEXT NOT NULL DEFAULT '',"
	"  pos INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE process ("
	"  id INTEGER PRIMARY KEY,"
	"  pos INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX process_pos ON process (pos);"
	"CREATE TABLE touchpoint ("
	"  id INTEGER PRIMARY KEY,"
	"  process_id INTEGER NOT NULL REFERENCES process (id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  kind TEXT REFERENCES kind (code),"
	"  channel INTEGER NOT NULL DEFAULT 0 CHECK (channel IN (0, 1, 2)),"
	"  specifics TEXT NOT NULL DEFAULT '',"
	"  is_key INTEGER NOT NULL DEFAULT 0,"
	"  basis_type INTEGER NOT NULL DEFAULT 0,"
	"  basis TEXT NOT NULL DEFAULT '',"
	"  unit TEXT NOT NULL DEFAULT '',"
	"  audience INTEGER NOT NULL DEFAULT 0,"
	"  max_transfers INTEGER,"
	"  ack_receipt INTEGER,"
	"  excluded INTEGER NOT NULL DEFAULT 0,"
	"  exclude_reason TEXT NOT NULL DEFAULT '',"
	"  version INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX touchpoint_order ON touchpoint (process_id, pos);"
	"CREATE TABLE contact ("
	"  id INTEGER PRIMARY KEY,"
	"  touchpoint_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  type INTEGER NOT NULL CHECK (type BETWEEN 1 AND 4),"
	"  value TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX contact_order ON contact (touchpoint_id, pos);"
	"CREATE TABLE need ("
	"  id INTEGER PRIMARY KEY,"
	"  touchpoint_id INTEGER NOT NULL REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  wording TEXT NOT NULL,"
	"  category INTEGER REFERENCES need_category (code),"
	"  version INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX need_order ON need (touchpoint_id, pos);",
	/* 1 -> 2: warnings accepted with a justification (rules R4, R5, R7,
	 * R8).  touchpoint_id is NULL for a process rule; one row per rule
	 * and record. */
	"CREATE TABLE ack ("
	"  id INTEGER PRIMARY KEY,"
	"  rule TEXT NOT NULL,"
	"  process_id INTEGER NOT NULL REFERENCES process (id) ON DELETE CASCADE,"
	"  touchpoint_id INTEGER REFERENCES touchpoint (id) ON DELETE CASCADE,"
	"  justification TEXT NOT NULL CHECK (justification <> ''),"
	"  login TEXT NOT NULL,"
	"  created_utc TEXT NOT NULL);"
	"CREATE UNIQUE INDEX ack_target ON ack (rule, process_id,"
	"  coalesce(touchpoint_id, 0));"
	"CREATE INDEX ack_process ON ack (process_id);"
	"CREATE INDEX ack_touchpoint ON ack (touchpoint_id);",
	/* 2 -> 3: the change log (п. 5.3) and approved revisions with a
	 * frozen copy of the list each (п. 5.1-5.2, 5.4). */
	"CREATE TABLE change_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at_utc TEXT NOT NULL,"
	"  login TEXT NOT NULL,"
	"  record TEXT NOT NULL,"
	"  record_id INTEGER NOT NULL,"
	"  process_id INTEGER,"
	"  label TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  old_value TEXT NOT NULL,"
	"  new_value TEXT NOT NULL,"
	"  trigger INTEGER NOT NULL CHECK (trigger BETWEEN 0 AND 5));"
	"CREATE INDEX change_log_at ON change_log (at_utc);"
	"CREATE TABLE revision ("
	"  id INTEGER PRIMARY KEY,"
	"  order_no TEXT NOT NULL,"
	"  order_date TEXT NOT NULL,"
	"  approved_utc TEXT NOT NULL,"
	"  approved_by TEXT NOT NULL,"
	"  last_change_id INTEGER NOT NULL,"
	"  published_date TEXT NOT NULL DEFAULT '',"
	"  published_url TEXT NOT NULL DEFAULT '',"
	"  published_utc TEXT NOT NULL DEFAULT '',"
	"  published_by TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE rev_header ("
	"  revision_id INTEGER PRIMARY KEY REFERENCES revision (id),"
	"  org TEXT NOT NULL, title TEXT NOT NULL, area TEXT NOT NULL);"
	"CREATE TABLE rev_process ("
	"  revision_id INTEGER NOT NULL REFERENCES revision (id),"
	"  id INTEGER NOT NULL, pos INTEGER NOT NULL, name TEXT NOT NULL,"
	"  PRIMARY KEY (revision_id, id));"
	"CREATE TABLE rev_touchpoint ("
	"  revision_id INTEGER NOT NULL REFERENCES revision (id),"
	"  id INTEGER NOT NULL, process_id INTEGER NOT NULL,"
	"  pos INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT,"
	"  channel INTEGER NOT NULL, specifics TEXT NOT NULL,"
	"  is_key INTEGER NOT NULL, basis_type INTEGER NOT NULL,"
	"  basis TEXT NOT NULL, unit TEXT NOT NULL, audience INTEGER NOT NULL,"
	"  max_transfers INTEGER, ack_receipt INTEGER,"
	"  excluded INTEGER NOT NULL, exclude_reason TEXT NOT NULL,"
	"  PRIMARY KEY (revision_id, id));"
	"CREATE TABLE rev_contact ("
	"  revision_id INTEGER NOT NULL REFERENCES revision (id),"
	"  touchpoint_id INTEGER NOT NULL, pos INTEGER NOT NULL,"
	"  type INTEGER NOT NULL, value TEXT NOT NULL);"
	"CREATE INDEX rev_contact_tp ON rev_contact (revision_id, touchpoint_id);"
	"CREATE TABLE rev_need ("
	"  revision_id INTEGER NOT NULL REFERENCES revision (id),"
	"  touchpoint_id INTEGER NOT NULL, id INTEGER NOT NULL,"
	"  pos INTEGER NOT NULL, wording TEXT NOT NULL, category INTEGER);"
	"CREATE INDEX rev_need_tp ON rev_need (revision_id, touchpoint_id);",
	/* 3 -> 4: settings of the printed document (page, font, grif). */
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);",
	/* 4 -> 5: roles by Unix account (п. 2.2) and review sessions with
	 * their verdicts.  IF NOT EXISTS: tests rebuild older schemas by
	 * dropping only the tables of their own step. */
	"CREATE TABLE IF NOT EXISTS users ("
	"  login TEXT PRIMARY KEY,"
	"  role TEXT NOT NULL CHECK (role IN ('authorised', 'editor',"
	"    'viewer')),"
	"  created_utc TEXT NOT NULL,"
	"  created_by TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS user_units ("
	"  login TEXT NOT NULL REFERENCES users (login) ON DELETE CASCADE,"
	"  unit TEXT NOT NULL CHECK (unit <> ''),"
	"  PRIMARY KEY (login, unit));"
	"CREATE TABLE IF NOT EXISTS review_session ("
	"  id INTEGER PRIMARY KEY,"
	"  scope TEXT NOT NULL,"
	"  unit TEXT NOT NULL DEFAULT '',"
	"  revision_id INTEGER NOT NULL DEFAULT 0,"
	"  started_by TEXT NOT NULL,"
	"  started_utc TEXT NOT NULL,"
	"  finished_utc TEXT NOT NULL DEFAULT '',"
	"  position INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE IF NOT EXISTS review_item ("
	"  session_id INTEGER NOT NULL REFERENCES review_session (id)"
	"    ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  touchpoint_id INTEGER NOT NULL,"
	"  label TEXT NOT NULL,"
	"  verdict TEXT NOT NULL DEFAULT 'pending' CHECK (verdict IN"
	"    ('pending', 'accepted', 'returned', 'skipped')),"
	"  comment TEXT NOT NULL DEFAULT '',"
	"  login TEXT NOT NULL DEFAULT '',"
	"  at_utc TEXT NOT NULL DEFAULT '',"
	"  log_id INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (session_id, pos));"
	"CREATE INDEX IF NOT EXISTS review_item_tp ON review_item"
	"  (touchpoint_id, log_id);"
	"CREATE INDEX IF NOT EXISTS change_log_record ON change_log"
	"  (record_id, id);",
	/* 5 -> 6: a process excluded from the list with a reason (п. 5.3.4),
	 * as touchpoints are; approved revisions keep the flag. */
	"ALTER TABLE process ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE process ADD COLUMN exclude_reason TEXT NOT NULL"
	"  DEFAULT '';"
	"ALTER TABLE rev_process ADD COLUMN excluded INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE rev_process ADD COLUMN exclude_reason TEXT NOT NULL"
	"  DEFAULT '';",
	/* 6 -> 7: the body's name in the genitive, as the grif prints it
	 * («приказом Министерства …», п. 5.1), kept beside the nominative
	 * in the list and in every revision; and, per revision, the
	 * actualisation cycle it closed (п. 5.4): the day the working copy
	 * began to differ from the revision before and the deadline that
	 * followed, so that a late approval stays late on record. */
	"ALTER TABLE list_header ADD COLUMN org_genitive TEXT NOT NULL"
	"  DEFAULT '';"
	"ALTER TABLE rev_header ADD COLUMN org_genitive TEXT NOT NULL"
	"  DEFAULT '';"
	"ALTER TABLE revision ADD COLUMN cycle_start TEXT NOT NULL"
	"  DEFAULT '';"
	"ALTER TABLE revision ADD COLUMN cycle_due TEXT NOT NULL"
	"  DEFAULT '';"
	/* ЕПГУ and ГИС ТОР КНД carry messages in a personal account:
	 * written channels of п. 3.2.4, key by default (п. 3.2).  A list
	 * keeps the catalogue it was made with, so correct the shipped
	 * kinds in it (never a kind the clerk added). */
	"UPDATE kind SET key_default = 1, written = 1"
	"  WHERE code IN ('epgu', 'tor_knd') AND custom = 0;",
	/* 7 -> 8: a verdict is about the version the reviewer saw: the
	 * newest change-log entry when the item was last shown (-1: never
	 * shown); accepting refuses a touchpoint changed after it.  And a
	 * revision read back process by process finds its touchpoints by
	 * index: approval checks against the last revision while it holds
	 * the write lock, so that must not scan the revision per process. */
	"ALTER TABLE review_item ADD COLUMN seen_log_id INTEGER NOT NULL"
	"  DEFAULT -1;"
	"CREATE INDEX IF NOT EXISTS rev_touchpoint_process ON rev_touchpoint"
	"  (revision_id, process_id, pos);",
	/* 8 -> 9: search through an index.  tp_search holds, per touchpoint
	 * (rowid = touchpoint id), every text its row is searched by, joined
	 * by U+0001 (no needle holds it, so no match spans two texts), ё
	 * written е; the trigram tokenizer folds case, Cyrillic included,
	 * and finds any substring of three characters or more.  Triggers
	 * keep it current in the transaction of every change; while
	 * search_index.live is 0 (a whole list being written) they stand
	 * aside and the writer indexes in one pass (store_list.c). */
	"CREATE TABLE IF NOT EXISTS search_index("
	"id INTEGER PRIMARY KEY CHECK(id=1),live INTEGER NOT NULL);"
	"INSERT OR IGNORE INTO search_index(id,live)VALUES(1,1);"
	"CREATE VIRTUAL TABLE IF NOT EXISTS tp_search USING fts5(body,"
	"tokenize='trigram case_sensitive 0');"
	"CREATE VIEW IF NOT EXISTS tp_search_text(id,body)AS "
	"SELECT t.id,replace(replace(t.name||char(1)||t.specifics||char(1)"
	"||t.unit||char(1)||t.basis||char(1)||t.exclude_reason||char(1)"
	"||coalesce((SELECT k.name FROM kind k WHERE k.code=t.kind),'')"
	"||char(1)||coalesce((SELECT group_concat(n.wording,char(1))"
	"FROM need n WHERE n.touchpoint_id=t.id),'')"
	"||char(1)||coalesce((SELECT group_concat(c.value,char(1))"
	"FROM contact c WHERE c.touchpoint_id=t.id),''),"
	"'ё','е'),'Ё','е')FROM touchpoint t;"
	SEARCH_TRIGGER("tp_ins", "INSERT ON touchpoint", "NEW.id")
	SEARCH_TRIGGER("tp_upd", "UPDATE OF name,specifics,unit,basis,"
	    "exclude_reason,kind ON touchpoint", "NEW.id")
	SEARCH_TRIGGER("tp_del", "DELETE ON touchpoint", "OLD.id")
	SEARCH_TRIGGER("need_ins", "INSERT ON need", "NEW.touchpoint_id")
	SEARCH_TRIGGER("need_upd", "UPDATE ON need", "NEW.touchpoint_id")
	SEARCH_TRIGGER("need_del", "DELETE ON need", "OLD.touchpoint_id")
	SEARCH_TRIGGER("contact_ins", "INSERT ON contact", "NEW.touchpoint_id")
	SEARCH_TRIGGER("contact_upd", "UPDATE ON contact", "NEW.touchpoint_id")
	SEARCH_TRIGGER("contact_del", "DELETE ON contact", "OLD.touchpoint_id")
	"CREATE TRIGGER IF NOT EXISTS tp_search_kind AFTER UPDATE OF name "
	"ON kind WHEN(SELECT live FROM search_index)BEGIN "
	"DELETE FROM tp_search WHERE rowid IN"
	"(SELECT id FROM touchpoint WHERE kind=NEW.code);"
	"INSERT INTO tp_search(rowid,body)SELECT id,body FROM tp_search_text "
	"WHERE id IN(SELECT id FROM touchpoint WHERE kind=NEW.code);END;"
	"DELETE FROM tp_search;"
	"INSERT INTO tp_search(rowid,body)SELECT id,body FROM tp_search_text;",
	/* 9 -> 10: the log nobody rewrites unseen (store_chain.h): each
	 * entry's hash chained to the one before, each revision's over its
	 * frozen list, and where the editor's last check ended.  The
	 * existing log is hashed in this step's transaction (chain_step). */
	"ALTER TABLE change_log ADD COLUMN hash BLOB;"
	"ALTER TABLE revision ADD COLUMN hash BLOB;"
	"CREATE TABLE IF NOT EXISTS chain_checkpoint ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  log_id INTEGER NOT NULL,"
	"  hash BLOB NOT NULL,"
	"  revision_id INTEGER NOT NULL);",
	/* 10 -> 11: whether a revision's order approved the list anew
	 * («Об утверждении перечня…», repealing the order before) or
	 * amended it; the grif cites the latest approving order.  Lists
	 * had only the first kind of order so far as the program read
	 * them: the first revision approved, every later one amended.
	 * The revisions' hashes stay as they are (store_chain.c hashes
	 * the kind only where it departs from this reading). */
	"ALTER TABLE revision ADD COLUMN approves INTEGER NOT NULL"
	"  DEFAULT 0 CHECK (approves IN (0, 1));"
	"UPDATE revision SET approves = 1"
	"  WHERE id = (SELECT min(id) FROM revision);",
};

/* What a step needs beyond its schema text, in its transaction. */
static int
chain_step(struct store *s, int to_version, struct error *err)
{
	return to_version == 10 ? store_chain_seal_all(s, err) : 0;
}

#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

_Static_assert(NMIGRATIONS == STORE_SCHEMA_VERSION,
    "one migration per schema version");

int
store_fail(struct store *s, const char *doing, struct error *err)
{
	int code = sqlite3_extended_errcode(s->db) & 0xff;

	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return error_set(err, "%s: перечень сейчас изменяет другой "
		    "пользователь (база занята); повторите через минуту",
		    doing);
	case SQLITE_READONLY:
		return error_set(err, "%s: файл %s открыт только для чтения "
		    "(нет прав на запись)", doing, s->path);
	case SQLITE_FULL:
		return error_set(err, "%s: диск заполнен, на нём нет места для "
		    "%s; изменение не сохранено", doing, s->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return error_set(err, "%s: файл %s повреждён или не является "
		    "базой перечня", doing, s->path);
	case SQLITE_IOERR:
		if (sqlite3_system_errno(s->db) == ENOSPC)
			return error_set(err, "%s: диск заполнен, на нём нет "
			    "места для %s; изменение не сохранено", doing,
			    s->path);
		return error_set(err, "%s: ошибка ввода-вывода при работе с %s",
		    doing, s->path);
	default:
		return error_set(err, "%s: %s", doing, sqlite3_errmsg(s->db));
	}
}

int
store_prepare(struct store *s, sqlite3_stmt **st, const char *sql,
    struct error *err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return store_fail(s, "запрос к базе", err);
	return 0;
}

int
store_bind_text(sqlite3_stmt *st, int idx, const char *text)
{
	return sqlite3_bind_text(st, idx, text != NULL ? text : "", -1,
	    SQLITE_TRANSIENT);
}

int
store_step_done(struct store *s, sqlite3_stmt *st, const char *doing,
    struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_fail(s, doing, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

char *
store_column_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return xstrdup(t != NULL ? (const char *)t : "");
}

/* Run schema text (no data in it). */
static int
exec_schema(struct store *s, const char *sql, const char *doing,
    struct error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, doing, err);
	return 0;
}

static int
pragma_int(struct store *s, const char *sql, int *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, sql, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		store_fail(s, "чтение параметров базы", err);
		sqlite3_finalize(st);
		return -1;
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Bring the schema up to STORE_SCHEMA_VERSION, one transaction per step. */
static int
migrate(struct store *s, struct error *err)
{
	int version;

	if (pragma_int(s, "PRAGMA user_version", &version, err) != 0)
		return -1;
	if (version > STORE_SCHEMA_VERSION)
		return error_set(err, "база %s создана более новой версией "
		    "perechen (схема %d, эта программа знает до %d); обновите "
		    "программу", s->path, version, STORE_SCHEMA_VERSION);
	if (version == 0) {
		int tables;

		if (pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables,
		    err) != 0)
			return -1;
		if (tables != 0)
			return error_set(err, "файл %s — база SQLite, но не "
			    "перечень perechen", s->path);
	}
	if (version < STORE_SCHEMA_VERSION && (s->flags & STORE_READONLY))
		return error_set(err, "база %s требует обновления схемы, а "
		    "открыта только для чтения", s->path);
	while ((size_t)version < NMIGRATIONS) {
		char pragma[64];

		if (store_begin(s, err) != 0)
			return -1;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d",
		    version + 1);
		if (exec_schema(s, migrations[version], "обновление схемы базы",
		    err) != 0 || chain_step(s, version + 1, err) != 0 ||
		    exec_schema(s, pragma, "обновление схемы базы", err) != 0 ||
		    store_commit(s, err) != 0) {
			store_rollback(s);
			return -1;
		}
		version++;
	}
	return 0;
}

static int
configure(struct store *s, struct error *err)
{
	int fk;

	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (exec_schema(s, "PRAGMA foreign_keys = ON", "настройка базы",
	    err) != 0)
		return -1;
	if (pragma_int(s, "PRAGMA foreign_keys", &fk, err) != 0)
		return -1;
	if (!fk)
		return error_set(err, "SQLite собран без внешних ключей");
	if (!(s->flags & STORE_READONLY) && strcmp(s->path, ":memory:") != 0) {
		/* WAL lets clerks read while another writes. */
		if (exec_schema(s, "PRAGMA journal_mode = WAL",
		    "настройка базы", err) != 0)
			return -1;
	}
	return 0;
}

/* "file:" URI of path for SQLite, with the characters URIs reserve
 * escaped; immutable: the file is read as it is, with no -shm or -wal. */
static char *
immutable_uri(const char *path)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "file:");
	for (const char *p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_putc(&b, *p);
	}
	buf_puts(&b, "?immutable=1");
	return buf_detach(&b);
}

/* Open the connection and bring it up; name is a path or a URI. */
static int
open_connection(struct store *s, const char *name, int oflags,
    struct error *err)
{
	if (sqlite3_open_v2(name, &s->db, oflags | SQLITE_OPEN_FULLMUTEX,
	    NULL) != SQLITE_OK) {
		if (s->db == NULL)
			error_oom();
		return store_fail(s, "открытие перечня", err);
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (configure(s, err) != 0 || migrate(s, err) != 0)
		return -1;
	return 0;
}

/* Whether the file system holding path has no room left: opening for
 * writing then fails on the -shm and -wal files, reading need not. */
static bool
disk_is_full(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	struct statvfs v;
	bool full;

	if (slash == NULL)
		snprintf(dir, strlen(dir) + 1, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	full = statvfs(dir, &v) == 0 && v.f_bavail == 0;
	free(dir);
	return full;
}

/* Whether a failed open is one that reading alone may get past. */
static bool
is_access_failure(int code)
{
	return code == SQLITE_CANTOPEN || code == SQLITE_READONLY ||
	    code == SQLITE_PERM || code == SQLITE_AUTH;
}

/* Whether path's write-ahead log holds nothing: then the file alone is
 * the list, and reading it as immutable loses nothing committed. */
static bool
wal_is_empty(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat sb;
	bool empty = stat(wal, &sb) != 0 || sb.st_size == 0;

	free(wal);
	return empty;
}

/*
 * Open s->path as s->flags ask.  Read-only, a WAL database in a directory
 * the clerk may not write, or on a full disk, cannot get its -shm file:
 * read it then as an immutable file.  *code gets SQLite's primary result
 * code on failure.
 */
static int
try_open(struct store *s, int *code, struct error *err)
{
	int oflags = (s->flags & STORE_READONLY) ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | ((s->flags & STORE_CREATE) ?
	    SQLITE_OPEN_CREATE : 0);
	char *uri;
	int rc;

	if (open_connection(s, s->path, oflags, err) == 0)
		return 0;
	*code = s->db != NULL ? sqlite3_errcode(s->db) & 0xff : 0;
	sqlite3_close(s->db);
	s->db = NULL;
	if (!(s->flags & STORE_READONLY) || (!is_access_failure(*code) &&
	    !s->disk_full))
		return -1;
	if (s->disk_full && !wal_is_empty(s->path))
		return error_set(err, "диск заполнен, а последние изменения "
		    "перечня ещё в файле %s-wal: освободите место на диске, "
		    "чтобы его прочитать", s->path);
	uri = immutable_uri(s->path);
	rc = open_connection(s, uri, oflags | SQLITE_OPEN_URI, err);
	free(uri);
	if (rc != 0) {
		*code = s->db != NULL ? sqlite3_errcode(s->db) & 0xff : 0;
		sqlite3_close(s->db);
		s->db = NULL;
	}
	return rc;
}

/*
 * A new list's file, made before SQLite opens it (SQLite would make it
 * 0644): 0666 less the clerk's umask, so that umask 002 shares it with
 * the group, in the folder's group when the folder is setgid (the
 * kernel's rule).  SQLite gives the -wal and -shm files the database's
 * mode.  One racing to make it first is no failure; a link pointing
 * nowhere is not followed to make a file where it points.
 */
static int
create_list_file(const char *path, struct error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0666);
	int e = errno;
	struct stat sb;

	if (fd >= 0)
		return close(fd) == 0 ? 0 : error_set_errno(err, errno,
		    "не удалось создать перечень %s", path);
	if (e != EEXIST)
		return error_set_errno(err, e, "не удалось создать "
		    "перечень %s", path);
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
		return error_set(err, "перечень %s не создан: это "
		    "символическая ссылка на несуществующий файл", path);
	return 0;
}

/*
 * The open as asked failed with code: a file the clerk may only read, or
 * one on a full disk, still opens for reading; every change then says
 * why it cannot be saved, and nothing is lost.  -1 keeps err.
 */
static int
store_open_reading(struct store *s, bool exists, int code, struct error *err)
{
	bool full = exists && (code == SQLITE_IOERR || code == SQLITE_FULL ||
	    code == SQLITE_CANTOPEN) && disk_is_full(s->path);

	if (!exists || (!full && (s->flags & STORE_READONLY)) ||
	    (!full && !is_access_failure(code)))
		return -1;
	s->flags |= STORE_READONLY;
	s->disk_full = full;
	return try_open(s, &code, err);
}

/* Mark a file this connection created as holding no list yet. */
static int
mark_unfinished(struct store *s, struct error *err)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", UNFINISHED_ID);
	if (exec_schema(s, sql, "создание перечня", err) != 0)
		return -1;
	s->unfinished = true;
	return 0;
}

/*
 * Whether s is a file whose creation was cut short (a kill -9 during the
 * first import): still marked unfinished, with no process, and nobody
 * writing it now (a creator between its two first transactions would be).
 */
static bool
is_abandoned(struct store *s)
{
	struct error err;
	int id, procs;
	bool idle;

	if (pragma_int(s, "PRAGMA application_id", &id, &err) != 0 ||
	    id != UNFINISHED_ID ||
	    pragma_int(s, "SELECT count(*) FROM process", &procs, &err) != 0 ||
	    procs != 0)
		return false;
	sqlite3_busy_timeout(s->db, 0);
	idle = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK;
	store_rollback(s);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return idle;
}

/* Remove the database file path and its journals. */
static void
remove_database(const char *path)
{
	static const char *const suffixes[] = {
		"", "-wal", "-shm", "-journal"
	};

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);

		unlink(p);
		free(p);
	}
}

/*
 * A new file is marked unfinished until its first list commits; a file
 * left so by a killed creator is removed, then made anew when asked to
 * create, else reported missing.  Consumes s on removal.
 */
static int
settle_creation(struct store **sp, bool exists, int flags, struct error *err)
{
	struct store *s = *sp;
	char *path;
	int rc;

	if (strcmp(s->path, ":memory:") == 0 || (s->flags & STORE_READONLY))
		return 0;
	if (!exists)
		return mark_unfinished(s, err);
	if (!is_abandoned(s))
		return 0;
	path = xstrdup(s->path);
	store_close(s);
	*sp = NULL;
	remove_database(path);
	if (flags & STORE_CREATE)
		rc = store_open(sp, path, flags, err);
	else
		rc = error_set(err, "перечень %s не найден: его создание было "
		    "прервано, и пустой файл удалён; создайте перечень заново "
		    "(perechen -d %s import или init)", path, path);
	free(path);
	return rc;
}

int
store_open(struct store **out, const char *path, int flags,
    struct error *err)
{
	struct store *s;
	struct stat sb;
	bool exists = true;
	int code = 0;

	*out = NULL;
	if (strcmp(path, ":memory:") != 0 && stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return error_set_errno(err, errno, "%s", path);
		if (!(flags & STORE_CREATE))
			return error_set(err, "перечень %s не найден; создайте "
			    "его командой «perechen -d %s init» или импортом",
			    path, path);
		if (create_list_file(path, err) != 0)
			return -1;
		exists = false;
	} else if (strcmp(path, ":memory:") != 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size == 0) {
		/* Made by create_list_file for a creator killed before
		 * SQLite wrote to it (or by touch): no list yet.  Only a
		 * command that creates one may make it; reading ones must
		 * not leave a migrated empty list behind. */
		if (!(flags & STORE_CREATE))
			return error_set(err, "перечень %s не найден: файл пуст "
			    "(его создание было прервано?); создайте перечень "
			    "заново (perechen -d %s import или init)", path,
			    path);
		exists = false;
	}
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->flags = flags;
	if (try_open(s, &code, err) != 0 &&
	    store_open_reading(s, exists, code, err) != 0) {
		store_close(s);
		return -1;
	}
	if (settle_creation(&s, exists, flags, err) != 0) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

bool
store_is_readonly(const struct store *s)
{
	return (s->flags & STORE_READONLY) != 0;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

void
store_set_busy_timeout(struct store *s, int ms)
{
	sqlite3_busy_timeout(s->db, ms);
}

int
store_read_begin(struct store *s, bool *began, struct error *err)
{
	*began = false;
	if (!sqlite3_get_autocommit(s->db))
		return 0;
	if (exec_schema(s, "BEGIN", "чтение перечня", err) != 0)
		return -1;
	*began = true;
	return 0;
}

void
store_read_end(struct store *s, bool began)
{
	/* Nothing was written: the end of a read cannot lose anything. */
	if (began)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

int
store_begin(struct store *s, struct error *err)
{
	if (s->disk_full)
		return error_set(err, "диск заполнен: на диске, где лежит %s, "
		    "нет места; изменение не сохранено — освободите место и "
		    "повторите", s->path);
	if (s->flags & STORE_READONLY)
		return error_set(err, "перечень %s открыт только для чтения "
		    "(нет прав на запись в файл или его каталог); изменения "
		    "не сохранены", s->path);
	return exec_schema(s, "BEGIN IMMEDIATE", "начало изменения", err);
}

/* Process-wide, like the exit status it qualifies. */
static bool saved_any;

bool
store_saved_any(void)
{
	return saved_any;
}

int
store_commit(struct store *s, struct error *err)
{
	/* The first list of a new file: it is finished with this commit. */
	bool finishing = s->unfinished && !s->seeding;

	s->seeding = false;
	if (finishing && exec_schema(s, "PRAGMA application_id = 0",
	    "сохранение изменения", err) != 0)
		return -1;
	if (exec_schema(s, "COMMIT", "сохранение изменения", err) != 0)
		return -1;
	saved_any = true;
	if (finishing)
		s->unfinished = false;
	return 0;
}

void
store_rollback(struct store *s)
{
	s->seeding = false;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}
