/*
 * schema_downgrade.h - for store tests of migrations: turn a current
 * database back into an older schema by dropping what later migrations
 * added.  Header-only (each test program is one file).
 */
#ifndef PERECHEN_TEST_SCHEMA_DOWNGRADE_H
#define PERECHEN_TEST_SCHEMA_DOWNGRADE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strvec.h"

/*
 * Keep only the tables named in keep (nkeep of them), run undo_sql (the
 * columns later migrations added, dropped), and set user_version to
 * version.
 */
static void
schema_downgrade(const char *path, const char *const *keep, size_t nkeep,
    const char *undo_sql, int version)
{
	struct strvec drop;
	sqlite3_stmt *st;
	sqlite3 *db;
	char *pragma;

	strvec_init(&drop);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* The search index (schema 9) first: its triggers sit on kept
	 * tables, and its virtual table drops its own shadow tables. */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema "
	    "WHERE type = 'trigger' AND name LIKE 'tp_search_%'", -1, &st,
	    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		strvec_push(&drop, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (size_t i = 0; i < drop.n; i++) {
		char *sql = xasprintf("DROP TRIGGER \"%s\"", drop.v[i]);

		assert_int_equal(sqlite3_exec(db, sql, 0, 0, 0), SQLITE_OK);
		free(sql);
	}
	strvec_fini(&drop);
	strvec_init(&drop);
	/* The hashes of schema 10, where the tables still have them. */
	sqlite3_exec(db, "ALTER TABLE change_log DROP COLUMN hash", 0, 0, 0);
	sqlite3_exec(db, "ALTER TABLE revision DROP COLUMN hash", 0, 0, 0);
	/* A revision's kind, schema 11. */
	sqlite3_exec(db, "ALTER TABLE revision DROP COLUMN approves", 0, 0, 0);
	assert_int_equal(sqlite3_exec(db, "DROP VIEW IF EXISTS tp_search_text;"
	    "DROP TABLE IF EXISTS tp_search", 0, 0, 0), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema "
	    "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		bool kept = false;

		for (size_t i = 0; i < nkeep; i++)
			kept = kept || strcmp(name, keep[i]) == 0;
		if (!kept)
			strvec_push(&drop, name);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < drop.n; i++) {
		char *sql = xasprintf("DROP TABLE \"%s\"", drop.v[i]);

		assert_int_equal(sqlite3_exec(db, sql, 0, 0, 0), SQLITE_OK);
		free(sql);
	}
	assert_int_equal(sqlite3_exec(db, undo_sql, 0, 0, 0), SQLITE_OK);
	pragma = xasprintf("PRAGMA user_version = %d", version);
	assert_int_equal(sqlite3_exec(db, pragma, 0, 0, 0), SQLITE_OK);
	free(pragma);
	sqlite3_close(db);
	strvec_fini(&drop);
}

#endif
