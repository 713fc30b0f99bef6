#!/bin/sh
# perechen verify: the log the program wrote verifies; an entry or a
# revision changed with sqlite3 is named, with exit 1; a list of schema 9
# gets its log hashed when opened.
. "$TESTS_DIR/cli/lib.sh"

skip_without sqlite3
P="$PERECHEN"
expect_status 0 "$P" -d "$DB" import --quiet "$EXAMPLE"
expect_status 0 "$P" -d "$DB" init --org "Министерство цифрового развития" \
	--title "Перечень точек взаимодействия" --area "связь"
expect_status 0 "$P" -d "$DB" tp set 1.1 --name "Приём обращений"
expect_status 0 "$P" -d "$DB" verify
expect_in "$WORK/out" "Журнал изменений и редакции целы"

# A logged need changed beside the program: that entry, with its day.
id=$(sqlite3 "$DB" "SELECT max(id) FROM change_log")
day=$(sqlite3 "$DB" "SELECT strftime('%d.%m.%Y', at_utc) FROM change_log \
	WHERE id = $id")
sqlite3 "$DB" "UPDATE change_log SET new_value = 'подмена' WHERE id = $id"
expect_status 1 "$P" -d "$DB" verify
expect_in "$WORK/err" "запись журнала $id от $day изменена вне программы"

# Put back, it verifies again: the hash is of the content, not of the
# time it was checked.
sqlite3 "$DB" "UPDATE change_log SET new_value = 'Приём обращений' \
	WHERE id = $id"
expect_status 0 "$P" -d "$DB" verify

# A revision's frozen list.
expect_status 0 "$P" -d "$DB" approve --order 12 --date 01.12.2026
expect_status 0 "$P" -d "$DB" verify
sqlite3 "$DB" "UPDATE rev_touchpoint SET unit = 'другой' WHERE rowid = \
	(SELECT min(rowid) FROM rev_touchpoint)"
expect_status 1 "$P" -d "$DB" verify
expect_in "$WORK/err" "редакция 1 изменена вне программы"

# A list of schema 9: the migration hashes the log it has.
DB2="$WORK/old.db"
expect_status 0 "$P" -d "$DB2" import --quiet "$EXAMPLE"
sqlite3 "$DB2" "ALTER TABLE change_log DROP COLUMN hash; \
	ALTER TABLE revision DROP COLUMN approves; \
	ALTER TABLE revision DROP COLUMN hash; DROP TABLE chain_checkpoint; \
	PRAGMA user_version = 9"
expect_status 0 "$P" -d "$DB2" verify
expect_in "$WORK/out" "записей 1,"
[ "$(sqlite3 "$DB2" 'PRAGMA user_version')" = 11 ] ||
    fail "schema not migrated to 11"
echo "ok"
