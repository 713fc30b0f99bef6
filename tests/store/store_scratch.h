/*
 * store_scratch.h - for store tests: a database file of their own in
 * /tmp, and its removal with the WAL files SQLite leaves beside it.
 * Header-only (each test program is one file); include after <cmocka.h>.
 */
#ifndef PERECHEN_TEST_STORE_SCRATCH_H
#define PERECHEN_TEST_STORE_SCRATCH_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "error.h"

/* A fresh path (the file itself not created) into path, len bytes. */
static inline void
scratch_path(char *path, size_t len, const char *tag)
{
	int fd;

	snprintf(path, len, "/tmp/perechen-%s-XXXXXX", tag);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
}

/* Remove the database at path and its -wal and -shm files. */
static inline void
scratch_remove(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm" };

	unlink(path);
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);

		unlink(p);
		free(p);
	}
}

/* Run sql on the database at path beside the program, as a clerk with
 * sqlite3 would. */
static inline void
scratch_tamper(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
}

#endif
