#!/bin/sh
# perechen backup while another process edits in a loop: the copy is
# whole (integrity_check ok) and its log verifies; restore brings it back
# after showing what it holds, only with --yes off a terminal, and refuses
# a file that is no list.
. "$TESTS_DIR/cli/lib.sh"

skip_without sqlite3
P="$PERECHEN"
expect_status 0 "$P" -d "$DB" import --quiet "$EXAMPLE"

# A writer in a loop until told to stop.
: >"$WORK/writing"
(
	i=0
	while [ -e "$WORK/writing" ]; do
		i=$((i + 1))
		"$P" -d "$DB" tp set 1.1 --name "Сайт, правка $i" \
			>/dev/null 2>&1 || echo "writer failed at $i" >>"$WORK/wfail"
	done
) &
writer=$!
# Wait until the writer has logged something, then copy under it.
n=0
while [ "$(sqlite3 -cmd '.timeout 5000' "$DB" \
	'SELECT count(*) FROM change_log')" -lt 3 ]; do
	n=$((n + 1))
	[ $n -lt 600 ] || { rm -f "$WORK/writing"; fail "writer never wrote"; }
	sleep 0.1
done
expect_status 0 "$P" -d "$DB" backup -o "$WORK/copy1.db"
expect_in "$WORK/out" "Копия перечня записана: $WORK/copy1.db"
expect_status 0 "$P" -d "$DB" backup -o "$WORK/copy2.db"
rm -f "$WORK/writing"
wait "$writer"
[ ! -e "$WORK/wfail" ] || fail "the writer failed during the backup: $(cat "$WORK/wfail")"
for c in copy1 copy2; do
	[ "$(sqlite3 "$WORK/$c.db" 'PRAGMA integrity_check')" = ok ] ||
	    fail "$c: integrity_check"
	[ ! -e "$WORK/$c.db-wal" ] || fail "$c: a -wal file beside the copy"
	expect_status 0 "$P" -d "$WORK/$c.db" verify
done
# An existing file is never overwritten.
expect_status 1 "$P" -d "$DB" backup -o "$WORK/copy1.db"

# Restore: what the copy holds first; off a terminal only with --yes.
copied=$(sqlite3 "$WORK/copy1.db" "SELECT max(id) FROM change_log")
name=$(sqlite3 "$WORK/copy1.db" "SELECT name FROM touchpoint WHERE id = \
	(SELECT min(id) FROM touchpoint)")
expect_status 1 "$P" -d "$DB" restore "$WORK/copy1.db" </dev/null
expect_in "$WORK/out" "последнее изменение: запись журнала $copied от"
expect_in "$WORK/err" "--yes"
expect_status 0 "$P" -d "$DB" restore --yes "$WORK/copy1.db"
expect_in "$WORK/out" "Перечень восстановлен из копии"
[ "$(sqlite3 "$DB" "SELECT name FROM touchpoint WHERE id = \
	(SELECT min(id) FROM touchpoint)")" = "$name" ] || fail "not restored"
expect_status 0 "$P" -d "$DB" log
expect_in "$WORK/out" "восстановление из копии"
expect_status 0 "$P" -d "$DB" verify

# A copy made by the previous program (schema 10): restored through a
# private copy brought to this schema; the copy itself is not touched and
# nothing is left in the temporary folder.
expect_status 0 "$P" -d "$DB" backup -o "$WORK/old.db"
sqlite3 "$WORK/old.db" "ALTER TABLE revision DROP COLUMN approves;
	PRAGMA user_version = 10"
sum=$(cksum <"$WORK/old.db")
mkdir "$WORK/tmp"
expect_status 0 "$P" -d "$DB" tp set 1.1 --name "После копии"
expect_status 0 env TMPDIR="$WORK/tmp" "$P" -d "$DB" restore --yes \
	"$WORK/old.db"
expect_in "$WORK/out" "Перечень восстановлен из копии"
expect_status 0 "$P" -d "$DB" tp show 1.1
grep -q "После копии" "$WORK/out" && fail "the old copy was not restored"
[ "$(cksum <"$WORK/old.db")" = "$sum" ] || fail "the old copy was changed"
[ -z "$(ls -A "$WORK/tmp")" ] || fail "left in TMPDIR: $(ls -A "$WORK/tmp")"
[ "$(sqlite3 "$DB" "PRAGMA user_version")" = \
	"$(sqlite3 "$WORK/copy1.db" "PRAGMA user_version")" ] ||
	fail "the restored list is not at this schema"
expect_status 0 "$P" -d "$DB" verify

# Not a list: refused, the list unchanged.
sqlite3 "$WORK/other.db" "CREATE TABLE t (x)"
echo "не база" >"$WORK/text.db"
for f in other.db text.db; do
	expect_status 1 "$P" -d "$DB" restore --yes "$WORK/$f"
	expect_in "$WORK/err" "копия не принята"
done
# A copy whose log was changed beside the program: refused.
sqlite3 "$WORK/copy2.db" "UPDATE change_log SET login = 'x' WHERE id = 1"
expect_status 1 "$P" -d "$DB" restore --yes "$WORK/copy2.db"
expect_in "$WORK/err" "изменена вне программы"
echo "ok"
