/* store_backup.c - copies through sqlite3_backup_*, and restoring one. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store_backup.h"

/* How long a copy waits for a writer holding the destination. */
#define BACKUP_TRIES	100
#define BACKUP_PAUSE_NS	50000000L

/* Copy all of src's main database into dst's in one step: one read
 * snapshot of src, retried while dst is locked by another writer. */
static int
copy_database(sqlite3 *dst, sqlite3 *src, int *code)
{
	const struct timespec pause = { 0, BACKUP_PAUSE_NS };
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc = SQLITE_ERROR;

	if (b == NULL) {
		*code = sqlite3_errcode(dst);
		return -1;
	}
	for (int i = 0; i < BACKUP_TRIES; i++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		nanosleep(&pause, NULL);
	}
	sqlite3_backup_finish(b);
	*code = rc;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* A new file for the copy, made here so that it never follows a link nor
 * replaces a file; closed again for SQLite to open. */
static int
create_copy_file(const char *path, struct error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);

	if (fd < 0)
		return error_set_errno(err, errno, "копия %s не создана", path);
	close(fd);
	return 0;
}

int
store_backup_to(struct store *s, const char *path, struct error *err)
{
	sqlite3 *dst = NULL;
	int code = SQLITE_OK, rc;

	if (create_copy_file(path, err) != 0)
		return -1;
	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK ? 0 : -1;
	if (dst == NULL)
		error_oom();
	if (rc == 0)
		rc = copy_database(dst, s->db, &code);
	/* The copy carries the list's WAL mode: make it one file. */
	if (rc == 0 && sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL,
	    NULL, NULL) != SQLITE_OK) {
		rc = -1;
		code = sqlite3_errcode(dst);
	}
	if (rc != 0) {
		if (code == SQLITE_FULL || (dst != NULL &&
		    sqlite3_system_errno(dst) == ENOSPC))
			error_set(err, "копия %s не записана: диск заполнен",
			    path);
		else
			error_set(err, "копия %s не записана: %s", path,
			    sqlite3_errmsg(dst));
	}
	sqlite3_close(dst);
	if (rc != 0)
		unlink(path);
	return rc;
}

int
store_backup_last_change(struct store *s, struct backup_last *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (store_prepare(s, &st, "SELECT id, at_utc, login, field || ': ' || "
	    "label FROM change_log ORDER BY id DESC LIMIT 1", err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		snprintf(out->at_utc, sizeof out->at_utc, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(out->login, sizeof out->login, "%s",
		    (const char *)sqlite3_column_text(st, 2));
		snprintf(out->what, sizeof out->what, "%s",
		    (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "чтение журнала изменений", err);
	return 0;
}

/* The schema version of the database at path, read without changing it. */
static int
copy_schema(const char *path, int *version, struct error *err)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		rc = 0;
	} else if (db == NULL) {
		error_oom();
	} else {
		error_set(err, "%s не читается как перечень: %s", path,
		    sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

/* The copy at path into a new private file; its path into *scratch. */
static int
copy_to_scratch(const char *path, char **scratch, struct error *err)
{
	const char *dir = getenv("TMPDIR");
	sqlite3 *src = NULL, *dst = NULL;
	int fd, code, rc = -1;

	if (dir == NULL || dir[0] != '/')
		dir = "/tmp";
	*scratch = xasprintf("%s/perechen-copy.XXXXXX", dir);
	if ((fd = mkstemp(*scratch)) < 0) {
		error_set_errno(err, errno, "временный файл в %s не создан",
		    dir);
		free(*scratch);
		*scratch = NULL;
		return -1;
	}
	close(fd);
	code = sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL);
	if (code == SQLITE_OK)
		code = sqlite3_open_v2(*scratch, &dst, SQLITE_OPEN_READWRITE,
		    NULL);
	if (code == SQLITE_NOMEM)
		error_oom();
	if (code == SQLITE_OK)
		rc = copy_database(dst, src, &code);
	if (rc != 0)
		error_set(err, "копия %s не прочитана во временный файл %s: %s",
		    path, *scratch, code == SQLITE_FULL ? "диск заполнен" :
		    sqlite3_errstr(code));
	sqlite3_close(src);
	sqlite3_close(dst);
	if (rc != 0) {
		store_copy_scratch_remove(*scratch);
		*scratch = NULL;
	}
	return rc;
}

int
store_open_copy(struct store **out, const char *path, char **scratch,
    struct error *err)
{
	int version;

	*out = NULL;
	*scratch = NULL;
	if (copy_schema(path, &version, err) != 0)
		return -1;
	if (version >= STORE_SCHEMA_VERSION || version == 0)
		return store_open(out, path, STORE_READONLY, err);
	if (copy_to_scratch(path, scratch, err) != 0)
		return -1;
	if (store_open(out, *scratch, 0, err) == 0)
		return 0;
	store_copy_scratch_remove(*scratch);
	*scratch = NULL;
	return -1;
}

void
store_copy_scratch_remove(char *scratch)
{
	static const char *const beside[] = { "", "-wal", "-shm", "-journal" };

	if (scratch == NULL)
		return;
	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
		char *p = xasprintf("%s%s", scratch, beside[i]);

		unlink(p);
		free(p);
	}
	free(scratch);
}

int
store_restore_from(struct store *s, struct store *from, struct error *err)
{
	int code;

	if (store_is_readonly(s))
		return error_set(err, "перечень %s открыт только для чтения: "
		    "восстановить его нельзя", s->path);
	if (copy_database(s->db, from->db, &code) == 0)
		return 0;
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return error_set(err, "перечень %s сейчас изменяет другой "
		    "пользователь; повторите через минуту", s->path);
	return error_set(err, "перечень %s не восстановлен: %s", s->path,
	    sqlite3_errstr(code));
}
