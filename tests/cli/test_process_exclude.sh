#!/bin/sh
# perechen process exclude / restore: a process out of the list with a
# reason (п. 5.3.4) is left out of the printed list, whose № runs on
# consecutively; it counts in the status, goes through CSV and comes back.
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN

# numbers FILE: the first line of each process of a text export (№,
# centred, and process), runs of spaces squeezed: "│ 1 │ Информирование │ …".
numbers() {
	grep -E '^│ +[0-9]+ ' "$1" | tr -s ' '
}

expect_status 0 "$P" -d "$DB" import -q "$EXAMPLE"
expect_status 0 "$P" process --help
expect_in "$WORK/out" "process exclude N --reason"
expect_in "$WORK/out" "process restore N"
expect_status 0 "$P" -d "$DB" export --format txt -o "$WORK/before.txt"
numbers "$WORK/before.txt" >"$WORK/n"
expect_in "$WORK/n" "│ 3 │ Профилактический визит "
expect_in "$WORK/n" "│ 5 │ Досудебное обжалование "

# No reason, a bad number, a process that is not there: nothing changes.
before=$(db_digest)
expect_status 2 "$P" -d "$DB" process exclude 3
expect_in "$WORK/err" "--reason"
expect_status 2 "$P" -d "$DB" process exclude 3 --reason ""
expect_status 2 "$P" -d "$DB" process exclude x --reason "причина"
expect_status 1 "$P" -d "$DB" process exclude 9 --reason "причина"
expect_in "$WORK/err" "процесса № 9 нет"
expect_status 1 "$P" -d "$DB" process restore 3
expect_in "$WORK/err" "не исключён"
[ "$(db_digest)" = "$before" ] || fail "a refused exclusion changed the list"

expect_status 0 "$P" -d "$DB" process exclude 3 --reason "контроль передан"
expect_status 1 "$P" -d "$DB" process exclude 3 --reason "ещё раз"
expect_in "$WORK/err" "уже исключён"
expect_status 0 "$P" -d "$DB" log --limit 1
expect_in "$WORK/out" "5.3.4"
expect_in "$WORK/out" "3 Профилактический визит"
expect_in "$WORK/out" "исключён: контроль передан"

# The printed list leaves it out and numbers the rest 1..4.
expect_status 0 "$P" -d "$DB" export --format txt -o "$WORK/out.txt"
expect_not_in "$WORK/out.txt" "Профилактический визит"
numbers "$WORK/out.txt" >"$WORK/n"
[ "$(wc -l <"$WORK/n")" -eq 4 ] || {
	cat "$WORK/n" >&2; fail "not four processes printed"; }
expect_in "$WORK/n" "│ 1 │ Информирование "
expect_in "$WORK/n" "│ 2 │ Консультирование "
expect_in "$WORK/n" "│ 3 │ Плановая (внеплановая) "
expect_in "$WORK/n" "│ 4 │ Досудебное обжалование "
expect_status 0 "$P" -d "$DB" export --format html -o "$WORK/out.html"
expect_not_in "$WORK/out.html" "Профилактический визит"

# The status counts it under п. 5.3.4.
expect_status 1 "$P" -d "$DB" status
expect_in "$WORK/out" "(п. 5.3.4): 1"
expect_not_in "$WORK/out" "5.3.1"

# CSV keeps the exclusion: a list imported from it prints the same.
expect_status 0 "$P" -d "$DB" export --format csv -o "$WORK/l.csv"
expect_in "$WORK/l.csv" "3,Профилактический визит,,,,,,,,,,,,,,да,контроль передан"
expect_status 0 "$P" -d "$WORK/copy.db" import -q "$WORK/l.csv"
expect_status 0 "$P" -d "$WORK/copy.db" export --format csv -o "$WORK/l2.csv"
cmp -s "$WORK/l.csv" "$WORK/l2.csv" || fail "CSV round trip changed the list"

# Restored: back in the printed list as № 3, counted under п. 5.3.1.
expect_status 0 "$P" -d "$DB" process restore 3
expect_status 1 "$P" -d "$DB" process restore 3
expect_status 0 "$P" -d "$DB" export --format txt -o "$WORK/back.txt"
cmp -s "$WORK/before.txt" "$WORK/back.txt" ||
    fail "the restored list prints differently"
expect_status 1 "$P" -d "$DB" status
expect_in "$WORK/out" "(п. 5.3.1): 1"
expect_in "$WORK/out" "(п. 5.3.4): 1"

# Roles: only an authorised person; needs other accounts.
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1 ||
    ! getent passwd daemon >/dev/null; then
	echo "skipped: needs root, setpriv and the account daemon"
	exit 0
fi
chmod 755 "$WORK"
SHARED="$WORK/shared"
mkdir "$SHARED"
chmod 777 "$SHARED"
L="$SHARED/l.db"
cp "$DB" "$L"
chmod 666 "$L"
cp "$P" "$WORK/perechen"
chmod 755 "$WORK/perechen"
expect_status 0 "$P" -d "$L" tp set 2.2 --unit "отдел А"
expect_status 0 "$P" -d "$L" users add daemon --role editor --unit "отдел А"
chmod 666 "$L"
expect_status 1 setpriv --reuid="$(id -u daemon)" --regid="$(id -g daemon)" \
    --clear-groups env HOME=/nonexistent PERECHEN_SHARE="$PERECHEN_SHARE" \
    ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
    "$WORK/perechen" -d "$L" process exclude 2 --reason "причина"
expect_in "$WORK/err" "уполномоченное лицо"
expect_status 0 "$P" -d "$L" export --format txt -o "$WORK/l.txt"
expect_in "$WORK/l.txt" "Консультирование"
